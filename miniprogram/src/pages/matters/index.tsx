import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { Me } from '@contracts/identity'
import type { MatterSummary } from '@contracts/deliberation'
import { stepLabels } from '@contracts/deliberation'
import { Screen } from '../../components/Screen'
import { Button } from '../../components/ui/Button'
import { ResultPage } from '../../components/ResultPage'
import { ErrorState, Empty, Loading } from '../../components/StateView'
import { LinkRow } from '../../components/LinkRow'
import { useAsync } from '../../components/useAsync'
import { useShown } from '../../components/useShown'
import { adminCommunities, reviewCommunities } from '../../components/matter'
import { listMatters } from '../../services/api/deliberation'
import { getMe } from '../../services/api/identity'
import { messageOf } from '../../services/http'
import { PAGES, goLogin, withQuery } from '../../services/nav'
import { isLoggedIn } from '../../services/session'
import { MatterCard } from './MatterCard'
import { Toolbar, type Filter } from './Toolbar'
import './index.scss'

/**
 * 议事 tab: the matters in the user's scope by step (全部 / 居民提议 … / 已结束) or their own proposals, a search
 * over the titles loaded, the 提议 button, for the committee the way to the review queue, and for the community
 * admin the way to the 议事规则.
 */
export default function MattersPage() {
  const shown = useShown()
  const loggedIn = shown > 0 && isLoggedIn()
  const [filter, setFilter] = useState<Filter>('all')
  const [mine, setMine] = useState(false)
  const [search, setSearch] = useState('')

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
  usePullDownRefresh(() => {
    me.reload()
    list.reload()
    void Taro.stopPullDownRefresh()
  })

  if (shown === 0 || (me.loading && me.data === undefined)) {
    return (
      <Screen className="matters-page">
        <Loading />
      </Screen>
    )
  }
  if (me.data === undefined) {
    return (
      <Screen className="matters-page">
        <ResultPage
          title="加载失败"
          text={me.error}
          primary={{ text: '重试', onClick: me.reload, className: 'error-state__retry' }}
        />
      </Screen>
    )
  }
  if (!me.data) {
    return (
      <Screen className="matters-page">
        <View className="card matters-login">
          <Text className="matters-login__text">登录后可查看本楼、本小区的议题，提出建议、附议和投票。</Text>
          <Button kind="ghost" block className="matters-login-button" onClick={() => goLogin(PAGES.matters)}>
            登录
          </Button>
        </View>
      </Screen>
    )
  }

  const loaded = list.data ? [...list.data.items, ...more.items] : undefined
  const q = search.trim()
  const items = loaded && q ? loaded.filter((m) => m.title.includes(q)) : loaded
  const emptyText = q
    ? `没有标题含“${q}”的议题${more.cursor ? '（只搜索了已加载的，可加载更多再找）' : ''}`
    : mine
      ? '您还没有提出过议题'
      : filter === 'all'
        ? '暂无议题，欢迎提出您的建议'
        : `暂无“${filter === 'closed' ? '已结束' : stepLabels[filter]}”的议题`
  return (
    <Screen className="matters-page">
      <Toolbar
        filter={filter}
        onFilter={setFilter}
        mine={mine}
        onMine={() => setMine((m) => !m)}
        search={search}
        onSearch={setSearch}
      />

      {reviewCommunities(me.data).map((c) => (
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
      ) : !items ? (
        <ErrorState message={list.error ?? '加载失败'} onRetry={list.reload} />
      ) : items.length === 0 ? (
        <View className="matters-empty-box">
          <Empty className={q ? 'matters-empty matters-search-empty' : 'matters-empty'} text={emptyText} />
          {q && more.cursor && (
            <Button
              kind="ghost"
              block
              busy={loadingMore}
              busyText="加载中…"
              className="matters-more"
              onClick={() => void loadMore()}
            >
              加载更多
            </Button>
          )}
        </View>
      ) : (
        <View>
          {items.map((m) => (
            <MatterCard key={m.matterId} matter={m} />
          ))}
          {moreError && <Text className="field-error matters-more-error">{moreError}</Text>}
          {more.cursor ? (
            <View className="matters-more-box">
              <Button
                kind="ghost"
                block
                busy={loadingMore}
                busyText="加载中…"
                className="matters-more"
                onClick={() => void loadMore()}
              >
                加载更多
              </Button>
            </View>
          ) : (
            <Text className="muted matters-end">没有更多了</Text>
          )}
        </View>
      )}
    </Screen>
  )
}
