import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { Organisation } from '@contracts/structure'
import { organisationKindLabels } from '@contracts/structure'
import { ChoiceRows } from '../../../components/ChoiceRows'
import { LinkRow } from '../../../components/LinkRow'
import { ErrorState, Loading } from '../../../components/StateView'
import { useAsync } from '../../../components/useAsync'
import { listOrganisations } from '../../../services/api/structure'
import { PAGES, withQuery } from '../../../services/nav'
import './PartyPicker.scss'

const KINDS = ['property', 'community', 'department'] as const

const whoActs = (o: Organisation) =>
  o.members.length ? `办理账号：${o.members.map((m) => m.name || '未命名账号').join('、')}` : '尚未登记办理账号'

/**
 * 责任方: the community's organisations (责任方名录) as large rows grouped by kind (物业 / 社区 / 职能部门), nothing
 * chosen until the committee taps one. An empty registry says so and who fills it (the community admin), with the way
 * to its page. `suggested` marks the one picked in review.
 */
export function PartyPicker({
  communityId,
  value,
  onChange,
  error,
  suggested,
  className,
}: {
  communityId: string
  value: string | undefined
  onChange: (organisationId: string) => void
  error?: string
  suggested?: string
  className: string
}) {
  const orgs = useAsync(async () => (await listOrganisations(communityId)).items, [communityId])
  if (orgs.loading && !orgs.data) return <Loading text="正在读取责任方名录…" />
  if (!orgs.data) return <ErrorState message={orgs.error ?? '加载失败'} onRetry={orgs.reload} />
  if (orgs.data.length === 0) {
    return (
      <View className={`party-empty ${className}-empty`}>
        <Text className="party-empty__text">
          本社区的责任方名录还是空的，暂时无法选择责任方。请社区管理员在「我的」→「责任方名录」中添加物业、居委会或职能部门。
        </Text>
        <LinkRow
          className="party-empty__link"
          title="责任方名录"
          sub="社区管理员在这里添加"
          onClick={() => void Taro.navigateTo({ url: withQuery(PAGES.organisations, { communityId }) })}
        />
      </View>
    )
  }
  return (
    <View className={`party-picker ${className}`}>
      {KINDS.map((kind) => {
        const group = orgs.data!.filter((o) => o.kind === kind)
        if (group.length === 0) return null
        return (
          <View key={kind} className={`party-picker__group party-picker__group--${kind}`}>
            <Text className="party-picker__kind">{organisationKindLabels[kind]}</Text>
            <ChoiceRows
              label={`责任方：${organisationKindLabels[kind]}`}
              className="party-option"
              value={value}
              onChange={onChange}
              choices={group.map((o) => ({
                value: o.organisationId,
                title: o.name,
                sub: o.organisationId === suggested ? `两委审议时选定 · ${whoActs(o)}` : whoActs(o),
              }))}
            />
          </View>
        )
      })}
      {error && <Text className="field-error field-error--responsibleParty">{error}</Text>}
    </View>
  )
}
