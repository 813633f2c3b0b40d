import { useMemo, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import { unitKinds, unitKindLabels } from '@contracts/volunteering'
import { Screen } from '../../../../components/Screen'
import { Empty, ErrorState, Loading } from '../../../../components/StateView'
import { SubmitButton } from '../../../../components/ui/Button'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { useSubmit } from '../../../../components/useSubmit'
import { a11y } from '../../../../lib/a11y'
import { newClientId } from '../../../../services/clientId'
import { createUnit, listUnits } from '../../../../services/api/volunteering'

/** 报到单位 kept by the community admin: those paired with the community, and a new one. */
export default function UnitsPage() {
  const { communityId = '' } = useRouter().params
  const loggedIn = useRequireLogin()
  const list = useAsync(() => listUnits(communityId), [communityId], loggedIn && Boolean(communityId))
  const [unitId, setUnitId] = useState(() => newClientId())
  const [name, setName] = useState('')
  const [kind, setKind] = useState<(typeof unitKinds)[number]>('organ')
  const [contact, setContact] = useState('')
  const [phone, setPhone] = useState('')
  const [members, setMembers] = useState('')
  const form = useSubmit<'name' | 'contact' | 'phone'>({
    validate: () => ({
      ...(!name.trim() ? { name: '请填写单位名称' } : {}),
      ...(!contact.trim() ? { contact: '请填写联系人' } : {}),
      ...(!/^1[3-9]\d{9}$/.test(phone) ? { phone: '请输入11位手机号' } : {}),
    }),
  })
  const add = () =>
    void form
      .submit(() =>
        createUnit(communityId, {
          unitId,
          name,
          kind,
          contact: { name: contact, phone },
          ...(members ? { partyMembers: Number(members) } : {}),
        }),
      )
      .then((u) => {
        if (!u) return
        setUnitId(newClientId())
        setName('')
        setContact('')
        setPhone('')
        setMembers('')
        list.reload()
      })
  const fresh = useMemo(() => list.data?.items ?? [], [list.data])
  return (
    <Screen className="units-page">
      <View className="card">
        <View className="card__title">
          <Text className="card__title-text">结对的报到单位</Text>
        </View>
        {!list.data && list.loading && <Loading />}
        {list.error && !list.data && <ErrorState message={list.error} onRetry={list.reload} />}
        {list.data && fresh.length === 0 && <Empty text="还没有报到单位" />}
        {fresh.map((u) => (
          <View key={u.unitId} className="row unit-row">
            <View className="row__main">
              <Text className="row__title">
                {u.name} <Text className="badge badge--soft">{unitKindLabels[u.kind]}</Text>
              </Text>
              <Text className="row__sub">
                联系人 {u.contact.name} {u.contact.phone}
                {u.partyMembers !== undefined ? ` · 党员 ${u.partyMembers} 人` : ''}
              </Text>
            </View>
          </View>
        ))}
      </View>
      <View className="card unit-form">
        <View className="card__title">
          <Text className="card__title-text">登记新单位</Text>
        </View>
        {form.formError && <View className="alert">{form.formError}</View>}
        <View className="field">
          <Text className="field__label">单位名称</Text>
          <Input
            className="field__input unit-name"
            value={name}
            maxlength={40}
            onInput={(e) => setName(e.detail.value)}
          />
          {form.errors.name && <Text className="field-error">{form.errors.name}</Text>}
        </View>
        <View className="field">
          <Text className="field__label">单位类型</Text>
          {unitKinds.map((k) => (
            <View
              key={k}
              className={`chip unit-kind--${k} ${kind === k ? 'is-active' : ''}`}
              {...a11y('radio', { checked: kind === k })}
              onClick={() => setKind(k)}
            >
              <Text>{unitKindLabels[k]}</Text>
            </View>
          ))}
        </View>
        <View className="field">
          <Text className="field__label">联系人</Text>
          <Input
            className="field__input unit-contact"
            value={contact}
            maxlength={20}
            onInput={(e) => setContact(e.detail.value)}
          />
          {form.errors.contact && <Text className="field-error">{form.errors.contact}</Text>}
        </View>
        <View className="field">
          <Text className="field__label">联系电话</Text>
          <Input
            className="field__input unit-phone"
            type="number"
            maxlength={11}
            value={phone}
            onInput={(e) => setPhone(e.detail.value)}
          />
          {form.errors.phone && <Text className="field-error">{form.errors.phone}</Text>}
        </View>
        <View className="field">
          <Text className="field__label">党员人数（选填，用于计算报到率）</Text>
          <Input
            className="field__input unit-members"
            type="number"
            value={members}
            onInput={(e) => setMembers(e.detail.value)}
          />
        </View>
        <SubmitButton submitting={form.submitting} className="unit-submit" onClick={add}>
          登记并结对
        </SubmitButton>
      </View>
    </Screen>
  )
}
