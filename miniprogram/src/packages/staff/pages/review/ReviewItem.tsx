import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import type { Category, ReviewQueueItem } from '@contracts/deliberation'
import { triageLabels } from '@contracts/deliberation'
import { ChoiceRows } from '../../../../components/ChoiceRows'
import { PhotoList } from '../../../../components/photos'
import { Button } from '../../../../components/ui/Button'
import { useSubmit, zodFieldErrors } from '../../../../components/useSubmit'
import { a11y } from '../../../../lib/a11y'
import { formatTime } from '../../../../lib/time'
import { reviewBodySchema, reviewMatter, type ReviewInput } from '../../../../services/api/deliberation'
import { ApiError } from '../../../../services/http'
import { PAGES, withQuery } from '../../../../services/nav'
import { PartyPicker } from '../../components/PartyPicker'

type Triage = 'small' | 'general' | 'major'
type Mode = 'accept' | 'return' | 'reject'
type Field = 'triage' | 'responsibleParty' | 'note' | 'reason'
const TRIAGES: Triage[] = ['small', 'general', 'major']
const triageHints: Record<Triage, string> = {
  small: '由物业或小区自行办理',
  general: '由社区协调办理',
  major: '报街道，由职能部门报到办理',
}
const fieldMessages: Partial<Record<Field, string>> = {
  triage: '请选择三事分流：小事、一般事或大事',
  responsibleParty: '请从名录中选择责任方',
}
const done: Record<Mode, string> = { accept: '已受理', return: '已退回修改', reject: '已不予受理' }

/**
 * One proposal in the queue: what it is (its text and first photo), and the committee's decision. 受理 asks for the triage and the responsible
 * party (both chosen on purpose: nothing is preselected), 退回修改 for a note, 不予受理 for a reason; each field's
 * error shows at the field (components/useSubmit).
 */
export function ReviewItem({
  matter,
  excluded,
  onDone,
}: {
  matter: ReviewQueueItem
  excluded: Category[]
  onDone: (matterId: string) => void
}) {
  const [mode, setMode] = useState<Mode>()
  const [triage, setTriage] = useState<Triage>()
  const [party, setParty] = useState<string>()
  const [note, setNote] = useState('')
  const [partyGone, setPartyGone] = useState<string>()

  const input = (): Partial<ReviewInput> =>
    mode === 'accept'
      ? {
          decision: 'accept',
          ...(triage ? { triage } : {}),
          ...(party ? { responsibleParty: { organisationId: party } } : {}),
          ...(note.trim() ? { note } : {}),
        }
      : mode === 'return'
        ? { decision: 'return', note }
        : { decision: 'reject', reason: note }
  const validate = () =>
    zodFieldErrors<Field>(reviewBodySchema.safeParse(input()).error, (f, m) => fieldMessages[f] ?? m)
  const form = useSubmit<Field>({ validate, values: { triage, responsibleParty: party, note, reason: note } })

  const openMode = (m: Mode | undefined) => {
    setNote('')
    setPartyGone(undefined)
    form.setFormError(undefined)
    setMode(m)
  }

  const submit = async () => {
    if (!mode) return
    const sent = await form.submit(async () => {
      try {
        await reviewMatter(matter.matterId, reviewBodySchema.parse(input()))
        return 'done' as const
      } catch (e) {
        if (e instanceof ApiError && e.code === 'matter.wrongStep') return 'gone' as const
        // The organisation was taken out of the registry meanwhile: say so at the list.
        if (e instanceof ApiError && e.code === 'organisation.notFound') {
          setPartyGone(party)
          return undefined
        }
        throw e
      }
    })
    if (sent === 'gone') void Taro.showToast({ title: '该议题已被审议', icon: 'none' })
    if (sent === 'done') void Taro.showToast({ title: done[mode], icon: 'success' })
    if (sent) onDone(matter.matterId)
  }

  const partyError =
    form.errors.responsibleParty ??
    (partyGone && partyGone === party ? '名录中已没有这个责任方，请刷新后重新选择' : undefined)
  const textError = mode === 'return' ? form.errors.note : mode === 'reject' ? form.errors.reason : undefined

  return (
    <View className="review-item" data-matter-id={matter.matterId}>
      <View
        className="review-item__head"
        {...a11y('link', { label: `查看议题详情：${matter.title}` })}
        onClick={() => void Taro.navigateTo({ url: withQuery(PAGES.matter, { matterId: matter.matterId }) })}
      >
        <Text className="review-item__title">{matter.title}</Text>
        <Text className="review-item__open">详情 ›</Text>
      </View>
      <Text className="review-item__meta">
        {matter.scope.name} · {matter.categoryName} · {matter.proposerName} · {formatTime(matter.updatedAt)}
      </Text>
      <Text className="review-item__meta">
        附议 {matter.secondsCount}/{matter.secondsNeeded}
      </Text>
      {matter.moderation && <Text className="badge badge--orange review-item__held">{matter.moderation.label}</Text>}
      {matter.text && <Text className="review-item__text">{matter.text}</Text>}
      {matter.firstPhoto && <PhotoList photos={[matter.firstPhoto]} className="review-item__photo" />}

      {mode === 'accept' && (
        <View className="review-form review-accept-form">
          <Text className="field__label">三事分流（请选择）</Text>
          <ChoiceRows
            label="三事分流"
            className="review-triage"
            value={triage}
            onChange={setTriage}
            choices={TRIAGES.map((t) => ({ value: t, title: triageLabels[t], sub: triageHints[t] }))}
          />
          {form.errors.triage && <Text className="field-error field-error--triage">{form.errors.triage}</Text>}
          <Text className="field__label">责任方（请选择）</Text>
          <PartyPicker
            communityId={matter.communityId}
            className="review-party"
            value={party}
            onChange={setParty}
            error={partyError}
          />
          <Textarea
            className="field__textarea review-note"
            placeholder="审议意见（选填）"
            maxlength={500}
            value={note}
            onInput={(e) => setNote(e.detail.value)}
          />
        </View>
      )}
      {mode === 'return' && (
        <View className="review-form">
          <Textarea
            className="field__textarea review-return-note"
            placeholder="请说明需要修改的地方，提议人可以看到"
            maxlength={500}
            value={note}
            onInput={(e) => setNote(e.detail.value)}
          />
        </View>
      )}
      {mode === 'reject' && (
        <View className="review-form">
          {excluded.length > 0 && (
            <View className="chips">
              {excluded.map((c) => (
                <View
                  key={c.categoryId}
                  className={`chip review-reject-category review-reject-category--${c.categoryId}`}
                  {...a11y('button', { label: `理由填为：${c.name}` })}
                  onClick={() => setNote(`属于「不议」事项：${c.name}${c.reason ? `。${c.reason}` : ''}`)}
                >
                  <Text>{c.name}</Text>
                </View>
              ))}
            </View>
          )}
          <Textarea
            className="field__textarea review-reject-reason"
            placeholder="请说明不予受理的理由，提议人和范围内居民可以看到"
            maxlength={500}
            value={note}
            onInput={(e) => setNote(e.detail.value)}
          />
        </View>
      )}
      {textError && <Text className="field-error review-item-error">{textError}</Text>}
      {form.formError && <Text className="field-error review-form-error">{form.formError}</Text>}

      <View className="review-item__actions">
        {mode ? (
          <>
            <Button kind="plain" small className="review-cancel" onClick={() => openMode(undefined)}>
              取消
            </Button>
            <Button
              small
              busy={form.submitting}
              className={`review-confirm review-${mode}-confirm`}
              onClick={() => void submit()}
            >
              {mode === 'accept' ? '确认受理' : mode === 'return' ? '确认退回' : '确认不予受理'}
            </Button>
          </>
        ) : (
          <>
            <Button kind="ghost" small className="review-reject" onClick={() => openMode('reject')}>
              不予受理
            </Button>
            <Button kind="ghost" small className="review-return" onClick={() => openMode('return')}>
              退回修改
            </Button>
            <Button small className="review-accept" onClick={() => openMode('accept')}>
              受理
            </Button>
          </>
        )}
      </View>
    </View>
  )
}
