import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { ReviewQueueItem } from '@contracts/deliberation'
import { ErrorState, Empty, Loading } from '../../../../components/StateView'
import { Screen } from '../../../../components/Screen'
import { ResultPage } from '../../../../components/ResultPage'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { useAsync } from '../../../../components/useAsync'
import { useShown } from '../../../../components/useShown'
import { reviewCommunities } from '../../../../components/matter'
import { getDeliberationSettings, reviewQueue } from '../../../../services/api/deliberation'
import { getMe } from '../../../../services/api/identity'
import { goBackOrHome } from '../../../../services/nav'
import { ReviewItem } from './ReviewItem'
import './index.scss'

/**
 * 两委审议: the proposals waiting for review in the community, first come first reviewed. Each is accepted
 * and triaged (小事/一般事/大事) with a responsible party from the 责任方名录, returned for revision with a note,
 * or rejected with a reason (a 不议 category's reason can be picked): ReviewItem.tsx.
 */
export default function ReviewPage() {
  const { params } = useRouter()
  const loggedIn = useRequireLogin()
  const shown = useShown()

  const communityId = useAsync<string | null>(
    async () =>
      params.communityId ? String(params.communityId) : (reviewCommunities(await getMe())[0]?.communityId ?? null),
    [params.communityId],
    loggedIn,
  )
  const screen = (content: JSX.Element) => <Screen className="review-page">{content}</Screen>
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
    return screen(<ResultPage className="error-state" title="无审议权限" text="只有社区两委可以审议居民提议" />)
  return screen(<Queue communityId={communityId.data} shown={shown} />)
}

function Queue({ communityId, shown }: { communityId: string; shown: number }) {
  const list = useAsync(async () => (await reviewQueue(communityId)).items, [communityId, shown], shown > 0)
  const settings = useAsync(() => getDeliberationSettings(communityId), [communityId])
  const [items, setItems] = useState<ReviewQueueItem[]>([])
  useEffect(() => {
    if (list.data) setItems(list.data)
  }, [list.data])
  usePullDownRefresh(() => {
    list.reload()
    void Taro.stopPullDownRefresh()
  })
  const remove = (matterId: string) => setItems((all) => all.filter((m) => m.matterId !== matterId))
  const excluded = (settings.data?.categories ?? []).filter((c) => c.kind === 'exclude')

  return (
    <View>
      <View className="card">
        <View className="card__title">
          <Text className="card__title-text">待审议</Text>
          {list.data && <Text className="card__hint review-count">{items.length} 件</Text>}
        </View>
        {list.loading && !list.data ? (
          <Loading />
        ) : !list.data ? (
          <ErrorState message={list.error ?? '加载失败'} onRetry={list.reload} />
        ) : items.length === 0 ? (
          <Empty className="review-empty" text="暂无待审议的提议" />
        ) : (
          items.map((m) => <ReviewItem key={m.matterId} matter={m} excluded={excluded} onDone={remove} />)
        )}
      </View>
    </View>
  )
}
