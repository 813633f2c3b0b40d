import { View, Text } from '@tarojs/components'
import type { Topic } from '@contracts/notifications'
import type { Me } from '@contracts/identity'
import { Button } from '../../components/ui/Button'
import { ErrorState, Loading } from '../../components/StateView'
import { useAsync } from '../../components/useAsync'
import { communityOf } from '../../components/matter'
import { listSubscriptions } from '../../services/api/notifications'
import { rememberTopics, requestConsent } from '../../services/subscribe'

/**
 * 消息通知: how many WeChat messages of each topic the user may still receive (one per 「允许」), and a button
 * that asks for one more of each. 待办提醒 only for staff.
 */
export function Subscriptions({ me, shown }: { me: Me; shown: number }) {
  const communityId = communityOf(me)
  const list = useAsync(
    async () => {
      const res = await listSubscriptions(communityId)
      rememberTopics(res.items)
      return res
    },
    [communityId, shown],
    shown > 0,
  )
  const staff = me.grants.length > 0
  const items = (list.data?.items ?? []).filter((i) => staff || i.topic !== 'task')
  // Notifications come from a community: without one (no bound household, no community role) there is nothing to ask for.
  const asked: Topic[] = list.data?.communityId ? items.filter((i) => i.templateId).map((i) => i.topic) : []

  const askMore = () => {
    // Opens the dialog now, within the tap; the counts refresh once the 「允许」s are recorded.
    void requestConsent(asked, communityId).recorded.then((allowed) => {
      if (allowed.length > 0) list.reload()
    })
  }

  return (
    <View className="card mine-subscriptions">
      <View className="card__title">
        <Text className="card__title-text">消息通知</Text>
      </View>
      {list.loading && !list.data ? (
        <Loading />
      ) : list.error && !list.data ? (
        <ErrorState message={list.error} onRetry={list.reload} />
      ) : (
        <>
          {items.map((i) => (
            <View key={i.topic} className={`row subscription-topic subscription-topic--${i.topic}`}>
              <View className="row__main">
                <Text className="row__title">{i.label}</Text>
                {!i.templateId && <Text className="row__sub">暂未开通</Text>}
              </View>
              <Text className={`badge ${i.remaining > 0 ? 'badge--soft' : 'badge--grey'} subscription-remaining`}>
                可接收 {i.remaining} 条
              </Text>
            </View>
          ))}
          <Text className="muted mine-subscriptions__hint">
            {list.data?.communityId
              ? '微信每次点「允许」只送达一条通知，收完后可在这里再次开启。'
              : '绑定房屋后可接收议事通知。'}
          </Text>
          {asked.length > 0 && (
            <Button kind="ghost" block className="subscribe-more" onClick={askMore}>
              接收更多通知
            </Button>
          )}
        </>
      )}
    </View>
  )
}
