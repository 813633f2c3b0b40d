import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input, Textarea } from '@tarojs/components'
import type { Wish, WishSettings } from '@contracts/microWishes'
import { checkMethodLabels, hardshipLabels } from '@contracts/microWishes'
import { SubmitButton } from '../../../../components/ui/Button'
import { useSubmit, zodFieldErrors, type FieldErrors } from '../../../../components/useSubmit'
import { a11y } from '../../../../lib/a11y'
import { vetBodySchema, vetWish } from '../../../../services/api/microWishes'
import { PAGES, withQuery } from '../../../../services/nav'
import { WishBrief } from './WishBrief'

type Decision = 'publish' | 'return' | 'refuse'
type Field = 'decision' | 'method' | 'note' | 'hardship' | 'points' | 'claimDays' | 'reason'
const decisions: [Decision, string][] = [
  ['publish', '核实无误，发布'],
  ['return', '退回修改'],
  ['refuse', '不予发布'],
]
const DAYS = [3, 7, 14, 30]

/** 核实审核: how it was checked, the private hardship category, the points and the claim period — or why it goes back. */
export function VetForm({ wish, settings }: { wish: Wish; settings: WishSettings }) {
  const [decision, setDecision] = useState<Decision>('publish')
  const [method, setMethod] = useState<keyof typeof checkMethodLabels | ''>('')
  const [note, setNote] = useState('')
  const [hardship, setHardship] = useState<keyof typeof hardshipLabels | ''>('')
  const [points, setPoints] = useState(String(Math.min(settings.pointsMax, Math.max(settings.pointsMin, 10))))
  const [claimDays, setClaimDays] = useState(settings.claimDays)
  const [reason, setReason] = useState('')
  const body = () =>
    decision === 'publish'
      ? { decision, method, note, hardship, points: Number(points), claimDays }
      : { decision, reason }
  const validate = (): FieldErrors<Field> => {
    const errors = zodFieldErrors<Field>(vetBodySchema.safeParse(body()).error)
    if (decision === 'publish') {
      if (!method) errors.method = '请选择核实方式'
      if (!hardship) errors.hardship = '请选择困难类别（不公开）'
      const n = Number(points)
      if (!Number.isInteger(n) || n < settings.pointsMin || n > settings.pointsMax)
        errors.points = `积分须在 ${settings.pointsMin}–${settings.pointsMax} 分之间`
    }
    return errors
  }
  const form = useSubmit<Field>({ validate, values: { decision, method, note, hardship, points, claimDays, reason } })
  const submit = () =>
    form.submit(async () => {
      const saved = await vetWish(wish.wishId, vetBodySchema.parse(body()))
      void Taro.redirectTo({ url: withQuery(PAGES.wish, { wishId: saved.wishId }) })
      return saved
    })
  const { errors } = form
  const chip = (cls: string, active: boolean, label: string, onClick: () => void) => (
    <View
      key={cls}
      className={`chip ${cls} ${active ? 'is-active' : ''}`}
      {...a11y('radio', { checked: active })}
      onClick={onClick}
    >
      <Text>{label}</Text>
    </View>
  )
  return (
    <View>
      <WishBrief wish={wish} />
      {form.formError && <View className="alert vet-error">{form.formError}</View>}
      <View className="card">
        <View className="field">
          <Text className="field__label">审核结果</Text>
          <View className="chips">
            {decisions.map(([d, label]) =>
              chip(`vet-decision vet-decision--${d}`, decision === d, label, () => setDecision(d)),
            )}
          </View>
        </View>
        {decision === 'publish' ? (
          <View>
            <View className="field">
              <Text className="field__label">核实方式</Text>
              <View className="chips">
                {Object.entries(checkMethodLabels).map(([m, label]) =>
                  chip(`vet-method vet-method--${m}`, method === m, label, () => setMethod(m as typeof method)),
                )}
              </View>
              {errors.method && <Text className="field-error field-error--method">{errors.method}</Text>}
            </View>
            <View className="field">
              <Text className="field__label">核实情况</Text>
              <Textarea
                className="field__textarea vet-note"
                placeholder="例如：上门看过，老人独居，确有需要"
                maxlength={300}
                value={note}
                onInput={(e) => setNote(e.detail.value)}
              />
              {errors.note && <Text className="field-error field-error--note">{errors.note}</Text>}
            </View>
            <View className="field">
              <Text className="field__label">困难类别（仅工作人员可见，不上心愿墙）</Text>
              <View className="chips">
                {Object.entries(hardshipLabels).map(([h, label]) =>
                  chip(`vet-hardship vet-hardship--${h}`, hardship === h, label, () =>
                    setHardship(h as typeof hardship),
                  ),
                )}
              </View>
              {errors.hardship && <Text className="field-error field-error--hardship">{errors.hardship}</Text>}
            </View>
            <View className="field">
              <Text className="field__label">
                实现可得积分（{settings.pointsMin}–{settings.pointsMax}）
              </Text>
              <Input
                className="field__input vet-points"
                type="number"
                value={points}
                onInput={(e) => setPoints(e.detail.value)}
              />
              {errors.points && <Text className="field-error field-error--points">{errors.points}</Text>}
            </View>
            <View className="field">
              <Text className="field__label">认领后几天内完成</Text>
              <View className="chips">
                {DAYS.map((d) => chip(`vet-days vet-days--${d}`, claimDays === d, `${d}天`, () => setClaimDays(d)))}
              </View>
            </View>
          </View>
        ) : (
          <View className="field">
            <Text className="field__label">{decision === 'return' ? '需要修改的地方' : '不予发布的理由'}</Text>
            <Textarea
              className="field__textarea vet-reason"
              placeholder="发布人会看到这段话"
              maxlength={300}
              value={reason}
              onInput={(e) => setReason(e.detail.value)}
            />
            {errors.reason && <Text className="field-error field-error--reason">{errors.reason}</Text>}
          </View>
        )}
        <SubmitButton submitting={form.submitting} className="vet-submit" onClick={() => void submit()}>
          {decision === 'publish' ? '发布到心愿墙' : decision === 'return' ? '退回修改' : '不予发布'}
        </SubmitButton>
      </View>
    </View>
  )
}
