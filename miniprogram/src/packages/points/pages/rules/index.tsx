import { useEffect, useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { roleLabels, type Role } from '@contracts/common'
import { expiryLabels, expiryPolicies, type EarningRule, type PointsSettings } from '@contracts/pointsBank'
import { Screen } from '../../../../components/Screen'
import { ResultPage } from '../../../../components/ResultPage'
import { Loading } from '../../../../components/StateView'
import { Button, SubmitButton } from '../../../../components/ui/Button'
import { SwitchRow } from '../../../../components/ui/SwitchRow'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { useSubmit, zodFieldErrors } from '../../../../components/useSubmit'
import { getPointsSettings, pointsSettingsSchema, putPointsSettings } from '../../../../services/api/pointsBank'
import { newClientId } from '../../../../services/clientId'
import { useStaffCommunity } from '../../components/useStaffCommunity'
import '../../components/points.scss'

const awarders: Role[] = ['gridWorker', 'buildingHead', 'committee', 'communityAdmin']

/** 积分规则: what earns points (fixed amount, a cap per resident, who may award it) and whether points expire. */
export default function RulesPage() {
  const loggedIn = useRequireLogin()
  const community = useStaffCommunity('admin', loggedIn)
  const communityId = community.data?.communityId
  const loaded = useAsync(() => getPointsSettings(communityId!), [communityId], !!communityId)
  const [s, setS] = useState<PointsSettings>()
  const [saved, setSaved] = useState(false)
  useEffect(() => setS(loaded.data), [loaded.data])
  const form = useSubmit<'rules' | 'expiry'>({
    validate: () => zodFieldErrors(pointsSettingsSchema.safeParse(s).error),
  })
  if (!loggedIn || community.loading || (communityId && !s))
    return (
      <Screen className="rules-page">
        <Loading />
      </Screen>
    )
  if (!community.data || !s)
    return (
      <Screen className="rules-page">
        <ResultPage
          className="rules-denied"
          title="无权限"
          text={community.error ?? loaded.error ?? '只有社区管理员可以设置积分规则'}
        />
      </Screen>
    )
  const setRule = (i: number, patch: Partial<EarningRule>) => {
    setSaved(false)
    setS({ ...s, rules: s.rules.map((r, j) => (j === i ? { ...r, ...patch } : r)) })
  }
  const add = () =>
    setS({
      ...s,
      rules: [
        ...s.rules,
        { ruleId: newClientId(), name: '', amount: 1, awardRoles: ['gridWorker', 'communityAdmin'], active: true },
      ],
    })
  const save = () =>
    form.submit(async () => {
      setS(await putPointsSettings(communityId!, pointsSettingsSchema.parse(s)))
      setSaved(true)
    })
  return (
    <Screen className="rules-page">
      <View className="card">
        <View className="card__title">
          <Text className="card__title-text">积分有效期</Text>
        </View>
        {expiryPolicies.map((p) => (
          <View
            key={p}
            className={`chip rules-expiry--${p} ${s.expiry === p ? 'is-active' : ''}`}
            onClick={() => setS({ ...s, expiry: p })}
          >
            <Text>{expiryLabels[p]}</Text>
          </View>
        ))}
      </View>
      {s.rules.map((r, i) => (
        <View key={r.ruleId} className="card rules-rule">
          <View className="field">
            <Text className="field__label">事项名称</Text>
            <Input
              className="field__input rules-name"
              maxlength={20}
              value={r.name}
              placeholder="如：楼道清理"
              onInput={(e) => setRule(i, { name: e.detail.value })}
            />
          </View>
          <View className="field">
            <Text className="field__label">每次积分</Text>
            <Input
              className="field__input rules-amount"
              type="number"
              maxlength={4}
              value={String(r.amount)}
              onInput={(e) => setRule(i, { amount: Number(e.detail.value) })}
            />
          </View>
          <View className="field">
            <Text className="field__label">每人上限</Text>
            {(['none', 'day', 'month'] as const).map((p) => (
              <View
                key={p}
                className={`chip ${(r.cap?.period ?? 'none') === p ? 'is-active' : ''}`}
                onClick={() => setRule(i, { cap: p === 'none' ? undefined : { period: p, times: r.cap?.times ?? 1 } })}
              >
                <Text>{p === 'none' ? '不限' : p === 'day' ? '每天' : '每月'}</Text>
              </View>
            ))}
            {r.cap && (
              <Input
                className="field__input"
                type="number"
                maxlength={3}
                value={String(r.cap.times)}
                onInput={(e) => setRule(i, { cap: { ...r.cap!, times: Number(e.detail.value) } })}
              />
            )}
          </View>
          <View className="field">
            <Text className="field__label">谁可以发放</Text>
            {awarders.map((role) => (
              <View
                key={role}
                className={`chip ${r.awardRoles.includes(role) ? 'is-active' : ''}`}
                onClick={() =>
                  setRule(i, {
                    awardRoles: r.awardRoles.includes(role)
                      ? r.awardRoles.filter((x) => x !== role)
                      : [...r.awardRoles, role],
                  })
                }
              >
                <Text>{roleLabels[role]}</Text>
              </View>
            ))}
          </View>
          <SwitchRow title="启用" checked={r.active} onChange={(on) => setRule(i, { active: on })} />
        </View>
      ))}
      <View className="card">
        <Button block kind="ghost" className="rules-add" onClick={add}>
          添加事项
        </Button>
        {form.formError && <View className="alert">{form.formError}</View>}
        {Object.values(form.errors).map((m) => (
          <Text key={m} className="field-error">
            {m}
          </Text>
        ))}
        {saved && <View className="alert alert--ok rules-saved">已保存</View>}
        <SubmitButton submitting={form.submitting} className="rules-save" onClick={() => void save()}>
          保存
        </SubmitButton>
      </View>
    </Screen>
  )
}
