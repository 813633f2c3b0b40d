import { useState } from 'react'
import { View, Text, Textarea } from '@tarojs/components'
import type { Matter } from '@contracts/deliberation'
import { SubmitButton } from '../../../../components/ui/Button'
import { useSubmit, zodFieldErrors } from '../../../../components/useSubmit'
import { formatTime } from '../../../../lib/time'
import { answerBodySchema, answerEscalation } from '../../../../services/api/deliberation'

/** 街道吹哨 · 部门报到: a 大事's deadline for the department's answer, the answer, and the form to record it. */
export function Escalation({ matter, onChange }: { matter: Matter; onChange: (m: Matter) => void }) {
  const e = matter.escalation!
  const [answer, setAnswer] = useState('')
  const form = useSubmit<'answer'>({
    validate: () => zodFieldErrors(answerBodySchema.safeParse({ answer }).error),
    values: { answer },
  })
  const submit = () =>
    form.submit(async () =>
      onChange(await answerEscalation(matter.matterId, answerBodySchema.parse({ answer }).answer)),
    )
  const error = form.errors.answer ?? form.formError
  return (
    <View className="card escalation-section">
      <View className="card__title">
        <Text className="card__title-text">街道吹哨 · 部门报到</Text>
        {e.overdue && !e.answeredAt && <Text className="badge escalation-overdue">已超期</Text>}
        {e.answeredAt && <Text className="badge badge--green escalation-answered">已答复</Text>}
      </View>
      <Text className="muted escalation-deadline">答复期限：{formatTime(e.deadline)}</Text>
      {e.answer && (
        <View className="escalation-answer">
          <Text className="escalation-answer__text">{e.answer}</Text>
          {e.answeredAt && <Text className="muted">{formatTime(e.answeredAt)}</Text>}
        </View>
      )}
      {matter.can.includes('answerEscalation') && (
        <View className="escalation-form">
          <Textarea
            className="field__textarea escalation-answer-input"
            placeholder="记录职能部门的答复（1–1000字）"
            maxlength={1000}
            value={answer}
            onInput={(ev) => setAnswer(ev.detail.value)}
          />
          {error && <Text className="field-error escalation-error">{error}</Text>}
          <SubmitButton submitting={form.submitting} className="escalation-answer-submit" onClick={() => void submit()}>
            记录答复
          </SubmitButton>
        </View>
      )}
    </View>
  )
}
