import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import type { Wish } from '@contracts/microWishes'
import { SubmitButton } from '../../../../components/ui/Button'
import { useSubmit, type FieldErrors } from '../../../../components/useSubmit'
import { a11y } from '../../../../lib/a11y'
import { decideDispute } from '../../../../services/api/microWishes'
import { PAGES, withQuery } from '../../../../services/nav'
import { WishBrief } from './WishBrief'

type Decision = 'confirm' | 'redo' | 'reopen'
const decisions: [Decision, string, string][] = [
  ['confirm', '确认已实现', '核实后确认，认领人获得积分'],
  ['redo', '请认领人重新办理', '认领人重新获得完整的认领期限'],
  ['reopen', '回到心愿墙', '这次认领结束，其他党员可以认领'],
]

/** 处理异议: the grid worker, having talked to both, decides; the note goes to them both. */
export function DisputeForm({ wish }: { wish: Wish }) {
  const [decision, setDecision] = useState<Decision>()
  const [note, setNote] = useState('')
  const validate = (): FieldErrors<'decision' | 'note'> => ({
    ...(decision ? {} : { decision: '请选择处理结果' }),
    ...(note.trim().length < 2 ? { note: '请写下处理意见' } : {}),
  })
  const form = useSubmit<'decision' | 'note'>({ validate, values: { decision, note } })
  const submit = () =>
    form.submit(async () => {
      const saved = await decideDispute(wish.wishId, { decision: decision!, note: note.trim() })
      void Taro.redirectTo({ url: withQuery(PAGES.wish, { wishId: saved.wishId }) })
      return saved
    })
  return (
    <View>
      <WishBrief wish={wish} />
      {form.formError && <View className="alert decide-error">{form.formError}</View>}
      <View className="card">
        <View className="field">
          <Text className="field__label">处理结果</Text>
          {decisions.map(([d, label, sub]) => (
            <View
              key={d}
              className={`row decide-option decide-option--${d} ${decision === d ? 'is-active' : ''}`}
              {...a11y('radio', { checked: decision === d })}
              onClick={() => setDecision(d)}
            >
              <View className="row__main">
                <Text className="row__title">
                  {decision === d ? '● ' : '○ '}
                  {label}
                </Text>
                <Text className="row__sub">{sub}</Text>
              </View>
            </View>
          ))}
          {form.errors.decision && <Text className="field-error field-error--decision">{form.errors.decision}</Text>}
        </View>
        <View className="field">
          <Text className="field__label">处理意见</Text>
          <Textarea
            className="field__textarea decide-note"
            placeholder="居民和认领人都会看到"
            maxlength={300}
            value={note}
            onInput={(e) => setNote(e.detail.value)}
          />
          {form.errors.note && <Text className="field-error field-error--note">{form.errors.note}</Text>}
        </View>
        <SubmitButton submitting={form.submitting} className="decide-submit" onClick={() => void submit()}>
          提交处理结果
        </SubmitButton>
      </View>
    </View>
  )
}
