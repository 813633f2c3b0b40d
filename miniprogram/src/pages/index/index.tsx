import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { Me } from '@contracts/identity'
import { ErrorState, Empty, Loading } from '../../components/StateView'
import { Screen } from '../../components/Screen'
import { Button } from '../../components/ui/Button'
import { useAsync } from '../../components/useAsync'
import { useShown } from '../../components/useShown'
import { householdLabel, reviewPlaces } from '../../components/me'
import { adminCommunities, reviewCommunities } from '../../components/matter'
import { getMe, listBindingRequests } from '../../services/api/identity'
import { IS_H5 } from '../../services/env'
import { getLastCard } from '../../services/lastCard'
import { PAGES, goLogin, safeDecode, withQuery } from '../../services/nav'
import { isLoggedIn } from '../../services/session'
import { LinkRow } from '../../components/LinkRow'
import { ModerationLink } from '../../components/moderation'
import { WishLinks } from '../../components/wishes'
import './index.scss'

interface HomeData {
  me: Me | null
  pending: number | null
}

/** Pending reviews across the user's places; a failure only hides the count. */
const pendingCount = async (me: Me): Promise<number | null> => {
  const places = reviewPlaces(me).slice(0, 3)
  if (places.length === 0) return null
  try {
    const lists = await Promise.all(places.map((p) => listBindingRequests({ ...p.query, status: 'pending' })))
    return lists.reduce((n, l) => n + l.items.length, 0)
  } catch {
    return null
  }
}

/** The card code inside whatever a scan returns: a mini-program path with `scene=`, or the H5 link. */
const sceneFrom = (text: string | undefined): string | undefined => {
  const m = text ? /[?&]scene=([^&#]+)/.exec(text) : null
  return m?.[1] ? safeDecode(m[1]) : undefined
}

export default function HomePage() {
  const shown = useShown()
  const lastCard = shown > 0 ? getLastCard() : null
  const home = useAsync<HomeData>(
    async () => {
      if (!isLoggedIn()) return { me: null, pending: null }
      const me = await getMe()
      return { me, pending: await pendingCount(me) }
    },
    [shown],
    shown > 0,
  )

  const openGrid = (code: string) => void Taro.navigateTo({ url: withQuery(PAGES.grid, { scene: code }) })

  const scan = async () => {
    try {
      const res = await Taro.scanCode({})
      const code = sceneFrom(res.path) ?? sceneFrom(res.result)
      if (code) openGrid(code)
      else void Taro.showToast({ title: '这不是网格连心服务卡', icon: 'none' })
    } catch {
      // The user closed the scanner.
    }
  }

  return (
    <Screen className="home-page">
      <View className="home-hero">
        <Text className="home-hero__title">网格连心</Text>
        <Text className="home-hero__sub">党建引领 · 小区治理 · 有事找网格</Text>
      </View>

      <View className="card home-grid">
        <View className="card__title">
          <Text className="card__title-text">我的网格</Text>
        </View>
        {lastCard ? (
          <View>
            <View className="home-grid__info">
              <Text className="home-grid__name">{lastCard.card.gridName}</Text>
              <Text className="muted">
                {lastCard.card.communityName}
                {lastCard.card.worker ? ` · 网格员 ${lastCard.card.worker.name}` : ''}
              </Text>
            </View>
            <Button block className="home-open-grid" onClick={() => openGrid(lastCard.code)}>
              打开我的网格
            </Button>
          </View>
        ) : (
          <View>
            <Text className="home-grid__hint">扫描楼道里张贴的“网格连心服务卡”，即可打开您所在网格的服务页面。</Text>
            {!IS_H5 && (
              <Button block className="home-scan" onClick={() => void scan()}>
                扫一扫服务卡
              </Button>
            )}
          </View>
        )}
      </View>

      {home.loading && !home.data ? (
        <Loading />
      ) : home.error && !home.data ? (
        <ErrorState message={home.error} onRetry={home.reload} />
      ) : home.data?.me ? (
        <MeSummary me={home.data.me} pending={home.data.pending} shown={shown} />
      ) : (
        <View className="card home-login-card">
          <Text className="home-login-card__text">登录后可绑定房屋、一键联系网格员、参与小区议事。</Text>
          <Button kind="ghost" block className="home-login" onClick={() => goLogin(PAGES.home)}>
            登录
          </Button>
        </View>
      )}
    </Screen>
  )
}

function MeSummary({ me, pending, shown }: { me: Me; pending: number | null; shown: number }) {
  const reviewer = reviewPlaces(me).length > 0
  const waiting = me.bindingRequests.filter((r) => r.status === 'pending').length
  return (
    <View>
      <View className="card">
        <View className="card__title">
          <Text className="card__title-text home-user">您好，{me.displayName}</Text>
        </View>
        {me.households.length === 0 && (
          <Empty
            text={waiting > 0 ? `您有 ${waiting} 条房屋绑定申请待审核` : '尚未绑定房屋，打开网格服务卡即可申请绑定'}
          />
        )}
        {me.households.map((h) => (
          <View key={h.householdId} className="row home-household">
            <View className="row__main">
              <Text className="row__title">
                {householdLabel(h)}
                {h.isRepresentative && <Text className="badge household-representative">户代表</Text>}
              </Text>
            </View>
          </View>
        ))}
      </View>

      {reviewer && (
        <LinkRow
          className="staff-approvals-link"
          card
          title="绑定审核"
          sub="审核居民的房屋绑定申请"
          badge={pending !== null && pending > 0 && <Text className="badge pending-count">{pending}</Text>}
          onClick={() => void Taro.navigateTo({ url: PAGES.approvals })}
        />
      )}

      {reviewCommunities(me).map((c) => (
        <LinkRow
          key={c.communityId}
          className="home-review-link"
          card
          title="两委审议"
          sub={`${c.name} · 审议居民提议，三事分流`}
          onClick={() => void Taro.navigateTo({ url: withQuery(PAGES.reviewQueue, { communityId: c.communityId }) })}
        />
      ))}

      {reviewCommunities(me).map((c) => (
        <ModerationLink
          key={c.communityId}
          communityId={c.communityId}
          name={c.name}
          className="home-moderation-link"
          card
        />
      ))}

      {adminCommunities(me).map((c) => (
        <LinkRow
          key={c.communityId}
          className="home-settings-link"
          card
          title="议事规则"
          sub={`${c.name} · 六议六不议清单与议事规则`}
          onClick={() => void Taro.navigateTo({ url: withQuery(PAGES.settings, { communityId: c.communityId }) })}
        />
      ))}

      <WishLinks me={me} shown={shown} />

      <LinkRow
        className="home-volunteer-link"
        card
        title="志愿活动"
        sub="报名参加社区志愿服务，扫码签到，查看我的服务时长"
        onClick={() => void Taro.navigateTo({ url: PAGES.volunteerActivities })}
      />

      {me.households.length > 0 && (
        <LinkRow
          className="home-matters-link"
          card
          title="小区议事"
          sub="五议工作法：提议、审议、商议、决议、评议"
          onClick={() => void Taro.switchTab({ url: PAGES.matters })}
        />
      )}
    </View>
  )
}
