import { useState } from 'react'
import { View, Text, Textarea } from '@tarojs/components'
import type { Activity } from '@contracts/volunteering'
import { Button } from '../../../../components/ui/Button'
import { a11y } from '../../../../lib/a11y'
import { cancelActivity } from '../../../../services/api/volunteering'
import { messageOf } from '../../../../services/http'

/**
 * 取消活动: the reason (the residents read it in their message) and what cannot be undone, said plainly; 不取消
 * and 确认取消活动. The error stays in the sheet.
 */
export function CancelSheet({
  a,
  onDone,
  onClose,
}: {
  a: Activity
  onDone: (a: Activity) => void
  onClose: () => void
}) {
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const people = a.placed + a.waiting
  const confirm = async () => {
    if (busy) return
    if (reason.trim().length < 2) {
      setError('请写明取消原因，至少两个字')
      return
    }
    setBusy(true)
    setError(undefined)
    try {
      onDone(await cancelActivity(a.activityId, reason.trim()))
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="sheet cancel-activity-sheet" {...a11y('dialog', { label: '取消活动' })}>
      <View className="sheet__mask" onClick={() => !busy && onClose()} />
      <View className="sheet__panel">
        <Text className="sheet__title">取消整个活动？</Text>
        <View className="alert alert--warning cancel-activity-warning">
          取消后不能恢复。{people > 0 ? `已报名和候补的 ${people} 人会收到通知，` : ''}
          不能再报名、签到，也不会记服务时长。
        </View>
        <Text className="field__label">取消原因（会发给报名的人）</Text>
        <Textarea
          className="field__textarea cancel-activity-reason"
          placeholder="如：明天有暴雨，活动取消，改期另行通知"
          maxlength={100}
          value={reason}
          onInput={(e) => setReason(e.detail.value)}
        />
        {error && <Text className="field-error cancel-activity-error">{error}</Text>}
        <View className="sheet__actions">
          <Button kind="plain" className="cancel-activity-keep" disabled={busy} onClick={onClose}>
            不取消
          </Button>
          <Button className="cancel-activity-confirm" busy={busy} busyText="正在取消…" onClick={() => void confirm()}>
            确认取消活动
          </Button>
        </View>
      </View>
    </View>
  )
}
