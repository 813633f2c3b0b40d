import { useState } from 'react'
import Taro from '@tarojs/taro'
import { a11y } from '../../../../lib/a11y'
import { View, Text } from '@tarojs/components'
import type { Activity } from '@contracts/volunteering'
import { Button } from '../../../../components/ui/Button'
import { formatTime } from '../../../../lib/time'
import { ApiError, messageOf } from '../../../../services/http'
import { withQuery } from '../../../../services/nav'
import { requestConsent } from '../../../../services/subscribe'
import { cancelSignUp, checkIn, checkOut, signUp } from '../../../../services/api/volunteering'
import { myStateLabel } from '../../lib/labels'
import { VPAGES } from '../../lib/nav'
import { locate, scanSiteCode, SiteProblem } from '../../lib/site'

type Busy = 'signUp' | 'cancel' | 'checkIn' | 'checkOut' | undefined

/** The caller's own part: sign up or cancel, and on the day 签到 / 签退 by scanning the organiser's code. */
export function MyActions({ a, onChange }: { a: Activity; onChange: (a: Activity) => void }) {
  const [busy, setBusy] = useState<Busy>()
  const [error, setError] = useState<string>()
  const [message, setMessage] = useState<string>()
  const can = (x: Activity['can'][number]) => a.can.includes(x)

  const run = async (what: NonNullable<Busy>, act: () => Promise<Activity>, done: (next: Activity) => string) => {
    if (busy) return
    setBusy(what)
    setError(undefined)
    setMessage(undefined)
    try {
      const next = await act()
      onChange(next)
      setMessage(done(next))
    } catch (e) {
      if (e instanceof SiteProblem) setError(e.message)
      else if (!(e instanceof ApiError && e.status === 401)) setError(messageOf(e))
    } finally {
      setBusy(undefined)
    }
  }

  const join = () => {
    // Asked within the tap (WeChat opens the dialog only then): reminders and 候补转正 come as messages.
    const consent = requestConsent(['volunteer'], a.communityId)
    void run(
      'signUp',
      async () => {
        await consent.answered
        return signUp(a.activityId)
      },
      (n) =>
        n.me.state === 'placed'
          ? '报名成功！活动开始前会提醒您，到场后请扫码签到。'
          : `名额已满，您是候补第${n.me.position}位，有空位会通知您。`,
    )
  }
  const leave = async () => {
    const { confirm } = await Taro.showModal({
      title: '取消报名？',
      content: '取消后名额会让给候补的志愿者。',
      confirmText: '取消报名',
      cancelText: '不取消',
    })
    if (confirm)
      void run(
        'cancel',
        () => cancelSignUp(a.activityId),
        () => '已取消报名。',
      )
  }
  const site = (what: 'checkIn' | 'checkOut') =>
    void run(
      what,
      async () => {
        const code = await scanSiteCode()
        const location = await locate()
        return (what === 'checkIn' ? checkIn : checkOut)(a.activityId, { code, location })
      },
      (n) =>
        what === 'checkIn'
          ? `签到成功：${formatTime(n.me.checkInAt!)}。结束时请再扫码签退。`
          : `签退成功：${formatTime(n.me.checkOutAt!)}。组织者确认后记录时长和积分。`,
    )

  const mine = myStateLabel(a.me)
  return (
    <View className={`card my-actions actions-stack ${a.me.state === 'placed' ? 'my-actions--first' : ''}`}>
      {mine && (
        <Text className={`activity-me activity-me--${a.me.state}`}>
          我的状态：{mine}
          {a.me.checkInAt
            ? `（签到 ${formatTime(a.me.checkInAt)}${a.me.checkOutAt ? `，签退 ${formatTime(a.me.checkOutAt)}` : ''}）`
            : ''}
        </Text>
      )}
      {message && <View className="alert alert--ok activity-message">{message}</View>}
      {error && <View className="alert activity-error">{error}</View>}
      {can('checkIn') && (
        <Button
          block
          busy={busy === 'checkIn'}
          busyText="正在签到…"
          className="checkin-button"
          onClick={() => site('checkIn')}
        >
          扫码签到
        </Button>
      )}
      {can('checkOut') && (
        <Button
          block
          busy={busy === 'checkOut'}
          busyText="正在签退…"
          className="checkout-button"
          onClick={() => site('checkOut')}
        >
          扫码签退
        </Button>
      )}
      {can('signUp') && (
        <Button block busy={busy === 'signUp'} busyText="正在报名…" className="signup-button" onClick={join}>
          {a.status === 'full' ? '报名候补' : '我要报名'}
        </Button>
      )}
      {can('cancel') && (
        <Button block kind="ghost" busy={busy === 'cancel'} className="cancel-button" onClick={() => void leave()}>
          取消报名
        </Button>
      )}
      {a.status === 'cancelled' ? (
        <Text className="activity-me activity-me--cancelled">活动已取消{mine ? '，无需到场' : ''}</Text>
      ) : (
        !mine &&
        !can('signUp') &&
        a.status !== 'open' &&
        a.status !== 'full' && <Text className="muted">报名已结束</Text>
      )}
      {a.me.state === 'none' && a.status === 'open' && !can('signUp') && (
        <View
          className="link register-link"
          {...a11y('link')}
          onClick={() => void Taro.navigateTo({ url: withQuery(VPAGES.register, { communityId: a.communityId }) })}
        >
          先登记为志愿者（审核通过后即可报名）
        </View>
      )}
    </View>
  )
}
