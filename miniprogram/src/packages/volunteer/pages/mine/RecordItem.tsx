import { useMemo, useState } from 'react'
import { a11y } from '../../../../lib/a11y'
import { View, Text, Textarea } from '@tarojs/components'
import type { ServiceRecord } from '@contracts/volunteering'
import { Button } from '../../../../components/ui/Button'
import { formatDate, formatTime } from '../../../../lib/time'
import { newClientId } from '../../../../services/clientId'
import { requestCorrection } from '../../../../services/api/volunteering'
import { messageOf } from '../../../../services/http'
import { hours } from '../../lib/labels'

const pointsText: Record<ServiceRecord['pointsState'], string> = {
  credited: '已到账',
  pending: '待发放',
  none: '',
  notReclaimed: '已使用，未扣回',
}

/** One 平台记录 as 民政部令第67号 asks it to read, with 申请更正 when it is wrong. */
export function RecordItem({ r, asked, onAsked }: { r: ServiceRecord; asked: boolean; onAsked: () => void }) {
  const [open, setOpen] = useState(false)
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const requestId = useMemo(() => newClientId(), [])
  const send = async () => {
    if (!text.trim()) return setError('请说明需要更正的地方')
    setBusy(true)
    setError(undefined)
    try {
      await requestCorrection(r.recordId, { requestId, text })
      setOpen(false)
      onAsked()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className={`service-record service-record--${r.kind}`} data-record-id={r.recordId}>
      <Text className="service-record__title">
        {r.activityTitle}
        {r.kind === 'adjustment' && <Text className="badge badge--soft">更正记录</Text>}
      </Text>
      <Text className="service-record__hours">
        {r.kind === 'adjustment' && r.minutes > 0 ? '+' : ''}
        {hours(r.minutes)}
        {r.points !== 0 && `，${r.points > 0 && r.kind === 'adjustment' ? '+' : ''}${r.points} 积分`}
        {pointsText[r.pointsState] && `（${pointsText[r.pointsState]}）`}
      </Text>
      <Text className="service-record__line">
        {formatDate(r.date)} {formatTime(r.startAt).split(' ')[1]}–{formatTime(r.endAt).split(' ')[1]} · {r.place}
      </Text>
      <Text className="service-record__line muted">
        组织：{r.organiser} · 记录：{r.recordingUnit}（{r.recordedBy}，{formatTime(r.recordedAt)}）
      </Text>
      {r.notes.length > 0 && <Text className="muted">{r.notes.join('；')}</Text>}
      {r.reason && <Text className="muted">更正理由：{r.reason}</Text>}
      {r.kind === 'service' && !asked && !open && (
        <View className="link correction-button" {...a11y('button')} onClick={() => setOpen(true)}>
          记录有误？申请更正
        </View>
      )}
      {asked && r.kind === 'service' && <Text className="muted">已申请更正，等待组织者答复</Text>}
      {open && (
        <View className="correction-form">
          <Textarea
            className="field__textarea correction-text"
            value={text}
            placeholder="例如：我一直在现场，签退时手机没电了"
            maxlength={300}
            onInput={(e) => setText(e.detail.value)}
          />
          {error && <Text className="field-error">{error}</Text>}
          <Button block busy={busy} className="correction-submit" onClick={() => void send()}>
            提交更正申请
          </Button>
          <Button block kind="plain" className="correction-cancel" onClick={() => setOpen(false)}>
            取消
          </Button>
        </View>
      )}
    </View>
  )
}
