import { View, Text } from '@tarojs/components'
import { Screen } from '../../../../components/Screen'
import { PRIVACY_VERSION } from '../../../../services/privacy'
import '../help/index.scss'

/** What the policy says, section by section: what is collected, why, who sees it, how long it is kept, the user's rights. */
const SECTIONS: { title: string; paragraphs: string[] }[] = [
  {
    title: '我们收集哪些信息',
    paragraphs: [
      '微信登录标识：您用微信登录时，微信提供的账号标识，用来识别您，不包括您的微信密码和聊天内容。',
      '房屋信息：您申请绑定的楼栋、单元和房号，以及您填写的备注，用来确认您是本小区的居民、是哪一户的户代表。',
      '您提交的内容：提议的标题、内容和照片，附议、意见、投票和评议。',
      '工作人员的电话：网格员和楼长登记的手机号，登录后才向居民显示完整号码，便于联系。',
    ],
  },
  {
    title: '我们怎样使用',
    paragraphs: ['只用于本社区的五议工作法议事、网格服务和给您发送您同意接收的微信通知。不用于广告，不出售给任何人。'],
  },
  {
    title: '谁能看到',
    paragraphs: [
      '提议、意见和办理过程向议题范围内（本楼、本小区或本社区）的居民公开；记名投票中本户投了什么只有本户能看到；无记名投票不记录是哪一户投的。',
      '房屋绑定申请只有楼长和网格员能看到，用于审核。',
    ],
  },
  {
    title: '保存多久',
    paragraphs: ['议事记录按社区档案的要求保存；您解除房屋绑定或注销后，您的房屋信息不再用于新的议事。'],
  },
  {
    title: '您的权利',
    paragraphs: [
      '您可以随时在「我的」中退出登录，拒绝或再次开启微信通知；如需更正房屋信息或删除账号，请联系您的网格员或社区居委会。',
    ],
  },
]

export default function PrivacyPage() {
  return (
    <Screen className="privacy-page">
      <View className="card">
        <View className="card__title">
          <Text className="card__title-text">网格连心隐私政策</Text>
        </View>
        <Text className="muted">版本 {PRIVACY_VERSION}。「网格连心」由社区居委会运营，用于党建引领的小区治理。</Text>
      </View>
      {SECTIONS.map((s) => (
        <View key={s.title} className="card help-section">
          <View className="card__title">
            <Text className="card__title-text">{s.title}</Text>
          </View>
          {s.paragraphs.map((p) => (
            <Text key={p} className="help-section__text">
              {p}
            </Text>
          ))}
        </View>
      ))}
    </Screen>
  )
}
