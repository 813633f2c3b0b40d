import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import type { CommunityAccount } from '@contracts/structure'
import { a11y } from '../../../../lib/a11y'
import { ErrorState, Loading } from '../../../../components/StateView'
import { useAsync } from '../../../../components/useAsync'
import { listCommunityAccounts } from '../../../../services/api/structure'
import '../../../../components/ChoiceRows.scss'

export interface Member {
  userId: string
  name: string
}

/** More than this many accounts: a search box by name above them. */
const SEARCH_FROM = 6

/**
 * 办理账号: the community's staff accounts as large rows to tick (name, roles, masked phone), never an id to type. A
 * member who no longer holds a role stays listed, ticked, so they can be taken off. Hooks: `member-pick` rows with
 * `member-pick--<userId>` and `is-active`, `member-search`, `member-chosen`.
 */
export function MemberPicker({
  communityId,
  members,
  onChange,
}: {
  communityId: string
  members: Member[]
  onChange: (members: Member[]) => void
}) {
  const accounts = useAsync(async () => (await listCommunityAccounts(communityId)).items, [communityId])
  const [q, setQ] = useState('')

  if (accounts.loading && !accounts.data) return <Loading text="正在读取社区工作人员…" />
  if (!accounts.data) return <ErrorState message={accounts.error ?? '加载失败'} onRetry={accounts.reload} />

  const chosen = new Set(members.map((m) => m.userId))
  const gone: CommunityAccount[] = members
    .filter((m) => !accounts.data!.some((a) => a.userId === m.userId))
    .map((m) => ({ userId: m.userId, name: m.name || '未命名账号', roles: ['已不在社区工作人员中'] }))
  const all = [...gone, ...accounts.data]
  const wanted = q.trim()
  const shown = wanted ? all.filter((a) => chosen.has(a.userId) || a.name.includes(wanted)) : all
  const toggle = (a: CommunityAccount) =>
    onChange(
      chosen.has(a.userId)
        ? members.filter((m) => m.userId !== a.userId)
        : [...members, { userId: a.userId, name: a.name }],
    )

  return (
    <View className="member-picker">
      <Text className="member-chosen">
        {members.length
          ? `已选 ${members.length} 人：${members.map((m) => m.name || '未命名账号').join('、')}`
          : '尚未选择'}
      </Text>
      {all.length > SEARCH_FROM && (
        <Input
          className="field__input member-search"
          type="text"
          maxlength={20}
          placeholder="输入姓名查找"
          value={q}
          onInput={(e) => setQ(e.detail.value)}
        />
      )}
      {all.length === 0 && <Text className="muted">社区还没有授予角色的工作人员，请先为物业、网格员等授予角色。</Text>}
      {wanted && !all.some((a) => a.name.includes(wanted)) && (
        <Text className="muted member-none">没有找到「{wanted}」，请核对姓名</Text>
      )}
      {shown.map((a) => {
        const on = chosen.has(a.userId)
        const roles = a.roles.join('、')
        const phone = a.phoneMasked ? `手机 ${a.phoneMasked}` : ''
        return (
          <View
            key={a.userId}
            className={`choice-row member-pick member-pick--${a.userId} ${on ? 'is-active' : ''}`}
            {...a11y('checkbox', { checked: on, label: [a.name, roles, phone].filter(Boolean).join('，') })}
            onClick={() => toggle(a)}
          >
            <View className="member-pick__mark">{on ? '✓' : ''}</View>
            <View className="choice-row__main">
              <Text className="choice-row__title">{a.name}</Text>
              <Text className="choice-row__sub">{roles}</Text>
              {phone && <Text className="choice-row__sub member-pick__phone">{phone}</Text>}
            </View>
          </View>
        )
      })}
    </View>
  )
}
