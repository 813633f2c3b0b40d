import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { roleLabels } from '@contracts/common'
import type { Topic } from '@contracts/notifications'
import type { BindingStatus, Me } from '@contracts/identity'
import { ErrorState, Empty, Loading } from '../../components/StateView'
import { useAsync } from '../../components/useAsync'
import { useShown } from '../../components/useShown'
import { householdLabel } from '../../components/me'
import { formatTime } from '../../lib/time'
import { adminCommunities, communityOf, reviewCommunities } from '../../components/matter'
import { getMe } from '../../services/api/identity'
import { listSubscriptions } from '../../services/api/notifications'
import { rememberTopics, requestConsent } from '../../services/subscribe'
import { PAGES, goLogin, withQuery } from '../../services/nav'
import { clearSession, isLoggedIn } from '../../services/session'
import { LinkRow } from '../../components/LinkRow'
import './index.scss'

const statusText: Record<BindingStatus, { text: string; tone: string }> = {
  pending: { text: '待审核', tone: 'orange' },
  approved: { text: '已通过', tone: 'green' },
  refused: { text: '已拒绝', tone: 'grey' },
}

export default function MinePage() {
  const shown = useShown()
  const me = useAsync<Me | null>(async () => (isLoggedIn() ? getMe() : null), [shown], shown > 0)

  const logout = () => {
    clearSession()
    me.reload()
  }

  if (me.loading && me.data === undefined) return <Loading />
  if (me.error) {
    return (
      <View className="page">
        <ErrorState message={me.error} onRetry={me.reload} />
      </View>
    )
  }
  if (!me.data) {
    return (
      <View className="page mine-page">
        <View className="profile">
          <View className="profile__avatar">?</View>
          <View className="profile__info">
            <Text className="profile__name">未登录</Text>
            <Text className="profile__sub">登录后查看您的房屋和角色</Text>
          </View>
        </View>
        <View className="card">
          <View className="btn btn--primary btn--block mine-login" onClick={() => goLogin(PAGES.mine)}>
            登录
          </View>
        </View>
      </View>
    )
  }

  const user = me.data
  return (
    <View className="page mine-page">
      <View className="profile">
        <View className="profile__avatar">{user.displayName.slice(0, 1)}</View>
        <View className="profile__info">
          <Text className="profile__name mine-name">{user.displayName}</Text>
          <Text className="profile__sub">用户编号 {user.userId.slice(-8)}</Text>
        </View>
      </View>

      <View className="card">
        <View className="card__title">
          <Text className="card__title-text">我的角色</Text>
        </View>
        {user.grants.length === 0 && <Empty text="暂无角色" />}
        <View className="roles">
          {user.grants.map((g) => (
            <View key={`${g.role}:${g.place.type}:${g.place.id}`} className={`chip role-chip role-chip--${g.role}`}>
              <Text>
                {roleLabels[g.role]} · {g.placeName}
              </Text>
            </View>
          ))}
        </View>
      </View>

      <View className="card">
        <View className="card__title">
          <Text className="card__title-text">我的房屋</Text>
        </View>
        {user.households.length === 0 && <Empty text="尚未绑定房屋" />}
        {user.households.map((h) => (
          <View key={h.householdId} className="row mine-household">
            <View className="row__main">
              <Text className="row__title">
                {householdLabel(h)}
                {h.isRepresentative && <Text className="badge household-representative">户代表</Text>}
              </Text>
            </View>
          </View>
        ))}
      </View>

      <View className="card">
        <View className="card__title">
          <Text className="card__title-text">小区议事</Text>
        </View>
        <LinkRow
          className="mine-matters-link"
          title="议事大厅"
          sub={user.households.length > 0 ? '查看、附议、投票，或提出您的建议' : '绑定房屋后可以提议和投票'}
          onClick={() => void Taro.switchTab({ url: PAGES.matters })}
        />
        {reviewCommunities(user).map((c) => (
          <LinkRow
            key={c.communityId}
            className="mine-review-link"
            title="两委审议"
            sub={`${c.name} · 待审议的居民提议`}
            onClick={() => void Taro.navigateTo({ url: withQuery(PAGES.reviewQueue, { communityId: c.communityId }) })}
          />
        ))}
        {adminCommunities(user).map((c) => (
          <LinkRow
            key={c.communityId}
            className="mine-settings-link"
            title="议事规则"
            sub={`${c.name} · 六议六不议清单、附议人数、满意度门槛`}
            onClick={() => void Taro.navigateTo({ url: withQuery(PAGES.settings, { communityId: c.communityId }) })}
          />
        ))}
      </View>

      <Subscriptions me={user} shown={shown} />

      <View className="card">
        <View className="card__title">
          <Text className="card__title-text">绑定申请</Text>
        </View>
        {user.bindingRequests.length === 0 && <Empty text="暂无绑定申请" />}
        {user.bindingRequests.map((r) => (
          <View key={r.requestId} className={`row mine-binding-request mine-binding-request--${r.status}`}>
            <View className="row__main">
              <Text className="row__title">{householdLabel(r)}</Text>
              <Text className="row__sub">提交于 {formatTime(r.createdAt)}</Text>
              {r.status === 'refused' && r.reason && <Text className="row__sub binding-reason">拒绝理由：{r.reason}</Text>}
            </View>
            <Text className={`badge badge--${statusText[r.status].tone} binding-status binding-status--${r.status}`}>{statusText[r.status].text}</Text>
          </View>
        ))}
      </View>

      <View className="card">
        <View className="btn btn--plain btn--block mine-logout" onClick={logout}>
          退出登录
        </View>
      </View>
    </View>
  )
}

/**
 * 消息通知: how many WeChat messages of each topic the user may still receive (one per 「允许」), and a button
 * that asks for one more of each. 待办提醒 only for staff.
 */
function Subscriptions({ me, shown }: { me: Me; shown: number }) {
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
              <Text className={`badge ${i.remaining > 0 ? 'badge--soft' : 'badge--grey'} subscription-remaining`}>可接收 {i.remaining} 条</Text>
            </View>
          ))}
          <Text className="muted mine-subscriptions__hint">
            {list.data?.communityId ? '微信每次点「允许」只送达一条通知，收完后可在这里再次开启。' : '绑定房屋后可接收议事通知。'}
          </Text>
          {asked.length > 0 && (
            <View className="btn btn--ghost btn--block subscribe-more" onClick={askMore}>
              接收更多通知
            </View>
          )}
        </>
      )}
    </View>
  )
}
