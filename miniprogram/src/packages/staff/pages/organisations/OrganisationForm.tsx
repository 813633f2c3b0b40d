import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import type { Organisation } from '@contracts/structure'
import { organisationKindLabels } from '@contracts/structure'
import { ChoiceRows } from '../../../../components/ChoiceRows'
import { Button, SubmitButton } from '../../../../components/ui/Button'
import { useSubmit, zodFieldErrors } from '../../../../components/useSubmit'
import { newClientId } from '../../../../services/clientId'
import { ApiError } from '../../../../services/http'
import { organisationBodySchema, putOrganisation } from '../../../../services/api/structure'
import { MemberPicker } from './MemberPicker'

type Kind = Organisation['kind']
type Field = 'kind' | 'name' | 'memberIds'
const KINDS: { value: Kind; title: string; sub: string }[] = [
  { value: 'property', title: organisationKindLabels.property, sub: '物业服务企业，如 阳光物业' },
  { value: 'community', title: organisationKindLabels.community, sub: '社区居委会、社区工作站' },
  { value: 'department', title: organisationKindLabels.department, sub: '街道的办公室、城管、市场监管等' },
]
const messages: Partial<Record<Field, string>> = { kind: '请选择类型：物业、社区或职能部门' }

/**
 * Add or change one organisation: its kind, its name, and the accounts that act for it, ticked by name among the
 * community's staff (GET /communities/{id}/accounts). An account gone since is refused at the field by its name.
 */
export function OrganisationForm({
  communityId,
  organisation,
  onDone,
}: {
  communityId: string
  organisation?: Organisation
  onDone: (saved: boolean) => void
}) {
  // A new one's id is made once, when the form opens, so a retried save writes the same organisation.
  const [organisationId] = useState(() => organisation?.organisationId ?? newClientId())
  const [kind, setKind] = useState<Kind | undefined>(organisation?.kind)
  const [name, setName] = useState(organisation?.name ?? '')
  const [members, setMembers] = useState(organisation?.members ?? [])
  const [unknown, setUnknown] = useState<string>()

  const body = () => ({ ...(kind ? { kind } : {}), name, memberIds: members.map((m) => m.userId) })
  const validate = () =>
    zodFieldErrors<Field>(organisationBodySchema.safeParse(body()).error, (f, m) => messages[f] ?? m)
  const form = useSubmit<Field>({ validate, values: { kind, name, memberIds: members } })

  const save = async () => {
    const saved = await form.submit(async () => {
      try {
        return await putOrganisation(communityId, organisationId, organisationBodySchema.parse(body()))
      } catch (e) {
        if (e instanceof ApiError && e.code === 'user.notFound') {
          const index = Number(/memberIds\.(\d+)/.exec(e.details[0]?.path ?? '')?.[1] ?? -1)
          setUnknown(members[index]?.userId ?? '')
          return undefined
        }
        throw e
      }
    })
    if (!saved) return
    void Taro.showToast({ title: '已保存', icon: 'success' })
    onDone(true)
  }
  const gone = members.find((m) => m.userId === unknown)
  const memberError =
    form.errors.memberIds ?? (gone ? `「${gone.name || '这个账号'}」的账号已不存在，请取消勾选后再保存` : undefined)

  return (
    <View className="card organisation-form">
      <View className="card__title">
        <Text className="card__title-text">{organisation ? '修改责任方' : '添加责任方'}</Text>
      </View>
      <Text className="field__label">类型</Text>
      <ChoiceRows label="责任方类型" className="organisation-kind" value={kind} onChange={setKind} choices={KINDS} />
      {form.errors.kind && <Text className="field-error field-error--kind">{form.errors.kind}</Text>}

      <Text className="field__label">名称</Text>
      <Input
        className="field__input organisation-name"
        type="text"
        maxlength={40}
        placeholder="如：阳光物业"
        value={name}
        onInput={(e) => setName(e.detail.value)}
      />
      {form.errors.name && <Text className="field-error field-error--name">{form.errors.name}</Text>}

      <Text className="field__label">办理账号（选填）</Text>
      <Text className="muted">勾选代表本单位办理的人：他们会在「待办」里看到交给本单位的议题，并报告办结。</Text>
      <MemberPicker communityId={communityId} members={members} onChange={setMembers} />
      {memberError && <Text className="field-error field-error--memberIds">{memberError}</Text>}
      {form.formError && <Text className="field-error organisation-form-error">{form.formError}</Text>}

      <View className="organisation-form__actions">
        <Button kind="plain" className="organisation-cancel" onClick={() => onDone(false)}>
          取消
        </Button>
        <SubmitButton
          submitting={form.submitting}
          block={false}
          className="organisation-save"
          onClick={() => void save()}
        >
          保存
        </SubmitButton>
      </View>
    </View>
  )
}
