import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { redemptionStateLabels } from '@contracts/pointsBank'
import { Screen } from '../../../../components/Screen'
import { ResultPage } from '../../../../components/ResultPage'
import { Empty, Loading } from '../../../../components/StateView'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { useShown } from '../../../../components/useShown'
import { a11y } from '../../../../lib/a11y'
import { formatTime } from '../../../../lib/time'
import { listMyRedemptions } from '../../../../services/api/pointsBank'
import { withQuery } from '../../../../services/nav'
import { POINTS_PAGES } from '../../components/pages'
import { lastDay } from '../../components/points'
import '../../components/points.scss'

const badge = {
  ready: 'badge',
  fulfilled: 'badge badge--green',
  cancelled: 'badge badge--grey',
  expired: 'badge badge--grey',
} as const

/** 我的兑换: newest first; one waiting to be picked up opens its QR. */
export default function MyRedemptionsPage() {
  const loggedIn = useRequireLogin()
  const shown = useShown()
  const { params } = useRouter()
  const list = useAsync(() => listMyRedemptions(params.communityId), [shown], loggedIn && shown > 0)
  if (!loggedIn || (list.loading && !list.data))
    return (
      <Screen className="redemptions-page">
        <Loading />
      </Screen>
    )
  if (!list.data)
    return (
      <Screen className="redemptions-page">
        <ResultPage
          title="加载失败"
          text={list.error}
          primary={{ text: '重试', onClick: list.reload, className: 'error-state__retry' }}
        />
      </Screen>
    )
  return (
    <Screen className="redemptions-page">
      <View className="card">
        {list.data.items.length === 0 && (
          <Empty className="redemptions-empty" text="还没有兑换记录，去积分超市看看吧" />
        )}
        {list.data.items.map((r) => (
          <View
            key={r.redemptionId}
            className={`row staff-entry redemption-row redemption-row--${r.state}`}
            data-redemption-id={r.redemptionId}
            {...a11y('link', { label: `${r.itemName}，${redemptionStateLabels[r.state]}` })}
            onClick={() =>
              void Taro.navigateTo({ url: withQuery(POINTS_PAGES.redemption, { redemptionId: r.redemptionId }) })
            }
          >
            <View className="row__main">
              <Text className="row__title">
                {r.itemName}
                <Text className={`${badge[r.state]} redemption-state`}>{redemptionStateLabels[r.state]}</Text>
              </Text>
              <Text className="row__sub">
                {r.price} 积分 ·{' '}
                {r.state === 'ready' ? `${lastDay(r.deadline)}前领取` : formatTime(r.settledAt ?? r.createdAt)}
              </Text>
            </View>
            <Text className="row__arrow">›</Text>
          </View>
        ))}
      </View>
    </Screen>
  )
}
