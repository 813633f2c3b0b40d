import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { roleLabels } from '@contracts/common'
import type { Session } from '@contracts/identity'
import { ErrorState, Empty, Loading } from '../../components/StateView'
import { useAsync } from '../../components/useAsync'
import { demoLogin, listDemoIdentities, login } from '../../services/api/identity'
import { DEMO_LOGIN, IS_H5 } from '../../services/env'
import { messageOf } from '../../services/http'
import { leaveLogin } from '../../services/nav'
import { saveSession } from '../../services/session'
import './index.scss'

/**
 * Login. In WeChat: wx.login's code, exchanged by the API for a session. In the H5 build on the local stage,
 * where there is no wx.login, the seeded demo identities stand in. After login the user goes back to
 * `redirect` (URL-encoded) or the home tab.
 */
export default function LoginPage() {
  const { params } = useRouter()
  const redirect = params.redirect ? String(params.redirect) : undefined
  const [busy, setBusy] = useState<string>()
  const [error, setError] = useState<string>()

  const finish = (session: Session) => {
    saveSession(session)
    leaveLogin(redirect)
  }

  const wechatLogin = async () => {
    if (busy) return
    setBusy('wechat')
    setError(undefined)
    try {
      const { code } = await Taro.login()
      if (!code) throw new Error('no code')
      finish(await login(code))
    } catch (e) {
      setError(messageOf(e) === '操作失败，请稍后重试' ? '微信登录失败，请稍后重试' : messageOf(e))
    } finally {
      setBusy(undefined)
    }
  }

  const pickDemo = async (key: string) => {
    if (busy) return
    setBusy(key)
    setError(undefined)
    try {
      finish(await demoLogin(key))
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(undefined)
    }
  }

  return (
    <View className="page login-page">
      <View className="login-hero">
        <View className="login-hero__logo">连</View>
        <Text className="login-hero__title">网格连心</Text>
        <Text className="login-hero__sub">党建引领 · 小区治理</Text>
      </View>

      {error && <View className="alert login-error">{error}</View>}

      {DEMO_LOGIN ? (
        <DemoPicker busy={busy} onPick={(key) => void pickDemo(key)} />
      ) : IS_H5 ? (
        <View className="card">
          <Text className="muted">请在微信中打开“网格连心”小程序登录。</Text>
        </View>
      ) : (
        <View className="card login-card">
          <View className={`btn btn--primary btn--block login-wechat ${busy ? 'btn--loading' : ''}`} onClick={() => void wechatLogin()}>
            {busy ? '登录中…' : '微信一键登录'}
          </View>
          <Text className="login-card__note">登录后可绑定房屋、一键拨打网格员电话、参与小区议事</Text>
        </View>
      )}
    </View>
  )
}

function DemoPicker({ busy, onPick }: { busy: string | undefined; onPick: (key: string) => void }) {
  const list = useAsync(listDemoIdentities, [])
  return (
    <View className="card demo-picker">
      <View className="card__title">
        <Text className="card__title-text">选择演示身份</Text>
        <Text className="card__hint">本地环境</Text>
      </View>
      {list.loading && <Loading text="正在获取演示身份…" />}
      {list.error && <ErrorState title="无法获取演示身份" message={list.error} onRetry={list.reload} />}
      {list.data && list.data.identities.length === 0 && <Empty text="没有可用的演示身份，请先初始化演示数据" />}
      {list.data?.identities.map((identity) => (
        <View
          key={identity.key}
          className={`row demo-identity demo-identity--${identity.key} ${busy === identity.key ? 'is-busy' : ''}`}
          data-key={identity.key}
          onClick={() => onPick(identity.key)}
        >
          <View className="row__main">
            <Text className="row__title">{identity.label}</Text>
            <Text className="row__sub">{identity.roles.map((r) => roleLabels[r]).join(' · ')}</Text>
          </View>
          <Text className="demo-identity__go">{busy === identity.key ? '登录中…' : '登录 ›'}</Text>
        </View>
      ))}
    </View>
  )
}
