import { useEffect } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Screen } from '../../../../components/Screen'
import { Button } from '../../../../components/ui/Button'
import { getLastCard } from '../../../../services/lastCard'
import { PAGES, withQuery } from '../../../../services/nav'
import './index.scss'

const QUESTIONS: { q: string; a: string }[] = [
  {
    q: '怎样绑定我的房屋？',
    a: '扫描楼道里张贴的「网格连心服务卡」，点「绑定我的房屋」，选楼栋、填单元和房号。楼长或网格员审核通过后即绑定，每户第一位通过的居民是户代表。',
  },
  {
    q: '怎样提出建议（提议）？',
    a: '在「议事」里点「提议」，选范围和类别，写清楚现状和建议。需要范围内几位居民附议后，才会交给两委审议。',
  },
  { q: '什么是附议？', a: '同意别人的提议、希望尽快讨论，就点「附议」。每人每个议题附议一次。' },
  { q: '谁来投票？能改吗？', a: '一户一票，由户代表为本户投票。投出后不能更改，请确认后再投。' },
  {
    q: '字太小看不清怎么办？',
    a: '在「我的」里打开「长辈模式（大字版）」，文字和按钮都会变大。手机设置了大字体时会自动打开。',
  },
  { q: '怎样联系网格员？', a: '打开您的网格服务卡，登录后点「拨打电话」。' },
]

/** 使用帮助: the questions people ask, and 意见反馈 (in H5, where WeChat's feedback page does not exist). */
export default function HelpPage() {
  const { params } = useRouter()
  useEffect(() => {
    if (params.section === 'feedback')
      void Taro.pageScrollTo({ selector: '.help-feedback', duration: 0 }).catch(() => undefined)
  }, [params.section])
  const card = getLastCard()
  return (
    <Screen className="help-page">
      {QUESTIONS.map((item) => (
        <View key={item.q} className="card help-section help-question">
          <View className="card__title">
            <Text className="card__title-text">{item.q}</Text>
          </View>
          <Text className="help-section__text">{item.a}</Text>
        </View>
      ))}
      <View className="card help-section help-feedback">
        <View className="card__title">
          <Text className="card__title-text">意见反馈</Text>
        </View>
        <Text className="help-section__text">
          在微信小程序里，「我的 → 意见反馈」会打开微信的反馈页面。也可以直接告诉您的网格员，他们会转给社区。
        </Text>
        <Button
          kind="ghost"
          block
          className="help-contact-grid"
          onClick={() => void Taro.navigateTo({ url: card ? withQuery(PAGES.grid, { scene: card.code }) : PAGES.grid })}
        >
          联系网格员
        </Button>
      </View>
    </Screen>
  )
}
