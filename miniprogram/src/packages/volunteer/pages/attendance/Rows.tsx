import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { Attendance } from '@contracts/volunteering'
import { Button } from '../../../../components/ui/Button'
import { Empty } from '../../../../components/StateView'
import { formatTime } from '../../../../lib/time'
import { proxyAttendance } from '../../../../services/api/volunteering'
import { messageOf } from '../../../../services/http'
import { hours } from '../../lib/labels'

type Row = Attendance['rows'][number]
const mark = (m: Row['checkIn']) =>
  m
    ? `${formatTime(m.at)}${m.by === 'proxy' ? `（${m.byName}代签）` : m.by === 'system' ? '（未签退，按结束时间）' : ''}`
    : '—'

/** Everyone placed (and waiting) with their check-in and -out, what the rule credits, and proxy buttons. */
export function Rows({ data, onChange }: { data: Attendance; onChange: (d: Attendance) => void }) {
  const [busy, setBusy] = useState<string>()
  const [error, setError] = useState<string>()
  const can = data.activity.can.includes('proxy')
  const proxy = async (userId: string, action: 'checkIn' | 'checkOut') => {
    setBusy(`${userId}:${action}`)
    setError(undefined)
    try {
      onChange(await proxyAttendance(data.activity.activityId, userId, action))
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(undefined)
    }
  }
  return (
    <View className="card">
      <View className="card__title">
        <Text className="card__title-text">报名名单</Text>
      </View>
      {error && <View className="alert attendance-error">{error}</View>}
      {data.rows.length === 0 && <Empty text="还没有人报名" />}
      {data.rows.map((r) => (
        <View key={r.userId} className={`attendance-row attendance-row--${r.state}`} data-user-id={r.userId}>
          <Text className="attendance-row__name">
            {r.name}
            {r.state === 'waiting' && <Text className="badge badge--soft">候补{r.position}</Text>}
            {r.signedUpBy && <Text className="badge badge--orange behalf-mark">代报名</Text>}
            {(r.checkIn?.by === 'proxy' || r.checkOut?.by === 'proxy') && (
              <Text className="badge badge--grey proxy-mark">代签</Text>
            )}
          </Text>
          {(r.signedUpBy || r.guest) && (
            <Text className="attendance-row__line attendance-row__behalf">
              {r.signedUpBy ? `${r.signedUpBy.byName}代报名` : ''}
              {r.guest ? `${r.signedUpBy ? '，' : ''}无微信 ${r.guest.phone}，只记时长` : ''}
            </Text>
          )}
          {r.state === 'placed' && (
            <View>
              <Text className="attendance-row__line attendance-row__in">签到：{mark(r.checkIn)}</Text>
              <Text className="attendance-row__line attendance-row__out">签退：{mark(r.checkOut)}</Text>
              <Text className="attendance-row__line attendance-row__credited">
                认定：{hours(r.credited.minutes)}，{r.credited.points} 积分
                {r.points === 'pending' ? '（积分待发放）' : ''}
              </Text>
              <Text className="muted">{r.credited.note}</Text>
              {can && !r.checkIn && (
                <Button
                  small
                  kind="ghost"
                  busy={busy === `${r.userId}:checkIn`}
                  className="proxy-checkin"
                  label={`为${r.name}代签到`}
                  onClick={() => void proxy(r.userId, 'checkIn')}
                >
                  代签到
                </Button>
              )}
              {can && r.checkIn && !r.checkOut && (
                <Button
                  small
                  kind="ghost"
                  busy={busy === `${r.userId}:checkOut`}
                  className="proxy-checkout"
                  label={`为${r.name}代签退`}
                  onClick={() => void proxy(r.userId, 'checkOut')}
                >
                  代签退
                </Button>
              )}
            </View>
          )}
        </View>
      ))}
    </View>
  )
}

/** Scans refused (an old or another activity's code, too far, a vague location): someone trying again and again first. */
export function Refusals({ refusals }: { refusals: Attendance['refusals'] }) {
  if (refusals.length === 0) return null
  return (
    <View className="card refusals">
      <View className="card__title">
        <Text className="card__title-text">被拒绝的签到</Text>
      </View>
      {refusals.map((r) => (
        <View key={r.userId} className={`row refusal-row ${r.count >= 3 ? 'refusal-row--repeated' : ''}`}>
          <View className="row__main">
            <Text className="row__title">
              {r.name} · {r.count} 次{r.count >= 3 && <Text className="badge">多次</Text>}
            </Text>
            <Text className="row__sub">
              最近：{r.lastReason}，{formatTime(r.lastAt)}
            </Text>
          </View>
        </View>
      ))}
    </View>
  )
}
