import { useState } from 'react'
import { a11y } from '../../../../lib/a11y'
import { View, Text, Picker, Textarea } from '@tarojs/components'
import { Button } from '../../../../components/ui/Button'
import { Empty } from '../../../../components/StateView'
import { useAsync } from '../../../../components/useAsync'
import { beijingClock, beijingDate, beijingInstant, formatTime } from '../../../../lib/time'
import { answerCorrection, getActivity, listCorrections } from '../../../../services/api/volunteering'
import { messageOf } from '../../../../services/http'

const statusText = { pending: '待答复', accepted: '已同意', refused: '未同意' } as const

/** Volunteers' correction requests (民政部令第67号) and the organiser's answer: corrected times, or a reason. */
export function Corrections({ activityId }: { activityId: string }) {
  const list = useAsync(
    async () => ({ items: (await listCorrections(activityId)).items, activity: await getActivity(activityId) }),
    [activityId],
  )
  if (!list.data) return null
  return (
    <View className="card corrections">
      <View className="card__title">
        <Text className="card__title-text">更正申请</Text>
      </View>
      {list.data.items.length === 0 && <Empty text="没有更正申请" />}
      {list.data.items.map((c) => (
        <View key={c.requestId} className="correction-item">
          <Text className="row__title">
            {c.name} <Text className="badge badge--soft">{statusText[c.status]}</Text>
          </Text>
          <Text className="row__sub">{c.text}</Text>
          {c.answer && <Text className="row__sub">答复：{c.answer}</Text>}
          {c.status === 'pending' && (
            <Answer
              requestId={c.requestId}
              startAt={list.data!.activity.startAt}
              endAt={list.data!.activity.endAt}
              onDone={list.reload}
            />
          )}
        </View>
      ))}
    </View>
  )
}

function Answer({
  requestId,
  startAt,
  endAt,
  onDone,
}: {
  requestId: string
  startAt: string
  endAt: string
  onDone: () => void
}) {
  const day = beijingDate(Date.parse(startAt))
  const [inAt, setIn] = useState(beijingClock(Date.parse(startAt)))
  const [outAt, setOut] = useState(beijingClock(Date.parse(endAt)))
  const [answer, setAnswer] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const send = async (decision: 'accept' | 'refuse') => {
    if (!answer.trim()) return setError('请填写答复')
    setBusy(true)
    setError(undefined)
    try {
      await answerCorrection(
        requestId,
        decision === 'accept'
          ? { decision, checkInAt: beijingInstant(day, inAt), checkOutAt: beijingInstant(day, outAt), answer }
          : { decision, answer },
      )
      onDone()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="correction-answer">
      <Text className="muted">
        活动时间 {formatTime(startAt)} 起。同意时填写核实后的签到、签退时间，系统按规则重新认定：
      </Text>
      <View className="correction-times">
        <Picker mode="time" value={inAt} onChange={(e) => setIn(String(e.detail.value))}>
          <View className="chip correction-in" {...a11y('button')}>
            签到 {inAt}
          </View>
        </Picker>
        <Picker mode="time" value={outAt} onChange={(e) => setOut(String(e.detail.value))}>
          <View className="chip correction-out" {...a11y('button')}>
            签退 {outAt}
          </View>
        </Picker>
      </View>
      <Textarea
        className="field__textarea correction-answer-text"
        value={answer}
        placeholder="答复志愿者（如：经核实在场至结束）"
        maxlength={200}
        onInput={(e) => setAnswer(e.detail.value)}
      />
      {error && <Text className="field-error">{error}</Text>}
      <View className="correction-buttons">
        <Button small busy={busy} className="correction-accept" onClick={() => void send('accept')}>
          同意更正
        </Button>
        <Button small kind="ghost" disabled={busy} className="correction-refuse" onClick={() => void send('refuse')}>
          不同意
        </Button>
      </View>
    </View>
  )
}
