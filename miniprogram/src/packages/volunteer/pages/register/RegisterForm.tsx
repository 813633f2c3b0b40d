import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { availabilities, availabilityLabels, type Registration, type Unit } from '@contracts/volunteering'
import { SubmitButton } from '../../../../components/ui/Button'
import { useSubmit } from '../../../../components/useSubmit'
import { a11y } from '../../../../lib/a11y'
import { putMyRegistration } from '../../../../services/api/volunteering'

const SKILLS = ['陪伴老人', '政策讲解', '电脑手机', '理发', '维修', '医疗护理', '法律咨询', '文艺']
const statusText = {
  pending: '已提交，等待社区审核',
  approved: '审核已通过，可以报名活动',
  refused: '未通过审核',
} as const

/** The registration form: who I am to the community (party member with a unit, or a resident), what I can do, and when. */
export function RegisterForm({
  communityId,
  registration,
  units,
  name,
}: {
  communityId: string
  registration: Registration | null
  units: Unit[]
  name: string
}) {
  const [kind, setKind] = useState<'member' | 'volunteer'>(registration?.kind ?? 'member')
  const [unitId, setUnitId] = useState(registration?.unitId ?? '')
  const [skills, setSkills] = useState<string[]>(registration?.skills ?? [])
  const [when, setWhen] = useState<string[]>(registration?.availability ?? [])
  const [phone, setPhone] = useState(registration?.phone ?? '')
  const [saved, setSaved] = useState<Registration | null>(registration)
  const form = useSubmit<'unitId' | 'phone'>({
    validate: () => ({
      ...(kind === 'member' && !unitId ? { unitId: '请选择您的报到单位' } : {}),
      ...(phone && !/^1[3-9]\d{9}$/.test(phone) ? { phone: '请输入11位手机号' } : {}),
    }),
    values: { unitId, phone },
  })
  const toggle = (list: string[], set: (l: string[]) => void, x: string) =>
    set(list.includes(x) ? list.filter((y) => y !== x) : [...list, x])
  const submit = () =>
    void form
      .submit(() =>
        putMyRegistration({
          communityId,
          kind,
          ...(kind === 'member' ? { unitId } : {}),
          ...(phone ? { phone } : {}),
          skills,
          availability: when as (typeof availabilities)[number][],
        }),
      )
      .then((r) => r && setSaved(r.registration))
  const chip = (
    active: boolean,
    label: string,
    className: string,
    onClick: () => void,
    role: 'radio' | 'checkbox' = 'checkbox',
  ) => (
    <View
      key={label}
      className={`chip ${className} ${active ? 'is-active' : ''}`}
      {...a11y(role, { checked: active })}
      onClick={onClick}
    >
      <Text>{label}</Text>
    </View>
  )
  return (
    <View>
      {saved && (
        <View
          className={`alert ${saved.status === 'approved' ? 'alert--ok' : ''} register-status register-status--${saved.status}`}
        >
          {statusText[saved.status]}
          {saved.reason ? `：${saved.reason}` : ''}
        </View>
      )}
      {form.formError && <View className="alert register-error">{form.formError}</View>}
      <View className="card">
        <Text className="row__title">{name}</Text>
        <View className="field">
          <Text className="field__label">我是</Text>
          {chip(kind === 'member', '在职党员（双报到）', 'register-kind--member', () => setKind('member'), 'radio')}
          {chip(kind === 'volunteer', '居民志愿者', 'register-kind--volunteer', () => setKind('volunteer'), 'radio')}
        </View>
        {kind === 'member' && (
          <View className="field">
            <Text className="field__label">报到单位（我工作的单位）</Text>
            {units.length === 0 && <Text className="muted">社区还没有登记报到单位，请联系社区工作人员。</Text>}
            {units.map((u) =>
              chip(
                unitId === u.unitId,
                u.name,
                `register-unit-option register-unit-option--${u.unitId}`,
                () => setUnitId(u.unitId),
                'radio',
              ),
            )}
            {form.errors.unitId && <Text className="field-error field-error--unitId">{form.errors.unitId}</Text>}
          </View>
        )}
        <View className="field">
          <Text className="field__label">我能做的（可多选）</Text>
          {SKILLS.map((s) => chip(skills.includes(s), s, 'register-skill', () => toggle(skills, setSkills, s)))}
        </View>
        <View className="field">
          <Text className="field__label">方便的时间（可多选）</Text>
          {availabilities.map((a) =>
            chip(when.includes(a), availabilityLabels[a], `register-availability--${a}`, () =>
              toggle(when, setWhen, a),
            ),
          )}
        </View>
        <View className="field">
          <Text className="field__label">联系电话（选填）</Text>
          <Input
            className="field__input register-phone"
            type="number"
            maxlength={11}
            value={phone}
            placeholder="方便组织者联系您"
            onInput={(e) => setPhone(e.detail.value)}
          />
          {form.errors.phone && <Text className="field-error field-error--phone">{form.errors.phone}</Text>}
        </View>
        <SubmitButton submitting={form.submitting} className="register-submit" onClick={submit}>
          {saved ? '保存登记' : '提交登记'}
        </SubmitButton>
        <Text className="muted">提交后由社区审核。在职党员的服务时长会记入报到单位，按季度反馈给单位。</Text>
      </View>
    </View>
  )
}
