import { useState } from 'react'
import { View, Text, Input, Picker } from '@tarojs/components'
import type { Matter } from '@contracts/deliberation'
import { MatterForm, useMatterSubmit } from '../../components/MatterForm'
import { PartyPicker } from '../../components/PartyPicker'
import { SubmitButton } from '../../../../components/ui/Button'
import { zodFieldErrors } from '../../../../components/useSubmit'
import { a11y } from '../../../../lib/a11y'
import { beijingDate } from '../../../../lib/time'
import { recordResolution, resolutionBodySchema } from '../../../../services/api/deliberation'
import './index.scss'

type Field = 'responsibleParty' | 'tasks' | 'dueDate'

/** 协同决议: the committee records the resolution of a passed matter (responsible party, tasks, due date) and publishes it. */
export default function ResolutionPage() {
  return (
    <MatterForm action="resolve" deniedText="表决通过后，由两委形成决议并公示。">
      {(m) => <ResolutionForm matter={m} />}
    </MatterForm>
  )
}

function ResolutionForm({ matter }: { matter: Matter }) {
  // Chosen on purpose here too: the one picked in review is marked, not preselected.
  const [party, setParty] = useState<string>()
  const [tasks, setTasks] = useState<string[]>([''])
  const [dueDate, setDueDate] = useState(beijingDate(Date.now() + 30 * 24 * 3600 * 1000))
  const body = () => ({
    ...(party ? { responsibleParty: { organisationId: party } } : {}),
    tasks: tasks.map((t) => t.trim()).filter(Boolean),
    dueDate,
  })
  const validate = () =>
    zodFieldErrors<Field>(resolutionBodySchema.safeParse(body()).error, (field) =>
      field === 'responsibleParty'
        ? '请从名录中选择责任方'
        : field === 'tasks'
          ? '请至少填写一项任务（每项最多200字）'
          : '请选择完成期限',
    )
  const { errors, formError, submitting, send } = useMatterSubmit<Field>(matter.matterId, {
    validate,
    values: { responsibleParty: party, tasks, dueDate },
  })
  const submit = () => send(() => recordResolution(matter.matterId, resolutionBodySchema.parse(body())))

  return (
    <View>
      {formError && <View className="alert resolution-error">{formError}</View>}
      <View className="card">
        <View className="field">
          <Text className="field__label">责任方（请选择）</Text>
          <PartyPicker
            communityId={matter.communityId}
            className="resolution-party"
            value={party}
            onChange={setParty}
            suggested={matter.responsibleParty?.organisationId}
          />
          {errors.responsibleParty && (
            <Text className="field-error field-error--responsibleParty">{errors.responsibleParty}</Text>
          )}
        </View>

        <View className="field">
          <Text className="field__label">任务清单</Text>
          {tasks.map((t, i) => (
            <View key={i} className="form-row">
              <Input
                className="field__input resolution-task-input"
                type="text"
                maxlength={200}
                placeholder={`任务${i + 1}`}
                value={t}
                onInput={(e) => setTasks((all) => all.map((x, j) => (j === i ? e.detail.value : x)))}
              />
              {tasks.length > 1 && (
                <View
                  className="form-row__remove resolution-task-remove"
                  {...a11y('button', { label: `删除任务${i + 1}` })}
                  onClick={() => setTasks((all) => all.filter((_, j) => j !== i))}
                >
                  ×
                </View>
              )}
            </View>
          ))}
          {tasks.length < 20 && (
            <View
              className="form-add resolution-task-add"
              {...a11y('button')}
              onClick={() => setTasks((all) => [...all, ''])}
            >
              ＋ 添加任务
            </View>
          )}
          {errors.tasks && <Text className="field-error field-error--tasks">{errors.tasks}</Text>}
        </View>

        <View className="field">
          <Text className="field__label">完成期限</Text>
          <Picker
            mode="date"
            value={dueDate}
            start={beijingDate()}
            onChange={(e) => setDueDate(String(e.detail.value))}
          >
            <View className="picker-field resolution-due-input" {...a11y('button', { label: `完成期限：${dueDate}` })}>
              {dueDate}
            </View>
          </Picker>
          {errors.dueDate && <Text className="field-error field-error--dueDate">{errors.dueDate}</Text>}
        </View>

        <Text className="muted resolution-note">提交后决议即向范围内居民公示，责任方按期办理并报告办结。</Text>
        <SubmitButton submitting={submitting} className="form-submit resolution-submit" onClick={() => void submit()}>
          形成决议并公示
        </SubmitButton>
      </View>
    </View>
  )
}
