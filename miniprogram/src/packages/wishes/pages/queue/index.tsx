import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Screen } from '../../../../components/Screen'
import { Button } from '../../../../components/ui/Button'
import { Empty, ErrorState, Loading } from '../../../../components/StateView'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { useShown } from '../../../../components/useShown'
import { wishQueue } from '../../../../services/api/microWishes'
import { PAGES, withQuery } from '../../../../services/nav'
import { WishRow } from '../../components/wish'
import '../../components/wishes.scss'

/** The grid worker's wishes: new ones to check and publish, disputes to settle (oldest first), and 代居民发布. */
export default function QueuePage() {
  const loggedIn = useRequireLogin()
  const shown = useShown()
  const q = useAsync(() => wishQueue(), [shown], loggedIn && shown > 0)
  usePullDownRefresh(() => {
    q.reload()
    void Taro.stopPullDownRefresh()
  })
  if (!loggedIn || (q.loading && !q.data))
    return (
      <Screen className="queue-page">
        <Loading />
      </Screen>
    )
  if (!q.data)
    return (
      <Screen className="queue-page">
        <ErrorState message={q.error ?? ''} onRetry={q.reload} />
      </Screen>
    )
  const grid = q.data.grids[0]
  return (
    <Screen className="queue-page">
      {q.data.grids.length === 0 && <Empty className="queue-not-worker" text="您不是网格员，没有需要审核的心愿" />}
      <View className="card">
        <View className="card__title">
          <Text className="card__title-text">待核实审核</Text>
          <Text className="badge queue-vetting-count">{q.data.vetting.length}</Text>
        </View>
        {q.data.vetting.length === 0 ? (
          <Empty className="queue-vetting-empty" text="没有待审核的心愿" />
        ) : (
          q.data.vetting.map((w) => <WishRow key={w.wishId} wish={w} className="queue-item" />)
        )}
      </View>
      <View className="card">
        <View className="card__title">
          <Text className="card__title-text">有异议待处理</Text>
          <Text className="badge queue-disputes-count">{q.data.disputes.length}</Text>
        </View>
        {q.data.disputes.length === 0 ? (
          <Empty className="queue-disputes-empty" text="没有异议" />
        ) : (
          q.data.disputes.map((w) => <WishRow key={w.wishId} wish={w} className="queue-dispute" />)
        )}
      </View>
      {grid && (
        <View className="wish-links">
          <Button
            className="queue-post-behalf"
            onClick={() => void Taro.navigateTo({ url: withQuery(PAGES.postWish, { onBehalf: '1' }) })}
          >
            代居民发布心愿
          </Button>
          <Button
            kind="ghost"
            className="queue-wall"
            onClick={() =>
              void Taro.navigateTo({ url: withQuery(PAGES.wishWall, { gridId: grid.gridId, name: grid.gridName }) })
            }
          >
            本网格心愿墙
          </Button>
          <Button
            kind="ghost"
            className="queue-figures"
            onClick={() =>
              void Taro.navigateTo({ url: withQuery(PAGES.wishFigures, { communityId: grid.communityId }) })
            }
          >
            心愿统计
          </Button>
        </View>
      )}
    </Screen>
  )
}
