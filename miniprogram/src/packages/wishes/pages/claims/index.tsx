import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Screen } from '../../../../components/Screen'
import { Button } from '../../../../components/ui/Button'
import { Empty, ErrorState, Loading } from '../../../../components/StateView'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { useShown } from '../../../../components/useShown'
import { a11y, hidden } from '../../../../lib/a11y'
import { formatTime } from '../../../../lib/time'
import { listMyClaims } from '../../../../services/api/microWishes'
import { PAGES } from '../../../../services/nav'
import { openWish } from '../../components/wish'
import '../../components/wishes.scss'
import './index.scss'

const outcomeLabels = {
  active: '办理中',
  fulfilled: '已送达，待确认',
  confirmed: '已实现',
  lapsed: '已过期',
  released: '已放弃',
  reopened: '已结束',
} as const

/** 我的认领: the member's claims and how each ended, their service record and their points. */
export default function MyClaimsPage() {
  const loggedIn = useRequireLogin()
  const shown = useShown()
  const data = useAsync(() => listMyClaims(), [shown], loggedIn && shown > 0)
  const r = data.data?.record
  return (
    <Screen className="my-claims-page">
      {data.loading && !data.data ? (
        <Loading />
      ) : data.error && !data.data ? (
        <ErrorState message={data.error} onRetry={data.reload} />
      ) : (
        data.data && (
          <View>
            <View className="card claims-summary">
              <View className="claims-summary__points">
                <Text className="claims-summary__label">我的积分</Text>
                <Text className="claims-summary__value claims-balance">{data.data.balance ?? 0}</Text>
                <Text className="muted claims-earned">其中微心愿获得 {r?.pointsEarned ?? 0} 分</Text>
              </View>
              <View className="claims-record">
                {[
                  ['fulfilled', '已实现', r?.fulfilled],
                  ['active', '办理中', r?.active],
                  ['lapsed', '已过期', r?.lapsed],
                  ['released', '已放弃', r?.released],
                ].map(([k, label, n]) => (
                  <View key={String(k)} className={`claims-record__item claims-record--${k}`}>
                    <Text className="claims-record__value">{n ?? 0}</Text>
                    <Text className="claims-record__label">{label}</Text>
                  </View>
                ))}
              </View>
            </View>
            <View className="card">
              <View className="card__title">
                <Text className="card__title-text">认领记录</Text>
              </View>
              {data.data.items.length === 0 && (
                <Empty className="claims-empty" text="还没有认领过心愿，去心愿墙看看吧" />
              )}
              {data.data.items.map((c) => (
                <View
                  key={`${c.wishId}-${c.claimedAt}`}
                  className={`row claim-item claim-item--${c.outcome}`}
                  data-wish-id={c.wishId}
                  {...a11y('link', { label: `${c.title}，${outcomeLabels[c.outcome]}` })}
                  onClick={() => openWish(c.wishId)}
                >
                  <View className="row__main">
                    <Text className="row__title">{c.title}</Text>
                    <Text className="row__sub">
                      {formatTime(c.claimedAt)} 认领
                      {c.outcome === 'active' ? ` · ${formatTime(c.deadline)} 前完成` : ''}
                    </Text>
                    <Text
                      className={`badge ${c.outcome === 'confirmed' ? 'badge--green' : c.outcome === 'active' || c.outcome === 'fulfilled' ? 'badge--soft' : 'badge--grey'} claim-outcome`}
                    >
                      {outcomeLabels[c.outcome]}
                      {c.outcome === 'confirmed' ? ` +${c.points}积分` : ''}
                    </Text>
                  </View>
                  <Text className="row__arrow" {...hidden()}>
                    ›
                  </Text>
                </View>
              ))}
            </View>
          </View>
        )
      )}
      <View className="wish-links">
        <Button className="claims-wall" onClick={() => void Taro.navigateTo({ url: PAGES.wishWall })}>
          去心愿墙认领
        </Button>
      </View>
    </Screen>
  )
}
