import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { WallCard } from '@contracts/microWishes'
import type { Me } from '@contracts/identity'
import { Screen } from '../../../../components/Screen'
import { Button } from '../../../../components/ui/Button'
import { Empty, ErrorState, Loading } from '../../../../components/StateView'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { useShown } from '../../../../components/useShown'
import { communityOf } from '../../../../components/matter'
import { a11y } from '../../../../lib/a11y'
import { wishWall } from '../../../../services/api/microWishes'
import { getMe } from '../../../../services/api/identity'
import { messageOf } from '../../../../services/http'
import { PAGES, safeDecode } from '../../../../services/nav'
import { WallCardView } from '../../components/wish'
import './index.scss'

type Show = 'open' | 'done'
type Order = 'newest' | 'due'

const isMember = (me: Me) => me.grants.some((g) => g.role === 'inServiceMember')

/**
 * 心愿墙: the wishes of a grid (`?gridId=`) or a community (`?communityId=`, else the caller's own) that wait for a
 * claimant, newest or most urgent first, and those already fulfilled with their thank-you letters. Names are 姓**.
 */
export default function WallPage() {
  const { params } = useRouter()
  const loggedIn = useRequireLogin()
  const shown = useShown()
  const [show, setShow] = useState<Show>('open')
  const [order, setOrder] = useState<Order>('newest')
  const me = useAsync(() => getMe(), [], loggedIn)
  const scope = params.gridId
    ? { gridId: String(params.gridId) }
    : params.communityId
      ? { communityId: String(params.communityId) }
      : me.data
        ? { communityId: communityOf(me.data) }
        : undefined
  const scopeKey = JSON.stringify(scope ?? null)
  const first = useAsync(
    () => wishWall(scope!, { show, order }),
    [scopeKey, show, order, shown],
    loggedIn && shown > 0 && !!(scope?.gridId || scope?.communityId),
  )
  const [more, setMore] = useState<WallCard[]>([])
  const [cursor, setCursor] = useState<string>()
  const [moreBusy, setMoreBusy] = useState(false)
  const [moreError, setMoreError] = useState<string>()
  useEffect(() => {
    setMore([])
    setCursor(first.data?.nextCursor)
  }, [first.data])

  const loadMore = async () => {
    if (!cursor || moreBusy || !scope) return
    setMoreBusy(true)
    setMoreError(undefined)
    try {
      const page = await wishWall(scope, { show, order, cursor })
      setMore((m) => [...m, ...page.items])
      setCursor(page.nextCursor)
    } catch (e) {
      setMoreError(messageOf(e))
    } finally {
      setMoreBusy(false)
    }
  }
  useReachBottom(() => void loadMore())
  usePullDownRefresh(() => {
    first.reload()
    void Taro.stopPullDownRefresh()
  })

  const items = [...(first.data?.items ?? []), ...more]
  const name = params.name ? safeDecode(String(params.name)) : ''
  if (!loggedIn)
    return (
      <Screen className="wall-page">
        <Loading text="请先登录…" />
      </Screen>
    )
  return (
    <Screen className="wall-page">
      <View className="wall-intro">
        <Text className="wall-intro__title wall-title">心愿墙{name ? ` · ${name}` : ''}</Text>
        <Text className="wall-intro__text">
          居民的小心愿，经网格员上门或电话核实后在这里展示。在职党员认领后帮忙实现，姓名只显示姓氏。
        </Text>
      </View>
      {me.data && (
        <View className="wish-links">
          {me.data.households.length > 0 && (
            <Button className="wall-post" onClick={() => void Taro.navigateTo({ url: PAGES.postWish })}>
              发布心愿
            </Button>
          )}
          {me.data.households.length > 0 && (
            <Button kind="ghost" className="wall-mine" onClick={() => void Taro.navigateTo({ url: PAGES.myWishes })}>
              我的心愿
            </Button>
          )}
          {isMember(me.data) && (
            <Button kind="ghost" className="wall-claims" onClick={() => void Taro.navigateTo({ url: PAGES.myClaims })}>
              我的认领
            </Button>
          )}
        </View>
      )}
      <View className="wish-tabs" {...a11y('tablist', { label: '心愿墙' })}>
        {(['open', 'done'] as const).map((s) => (
          <View
            key={s}
            className={`wish-tab wall-tab wall-tab--${s} ${show === s ? 'is-active' : ''}`}
            {...a11y('tab', { selected: show === s })}
            onClick={() => setShow(s)}
          >
            <Text>{s === 'open' ? '待认领' : '已实现'}</Text>
          </View>
        ))}
      </View>
      {show === 'open' && (
        <View className="wall-orders" {...a11y('radiogroup', { label: '排序' })}>
          {(['newest', 'due'] as const).map((o) => (
            <View
              key={o}
              className={`chip wall-order wall-order--${o} ${order === o ? 'is-active' : ''}`}
              {...a11y('radio', { checked: order === o })}
              onClick={() => setOrder(o)}
            >
              <Text>{o === 'newest' ? '最新发布' : '最急需'}</Text>
            </View>
          ))}
        </View>
      )}
      {first.loading && !first.data ? (
        <Loading />
      ) : first.error && !first.data ? (
        <ErrorState message={first.error} onRetry={first.reload} />
      ) : items.length === 0 ? (
        <Empty className="wall-empty" text={show === 'open' ? '现在没有待认领的心愿' : '还没有已实现的心愿'} />
      ) : (
        items.map((c) => <WallCardView key={c.wishId} card={c} />)
      )}
      {cursor && (
        <Button
          kind="ghost"
          block
          className="wall-more"
          busy={moreBusy}
          busyText="加载中…"
          onClick={() => void loadMore()}
        >
          加载更多
        </Button>
      )}
      {moreError && <Text className="field-error wall-more-error">{moreError}</Text>}
      {!cursor && items.length > 0 && <Text className="muted wall-end">没有更多了</Text>}
    </Screen>
  )
}
