import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { Attendance } from '@contracts/volunteering'
import { Screen } from '../../../../components/Screen'
import { Loading } from '../../../../components/StateView'
import { ResultPage } from '../../../../components/ResultPage'
import { Button } from '../../../../components/ui/Button'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { confirmActivity, getAttendance } from '../../../../services/api/volunteering'
import { messageOf } from '../../../../services/http'
import { goBackOrHome } from '../../../../services/nav'
import { hours } from '../../lib/labels'
import { Behalf } from './Behalf'
import { Corrections } from './Corrections'
import { Refusals, Rows } from './Rows'
import '../../components/volunteer.scss'
import './index.scss'

/**
 * The organiser's list: who came when, 代报名 and proxy check-in for those without a phone, and, after the end,
 * 确认时长 once.
 */
export default function AttendancePage() {
  const { activityId = '' } = useRouter().params
  const loggedIn = useRequireLogin()
  const loaded = useAsync(() => getAttendance(activityId), [activityId], loggedIn && Boolean(activityId))
  const [data, setData] = useState<Attendance>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  useEffect(() => {
    if (loaded.data) setData(loaded.data)
  }, [loaded.data])

  if (!data && loaded.loading)
    return (
      <Screen className="attendance-page">
        <Loading />
      </Screen>
    )
  if (!data)
    return (
      <Screen className="attendance-page">
        <ResultPage
          className="error-state"
          title="无法打开签到名单"
          text={loaded.error ?? '加载失败'}
          secondary={{ text: '返回', onClick: goBackOrHome, className: 'result-back' }}
        />
      </Screen>
    )
  const a = data.activity
  const placed = data.rows.filter((r) => r.state === 'placed')
  const total = placed.reduce((s, r) => s + r.credited.minutes, 0)
  const points = placed.reduce((s, r) => s + r.credited.points, 0)
  const confirm = async () => {
    const { confirm: yes } = await Taro.showModal({
      title: '确认服务时长？',
      content: `共 ${placed.filter((r) => r.checkIn).length} 人签到，合计 ${hours(total)}、${points} 积分。确认后记入平台记录并发放积分，只能确认一次。`,
      confirmText: '确认',
      cancelText: '再看看',
    })
    if (!yes) return
    setBusy(true)
    setError(undefined)
    try {
      setData(await confirmActivity(activityId))
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Screen className="attendance-page">
      <View className="card attendance-summary">
        <Text className="row__title">{a.title}</Text>
        <Text className="muted">
          已报名 {a.placed} 人 · 已签到 {placed.filter((r) => r.checkIn).length} 人 · 已签退{' '}
          {placed.filter((r) => r.checkOut).length} 人
        </Text>
        <Text className="attendance-total">
          {a.status === 'confirmed' ? '已确认' : '按规则预计'}：{hours(total)}，{points} 积分
        </Text>
        {a.status === 'confirmed' && (
          <View className="alert alert--ok confirm-done">时长已确认，已记入每位志愿者的平台记录，积分已发放。</View>
        )}
        {error && <View className="alert confirm-error">{error}</View>}
        {a.can.includes('confirm') && (
          <Button block busy={busy} busyText="正在确认…" className="confirm-button" onClick={() => void confirm()}>
            确认服务时长
          </Button>
        )}
        {a.status === 'cancelled' && (
          <View className="alert alert--grey cancelled-note">活动已取消，不再签到，也不记时长。</View>
        )}
        {!a.can.includes('confirm') && a.status !== 'confirmed' && a.status !== 'cancelled' && (
          <Text className="muted">活动结束后可确认时长。</Text>
        )}
      </View>
      <Behalf data={data} onChange={setData} />
      <Refusals refusals={data.refusals} />
      <Rows data={data} onChange={setData} />
      {a.status === 'confirmed' && <Corrections activityId={activityId} />}
    </Screen>
  )
}
