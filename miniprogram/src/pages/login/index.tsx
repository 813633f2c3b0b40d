import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { Session } from '@contracts/identity'
import { Screen } from '../../components/Screen'
import { Button } from '../../components/ui/Button'
import { AgreeButton, PrivacySummary } from '../../components/PrivacyNotice'
import { DEMO_LOGIN, IS_H5 } from '../../services/env'
import { login } from '../../services/api/identity'
import { messageOf } from '../../services/http'
import { goBackOrHome, leaveLogin } from '../../services/nav'
import { hasAgreed } from '../../services/privacy'
import { saveSession } from '../../services/session'
import { DemoPicker } from './DemoPicker'
import './index.scss'

/**
 * Login. First the privacy notice, until the user agrees on this device. Then, in WeChat, wx.login's code,
 * exchanged by the API for a session; in the H5 build on the local stage, where there is no wx.login, the seeded
 * demo identities stand in. After login the user goes back to `redirect` (URL-encoded) or the home tab;
 * `reason=expired` says the session ran out.
 */
export default function LoginPage() {
  const { params } = useRouter()
  const redirect = params.redirect ? String(params.redirect) : undefined
  const expired = params.reason === 'expired'
  const [agreed, setAgreed] = useState(hasAgreed)
  const [busy, setBusy] = useState<string>()
  const [error, setError] = useState<string>()

  const finish = (session: Session) => {
    saveSession(session)
    leaveLogin(redirect)
  }

  const attempt = async (key: string, run: () => Promise<Session>, fallbackError?: string) => {
    if (busy) return
    setBusy(key)
    setError(undefined)
    try {
      finish(await run())
    } catch (e) {
      setError(fallbackError && messageOf(e) === '操作失败，请稍后重试' ? fallbackError : messageOf(e))
    } finally {
      setBusy(undefined)
    }
  }

  const wechatLogin = () =>
    attempt(
      'wechat',
      async () => {
        const { code } = await Taro.login()
        if (!code) throw new Error('no code')
        return login(code)
      },
      '微信登录失败，请稍后重试',
    )

  return (
    <Screen className="login-page">
      <View className="login-hero">
        <View className="login-hero__logo">连</View>
        <Text className="login-hero__title">网格连心</Text>
        <Text className="login-hero__sub">党建引领 · 小区治理</Text>
      </View>

      {expired && (
        <View className="alert alert--warning login-expired">登录已失效，请重新登录。登录后会回到您刚才的页面。</View>
      )}
      {error && <View className="alert login-error">{error}</View>}

      {!agreed ? (
        <View className="card privacy-gate">
          <View className="card__title">
            <Text className="card__title-text">隐私保护提示</Text>
          </View>
          <PrivacySummary />
          <View className="login-card__actions">
            <AgreeButton onAgreed={() => setAgreed(true)} />
            <Button kind="plain" block className="privacy-decline" onClick={goBackOrHome}>
              不同意，先不登录
            </Button>
          </View>
        </View>
      ) : DEMO_LOGIN ? (
        <DemoPicker busy={busy} onPick={(key, run) => void attempt(key, run)} />
      ) : IS_H5 ? (
        <View className="card">
          <Text>请在微信中打开“网格连心”小程序登录。</Text>
        </View>
      ) : (
        <View className="card login-card">
          <Button
            block
            busy={busy === 'wechat'}
            busyText="登录中…"
            className="login-wechat"
            onClick={() => void wechatLogin()}
          >
            微信一键登录
          </Button>
          <Text className="login-card__note">登录后可绑定房屋、一键拨打网格员电话、参与小区议事</Text>
        </View>
      )}
    </Screen>
  )
}
