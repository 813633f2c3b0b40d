import { View, Text } from '@tarojs/components'
import type { Topic } from '@contracts/notifications'
import { useAsync } from './useAsync'
import { listSubscriptions } from '../services/api/notifications'
import { rememberTopics, requestConsent } from '../services/subscribe'
import './SubscribeBar.scss'

/**
 * 接收通知: a discreet row with how many messages of `topics` the user may still receive and a button that asks
 * WeChat for more (one per 「允许」). Hidden while loading, when loading failed, or when the stage has no
 * template for any of the topics: a notification consent never stands in the way.
 */
export function SubscribeBar({ topics, communityId, className = '' }: { topics: Topic[]; communityId?: string; className?: string }) {
  const list = useAsync(async () => {
    const res = await listSubscriptions(communityId)
    rememberTopics(res.items)
    return res.items.filter((i) => topics.includes(i.topic) && i.templateId)
  }, [communityId, topics.join(',')])
  const items = list.data ?? []
  if (items.length === 0) return null

  const ask = () => {
    // Opens the dialog now, within the tap; the counts refresh once the 「允许」s are recorded.
    void requestConsent(topics, communityId).recorded.then((allowed) => {
      if (allowed.length > 0) list.reload()
    })
  }
  return (
    <View className={`subscribe-bar ${className}`}>
      <Text className="subscribe-bar__text subscribe-remaining">可接收通知：{items.map((i) => `${i.label} ${i.remaining} 条`).join(' · ')}</Text>
      <View className="btn btn--ghost btn--small subscribe-button" onClick={ask}>
        接收通知
      </View>
    </View>
  )
}
