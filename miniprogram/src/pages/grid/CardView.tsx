import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import type { PublicCard } from '@contracts/grids'
import { Screen } from '../../components/Screen'
import { Button } from '../../components/ui/Button'
import { Empty } from '../../components/StateView'
import { useShown } from '../../components/useShown'
import { a11y, hidden } from '../../lib/a11y'
import { getGridContact } from '../../services/api/grids'
import { ApiError, messageOf } from '../../services/http'
import { PAGES, goLogin, withQuery } from '../../services/nav'
import { dial } from '../../services/phone'
import { isLoggedIn } from '../../services/session'
import { Neighbours } from './Neighbours'

/** The card itself: the grid, its worker with 拨打电话, what is open, the ways in, and the neighbours who help. */
export function CardView({ code, card }: { code: string; card: PublicCard }) {
  // Re-render when the user comes back from the login page: the login hint and the call button change.
  useShown()
  const [calling, setCalling] = useState(false)
  const [phone, setPhone] = useState<string>()
  const [callError, setCallError] = useState<string>()

  const callWorker = async () => {
    setCallError(undefined)
    if (!isLoggedIn()) {
      goLogin()
      return
    }
    setCalling(true)
    try {
      const contact = await getGridContact(card.gridId)
      setPhone(contact.phone)
      await dial(contact.phone)
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) setCallError(messageOf(e))
    } finally {
      setCalling(false)
    }
  }

  const counts = [
    { key: 'matters', label: '议事', value: card.openCounts.matters },
    { key: 'polls', label: '投票', value: card.openCounts.polls },
    { key: 'wishes', label: '微心愿', value: card.openCounts.wishes },
    { key: 'activities', label: '志愿活动', value: card.openCounts.activities },
  ]

  return (
    <Screen className="grid-page">
      <View className="grid-header">
        <Text className="grid-header__tag">网格连心服务卡</Text>
        <Text className="grid-header__name grid-name">{card.gridName}</Text>
        <Text className="grid-header__place grid-community">
          {card.streetName} · {card.communityName}
        </Text>
        {card.compoundNames.length > 0 && (
          <Text className="grid-header__compounds">{card.compoundNames.join('、')}</Text>
        )}
      </View>

      <View className="card worker-card grid-worker">
        {card.worker ? (
          <View className="worker">
            <View className="worker__who">
              {card.worker.photoUrl ? (
                <Image
                  className="worker__photo"
                  src={card.worker.photoUrl}
                  mode="aspectFill"
                  ariaLabel={`网格员${card.worker.name}的照片`}
                />
              ) : (
                <View className="worker__photo worker__photo--initial" {...hidden()}>
                  {card.worker.name.slice(0, 1)}
                </View>
              )}
              <View className="worker__info">
                <View>
                  <Text className="worker__name grid-worker-name">{card.worker.name}</Text>
                  <Text className="badge badge--soft">网格员</Text>
                </View>
                <Text className="worker__phone grid-worker-phone">
                  {phone ?? card.worker.phoneMasked ?? '电话未登记'}
                </Text>
              </View>
            </View>
            <Button
              block
              busy={calling}
              busyText="正在获取号码…"
              className="call-worker"
              label={`拨打网格员${card.worker.name}的电话`}
              onClick={() => void callWorker()}
            >
              拨打电话
            </Button>
          </View>
        ) : (
          <Empty className="grid-worker-empty" text="该网格暂未配备网格员" />
        )}
        {card.worker && !isLoggedIn() && <Text className="worker__hint">登录后可查看完整号码并一键拨打</Text>}
        {callError && <Text className="field-error call-error">{callError}</Text>}
      </View>

      <View className="card">
        <View className="open-counts">
          {counts.map((c) => (
            <View key={c.key} className={`open-counts__item open-count--${c.key}`}>
              <Text className="open-counts__value">{c.value}</Text>
              <Text className="open-counts__label">{c.label}</Text>
            </View>
          ))}
        </View>
        <Button
          block
          className="bind-household"
          onClick={() => void Taro.navigateTo({ url: withQuery(PAGES.bind, { gridCode: code }) })}
        >
          绑定我的房屋
        </Button>
        <View className="actions">
          <View
            className="actions__item actions__item--open grid-propose"
            {...a11y('button', { label: '提议事项，小区议事' })}
            onClick={() => void Taro.navigateTo({ url: PAGES.propose })}
          >
            <Text className="actions__label">提议事项</Text>
            <Text className="actions__hint">小区议事</Text>
          </View>
          <View
            className="actions__item actions__item--open grid-wishes"
            {...a11y('button', { label: '微心愿，心愿墙' })}
            onClick={() =>
              void Taro.navigateTo({ url: withQuery(PAGES.wishWall, { gridId: card.gridId, name: card.gridName }) })
            }
          >
            <Text className="actions__label">微心愿</Text>
            <Text className="actions__hint">心愿墙</Text>
          </View>
          <View
            className="actions__item actions__item--open grid-volunteer"
            {...a11y('button', { label: '志愿活动，报名与签到' })}
            onClick={() => void Taro.navigateTo({ url: withQuery(PAGES.volunteerActivities, { gridId: card.gridId }) })}
          >
            <Text className="actions__label">志愿活动</Text>
            <Text className="actions__hint">报名与签到</Text>
          </View>
          <View
            className="actions__item actions__item--open grid-points"
            {...a11y('button', { label: '积分超市，我的积分' })}
            onClick={() => void Taro.navigateTo({ url: '/packages/points/pages/index/index' })}
          >
            <Text className="actions__label">积分超市</Text>
            <Text className="actions__hint">我的积分</Text>
          </View>
        </View>
      </View>

      <Neighbours card={card} />
    </Screen>
  )
}
