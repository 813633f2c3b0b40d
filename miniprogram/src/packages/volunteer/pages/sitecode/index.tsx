import { useEffect, useRef, useState } from 'react'
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import { Screen } from '../../../../components/Screen'
import { Loading } from '../../../../components/StateView'
import { ResultPage } from '../../../../components/ResultPage'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { getActivity, getSiteCode } from '../../../../services/api/volunteering'
import { messageOf } from '../../../../services/http'
import { goBackOrHome } from '../../../../services/nav'
import './index.scss'

type Code = Awaited<ReturnType<typeof getSiteCode>>

/**
 * The organiser's phone, full screen: the on-site code, a QR that changes every 30 seconds (fetched anew at the
 * turn of each window), with the seconds left. The screen is kept on while the page is open.
 */
export default function SiteCodePage() {
  const { activityId = '' } = useRouter().params
  const loggedIn = useRequireLogin()
  const [code, setCode] = useState<Code>()
  const [title, setTitle] = useState('')
  const [error, setError] = useState<string>()
  const [left, setLeft] = useState(30)
  const visible = useRef(true)

  useEffect(() => {
    if (!loggedIn || !activityId) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    void getActivity(activityId).then(
      (a) => setTitle(a.title),
      () => undefined,
    )
    const load = async () => {
      try {
        const next = await getSiteCode(activityId)
        if (stopped) return
        setCode(next)
        setError(undefined)
        // The next code a moment after this one's window ends.
        timer = setTimeout(() => void load(), Math.max(1000, Date.parse(next.validUntil) - Date.now() + 300))
      } catch (e) {
        if (stopped) return
        setError(messageOf(e))
        timer = setTimeout(() => void load(), 5000)
      }
    }
    void load()
    void Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined)
    const tick = setInterval(() => visible.current && setLeft((l) => (l > 0 ? l - 1 : 0)), 1000)
    return () => {
      stopped = true
      if (timer) clearTimeout(timer)
      clearInterval(tick)
    }
  }, [loggedIn, activityId])
  useEffect(() => {
    if (code) setLeft(Math.max(0, Math.round((Date.parse(code.validUntil) - Date.now()) / 1000)))
  }, [code])
  useDidShow(() => (visible.current = true))
  useDidHide(() => (visible.current = false))

  if (!code && error)
    return (
      <Screen className="sitecode-page">
        <ResultPage
          className="error-state"
          title="无法显示签到码"
          text={error}
          secondary={{ text: '返回', onClick: goBackOrHome, className: 'result-back' }}
        />
      </Screen>
    )
  if (!code)
    return (
      <Screen className="sitecode-page">
        <Loading text="正在生成签到码…" />
      </Screen>
    )
  return (
    <Screen className="sitecode-page">
      <View className="sitecode">
        <Text className="sitecode-title">{title}</Text>
        <Text className="sitecode__hint">请志愿者打开「志愿活动」，点「扫码签到」或「扫码签退」扫描下方二维码</Text>
        <Image
          className="sitecode-qr"
          data-code={code.code}
          src={code.qr}
          mode="aspectFit"
          ariaLabel="现场签到二维码"
        />
        <Text className="sitecode-countdown">{left > 0 ? `${left} 秒后自动更换` : '正在更换…'}</Text>
        {error && <Text className="field-error">{error}（正在重试）</Text>}
      </View>
    </Screen>
  )
}
