import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { Me } from '@contracts/identity'
import type { MatterSummary, Step } from '@contracts/deliberation'
import { statusLabels, stepLabels, steps } from '@contracts/deliberation'
import { ErrorState, Empty, Loading } from '../../components/StateView'
import { useAsync } from '../../components/useAsync'
import { useShown } from '../../components/useShown'
import { formatTime } from '../../lib/time'
import { adminCommunities, reviewCommunities, statusTone } from '../../components/matter'
import { listMatters } from '../../services/api/deliberation'
import { messageOf } from '../../services/http'
import { getMe } from '../../services/api/identity'
import { PAGES, goLogin, withQuery } from '../../services/nav'
import { isLoggedIn } from '../../services/session'
import { LinkRow } from '../../components/LinkRow'
import './index.scss'

type Filter = Step | 'all'
const FILTERS: Filter[] = ['all', ...steps]

/**
 * 议事 tab: the matters in the user's scope by step (全部 / 居民提议 … / 已办结) or their own proposals, the
 * 提议 button, for the committee the way to the review queue, and for the community admin the way to the 议事规则.
 */
export default function MattersPage() {
  const shown = useShown()
  const loggedIn = shown > 0 && isLoggedIn()
  const [filter, setFilter] = useState<Filter>('all')
  const [mine, setMine] = useState(false)

  const me = useAsync<Me | null>(async () => (isLoggedIn() ? getMe() : null), [shown], shown > 0)
  const query = { ...(filter === 'all' ? {} : { step: filter }), ...(mine ? { mine: 'true' as const } : {}) }
  const list = useAsync(() => listMatters(query), [filter, mine, shown], loggedIn)
  // Later pages, appended below the first; a new first page (filter, refresh) starts them over.
  const [more, setMore] = useState<{ items: MatterSummary[]; cursor?: string }>({ items: [] })
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<string>()
  useEffect(() => {
    setMore({ items: [], cursor: list.data?.nextCursor })
    setMoreError(undefined)
  }, [list.data])
  const loadMore = async () => {
    if (!more.cursor || loadingMore) return
    setLoadingMore(true)
    setMoreError(undefined)
    try {
      const page = await listMatters({ ...query, cursor: more.cursor })
      setMore((m) => ({ items: [...m.items, ...page.items], cursor: page.nextCursor }))
    } catch (e) {
      setMoreError(messageOf(e))
    } finally {
      setLoadingMore(false)
    }
  }
  useReachBottom(() => void loadMore())
  const items = list.data ? [...list.data.items, ...more.items] : undefined
  usePullDownRefresh(() => {
    me.reload()
    list.reload()
    void Taro.stopPullDownRefresh()
  })

  if (shown === 0 || (me.loading && me.data === undefined)) return <Loading />
  if (me.error) {
    return (
      <View className="page">
        <ErrorState message={me.error} onRetry={me.reload} />
      </View>
    )
  }
  if (!me.data) {
    return (
      <View className="page matters-page">
        <View className="card matters-login">
          <Text className="muted">登录后可查看本楼、本小区的议题，提出建议、附议和投票。</Text>
          <View className="btn btn--ghost btn--block matters-login-button" onClick={() => goLogin(PAGES.matters)}>
            登录
          </View>
        </View>
      </View>
    )
  }
  const committee = reviewCommunities(me.data)

  return (
    <View className="page matters-page">
      <View className="matters-bar">
        <View className="matters-bar__filters">
          {FILTERS.map((f) => (
            <View key={f} className={`chip matters-filter matters-filter--${f} ${filter === f ? 'is-active' : ''}`} onClick={() => setFilter(f)}>
              {f === 'all' ? '全部' : stepLabels[f]}
            </View>
          ))}
        </View>
        <View className="matters-bar__actions">
          <View className={`chip matters-mine ${mine ? 'is-active' : ''}`} onClick={() => setMine((m) => !m)}>
            我的提议
          </View>
          <View className="btn btn--primary btn--small propose-button" onClick={() => void Taro.navigateTo({ url: PAGES.propose })}>
            ＋ 提议
          </View>
        </View>
      </View>

      {committee.map((c) => (
        <LinkRow
          key={c.communityId}
          className="review-queue-link"
          card
          title="两委审议"
          sub={`${c.name} · 待审议的居民提议`}
          onClick={() => void Taro.navigateTo({ url: withQuery(PAGES.reviewQueue, { communityId: c.communityId }) })}
        />
      ))}

      {adminCommunities(me.data).map((c) => (
        <LinkRow
          key={c.communityId}
          className="settings-link"
          card
          title="议事规则"
          sub={`${c.name} · 六议六不议清单与议事规则`}
          onClick={() => void Taro.navigateTo({ url: withQuery(PAGES.settings, { communityId: c.communityId }) })}
        />
      ))}

      {list.loading && !list.data ? (
        <Loading />
      ) : list.error ? (
        <ErrorState message={list.error} onRetry={list.reload} />
      ) : !items || items.length === 0 ? (
        <Empty
          className="matters-empty"
          text={mine ? '您还没有提出过议题' : filter === 'all' ? '暂无议题，欢迎提出您的建议' : `暂无“${stepLabels[filter]}”环节的议题`}
        />
      ) : (
        <View>
          {items.map((m) => (
            <MatterCard key={m.matterId} matter={m} />
          ))}
          {moreError && <Text className="field-error matters-more-error">{moreError}</Text>}
          {more.cursor ? (
            <View className={`btn btn--ghost btn--block matters-more ${loadingMore ? 'btn--loading' : ''}`} onClick={() => void loadMore()}>
              {loadingMore ? '加载中…' : '加载更多'}
            </View>
          ) : (
            <Text className="muted matters-end">没有更多了</Text>
          )}
        </View>
      )}
    </View>
  )
}

function MatterCard({ matter }: { matter: MatterSummary }) {
  return (
    <View
      className="card matter-card"
      data-matter-id={matter.matterId}
      onClick={() => void Taro.navigateTo({ url: withQuery(PAGES.matter, { matterId: matter.matterId }) })}
    >
      <View className="matter-card__head">
        <Text className="matter-card__title">{matter.title}</Text>
        <Text className={`badge badge--${statusTone(matter.status)} matter-card__status`}>{statusLabels[matter.status]}</Text>
      </View>
      <View className="matter-card__meta">
        <Text className="matter-card__scope">{matter.scope.name}</Text>
        <Text className="matter-card__category">{matter.categoryName}</Text>
        <Text>{matter.proposerName}</Text>
      </View>
      <View className="matter-card__foot">
        {matter.status === 'seconding' ? (
          <Text className="matter-card__seconds">
            附议 {matter.secondsCount}/{matter.secondsNeeded}
          </Text>
        ) : (
          <Text>{stepLabels[matter.step]}</Text>
        )}
        <Text>{formatTime(matter.updatedAt)}</Text>
      </View>
    </View>
  )
}
