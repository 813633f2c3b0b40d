import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { QueueItem } from '@contracts/moderation'
import { ErrorState, Empty, Loading } from '../../../../components/StateView'
import { Screen } from '../../../../components/Screen'
import { ResultPage } from '../../../../components/ResultPage'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { useAsync } from '../../../../components/useAsync'
import { useShown } from '../../../../components/useShown'
import { adminCommunities, reviewCommunities } from '../../../../components/matter'
import { getMe } from '../../../../services/api/identity'
import { moderationDecisions, moderationQueue } from '../../../../services/api/moderation'
import { goBackOrHome } from '../../../../services/nav'
import { formatTime } from '../../../../lib/time'
import { Item } from './Item'
import { Threshold } from './Threshold'
import './index.scss'

const outcomeLabels = { restore: '恢复显示', remove: '移除', block: '自动隐藏' } as const

/**
 * 内容审核: what WeChat's content check asked a person to look at and what residents' reports hid, oldest first,
 * with counts; a committee member restores or removes each with a reason. Below, the record of decisions.
 */
export default function ModerationPage() {
  const { params } = useRouter()
  const loggedIn = useRequireLogin()
  const shown = useShown()
  const communityId = useAsync<string | null>(
    async () =>
      params.communityId ? String(params.communityId) : (reviewCommunities(await getMe())[0]?.communityId ?? null),
    [params.communityId],
    loggedIn,
  )
  // The community admin also keeps how many reports hide an item.
  const me = useAsync(() => getMe(), [], loggedIn)
  const admin =
    !!communityId.data && !!me.data && adminCommunities(me.data).some((c) => c.communityId === communityId.data)
  const screen = (content: JSX.Element) => <Screen className="moderation-page">{content}</Screen>
  if (!loggedIn) return screen(<Loading text="请先登录…" />)
  if (communityId.loading && communityId.data === undefined) return screen(<Loading />)
  if (communityId.data === undefined) {
    return screen(
      <ResultPage
        className="error-state"
        title="加载失败"
        text={communityId.error}
        primary={{ text: '重试', onClick: communityId.reload, className: 'error-state__retry' }}
        secondary={{ text: '返回', onClick: goBackOrHome, className: 'result-back' }}
      />,
    )
  }
  if (!communityId.data)
    return screen(
      <ResultPage className="error-state" title="无审核权限" text="只有社区两委和社区管理员可以处理待审核内容" />,
    )
  return screen(
    <View>
      <Queue communityId={communityId.data} shown={shown} />
      {admin && <Threshold communityId={communityId.data} />}
    </View>,
  )
}

function Queue({ communityId, shown }: { communityId: string; shown: number }) {
  const queue = useAsync(() => moderationQueue(communityId), [communityId, shown], shown > 0)
  const log = useAsync(async () => (await moderationDecisions(communityId)).items, [communityId, shown], shown > 0)
  const [items, setItems] = useState<QueueItem[]>([])
  useEffect(() => {
    if (queue.data) setItems(queue.data.items)
  }, [queue.data])
  usePullDownRefresh(() => {
    queue.reload()
    log.reload()
    void Taro.stopPullDownRefresh()
  })
  const done = (contentKey: string) => {
    setItems((all) => all.filter((i) => i.contentKey !== contentKey))
    log.reload()
  }
  const review = items.filter((i) => i.state === 'review').length

  return (
    <View>
      <View className="card">
        <View className="card__title">
          <Text className="card__title-text">待审核</Text>
          {queue.data && (
            <Text className="card__hint moderation-count">
              共 {items.length} 条（待复审 {review}，被举报 {items.length - review}）
            </Text>
          )}
        </View>
        {queue.loading && !queue.data ? (
          <Loading />
        ) : !queue.data ? (
          <ErrorState message={queue.error ?? '加载失败'} onRetry={queue.reload} />
        ) : items.length === 0 ? (
          <Empty className="moderation-empty" text="暂无待审核的内容" />
        ) : (
          items.map((i) => <Item key={i.contentKey} item={i} onDone={done} />)
        )}
      </View>
      <View className="card">
        <View className="card__title">
          <Text className="card__title-text">处理记录</Text>
        </View>
        {(log.data ?? []).length === 0 ? (
          <Empty className="moderation-decisions-empty" text={log.loading ? '加载中…' : '还没有处理记录'} />
        ) : (
          log.data!.map((d) => (
            <View
              key={`${d.contentKey}-${d.at}`}
              className={`moderation-decision moderation-decision--${d.outcome}`}
              data-content-key={d.contentKey}
            >
              <Text className="moderation-decision__what">
                {outcomeLabels[d.outcome]} · {d.kind === 'photo' ? '照片' : '文字'} · {d.authorName} · {d.subject.title}
              </Text>
              <Text className="moderation-decision__who">
                {d.byName} · {formatTime(d.at)}
              </Text>
              <Text className="moderation-decision__reason">理由：{d.reason}</Text>
            </View>
          ))
        )}
      </View>
    </View>
  )
}
