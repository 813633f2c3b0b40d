import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { roleLabels } from '@contracts/common'
import type { Me } from '@contracts/identity'
import { Screen } from '../../components/Screen'
import { Button } from '../../components/ui/Button'
import { CareSwitch } from '../../components/CareSwitch'
import { ResultPage } from '../../components/ResultPage'
import { Empty, Loading } from '../../components/StateView'
import { useAsync } from '../../components/useAsync'
import { useShown } from '../../components/useShown'
import { householdLabel } from '../../components/me'
import { getMe } from '../../services/api/identity'
import { PAGES, goLogin } from '../../services/nav'
import { clearSession, isLoggedIn } from '../../services/session'
import { Subscriptions } from './Subscriptions'
import { Deliberation, Help } from './Links'
import { Points } from './Points'
import { BindingRequests } from './BindingRequests'
import { Avatar, Profile } from './Profile'
import './index.scss'

/** 我的: who I am (avatar and nickname, roles, households), 长辈模式, my ways into 议事, notifications, help, privacy, feedback, logout. */
export default function MinePage() {
  const shown = useShown()
  const me = useAsync<Me | null>(async () => (isLoggedIn() ? getMe() : null), [shown], shown > 0)

  const logout = async () => {
    const { confirm } = await Taro.showModal({
      title: '退出登录',
      content: '退出后需要重新登录才能提议、投票和联系网格员。确定退出吗？',
      confirmText: '退出',
      cancelText: '取消',
    })
    if (!confirm) return
    clearSession()
    me.reload()
  }

  if (me.loading && me.data === undefined) {
    return (
      <Screen className="mine-page">
        <Loading />
      </Screen>
    )
  }
  if (me.error && me.data === undefined) {
    return (
      <Screen className="mine-page">
        <ResultPage
          title="加载失败"
          text={me.error}
          primary={{ text: '重试', onClick: me.reload, className: 'mine-retry' }}
        />
        <View className="card">
          <CareSwitch />
        </View>
      </Screen>
    )
  }
  const user = me.data
  return (
    <Screen className="mine-page">
      <View className="profile">
        <Avatar user={user} />
        <View className="profile__info">
          <Text className={`profile__name ${user ? 'mine-name' : ''}`}>{user ? user.displayName : '未登录'}</Text>
          <Text className="profile__sub">{user ? summary(user) : '登录后查看您的房屋和角色'}</Text>
        </View>
      </View>

      {!user && (
        <View className="card">
          <Button block className="mine-login" onClick={() => goLogin(PAGES.mine)}>
            登录
          </Button>
        </View>
      )}

      {user && <Profile key={user.userId} user={user} onSaved={() => me.reload()} />}

      <View className="card mine-display">
        <View className="card__title">
          <Text className="card__title-text">显示</Text>
        </View>
        <CareSwitch />
      </View>

      {/* A resident without a staff role has nothing to read here. */}
      {user && user.grants.length > 0 && <Roles user={user} />}
      {user && <Households user={user} />}
      {user && <Deliberation user={user} />}
      {user && <Points user={user} shown={shown} />}
      {user && <Subscriptions me={user} shown={shown} />}
      {user && <BindingRequests user={user} />}
      <Help />

      {user && (
        <View className="card">
          <Button kind="plain" block className="mine-logout" onClick={() => void logout()}>
            退出登录
          </Button>
        </View>
      )}
    </Screen>
  )
}

/** Under the name: the first household, else the first role (never the raw user id). */
const summary = (user: Me): string => {
  const h = user.households[0]
  if (h) return `${h.communityName} · ${householdLabel(h)}`
  const g = user.grants[0]
  return g ? `${roleLabels[g.role]} · ${g.placeName}` : '尚未绑定房屋'
}

function Roles({ user }: { user: Me }) {
  return (
    <View className="card">
      <View className="card__title">
        <Text className="card__title-text">我的角色</Text>
      </View>
      {user.grants.map((g) => (
        <View key={`${g.role}:${g.place.type}:${g.place.id}`} className={`row role-chip role-chip--${g.role}`}>
          <Text className="row__title">
            {roleLabels[g.role]} · {g.placeName}
          </Text>
        </View>
      ))}
    </View>
  )
}

function Households({ user }: { user: Me }) {
  return (
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
  )
}
