import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import { availabilityLabels, type Registration } from '@contracts/volunteering'
import { Screen } from '../../../../components/Screen'
import { Empty, ErrorState, Loading } from '../../../../components/StateView'
import { Button } from '../../../../components/ui/Button'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { a11y } from '../../../../lib/a11y'
import { formatTime } from '../../../../lib/time'
import { decideRegistration, listRegistrations } from '../../../../services/api/volunteering'
import { messageOf } from '../../../../services/http'
import '../../components/volunteer.scss'

type Status = Registration['status']
const tabs: { key: Status; label: string }[] = [
  { key: 'pending', label: '待审核' },
  { key: 'approved', label: '已通过' },
  { key: 'refused', label: '未通过' },
]

/** The community's 双报到 and volunteer registrations: approve, or refuse with a reason. */
export default function RegistrationsPage() {
  const { communityId = '' } = useRouter().params
  const loggedIn = useRequireLogin()
  const [status, setStatus] = useState<Status>('pending')
  const list = useAsync(
    () => listRegistrations(communityId, status),
    [communityId, status],
    loggedIn && Boolean(communityId),
  )
  return (
    <Screen className="registrations-page">
      <View className="volunteer-tabs" {...a11y('tablist')}>
        {tabs.map((t) => (
          <View
            key={t.key}
            className={`volunteer-tab registration-tab--${t.key} ${status === t.key ? 'is-active' : ''}`}
            {...a11y('tab', { selected: status === t.key })}
            onClick={() => setStatus(t.key)}
          >
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
      {!list.data && list.loading ? (
        <Loading />
      ) : !list.data ? (
        <ErrorState message={list.error ?? '加载失败'} onRetry={list.reload} />
      ) : list.data.items.length === 0 ? (
        <Empty className="registrations-empty" text="没有登记" />
      ) : (
        list.data.items.map((r) => <Item key={r.userId} r={r} onDone={list.reload} />)
      )}
    </Screen>
  )
}

function Item({ r, onDone }: { r: Registration; onDone: () => void }) {
  const [refusing, setRefusing] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const decide = async (decision: 'approve' | 'refuse') => {
    if (decision === 'refuse' && !reason.trim()) return setError('请说明不通过的理由')
    setBusy(true)
    try {
      await decideRegistration(r.userId, decision === 'approve' ? { decision } : { decision, reason })
      onDone()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="card registration-item" data-user-id={r.userId}>
      <Text className="row__title">
        {r.name} <Text className="badge badge--soft">{r.kind === 'member' ? '在职党员' : '居民志愿者'}</Text>
      </Text>
      {r.unitName && <Text className="row__sub">报到单位：{r.unitName}</Text>}
      <Text className="row__sub">
        技能：{r.skills.join('、') || '未填写'}；时间：
        {r.availability.map((a) => availabilityLabels[a]).join('、') || '未填写'}
      </Text>
      <Text className="row__sub">
        {r.phone ? `电话 ${r.phone} · ` : ''}登记于 {formatTime(r.createdAt)}
      </Text>
      {r.reason && <Text className="row__sub">理由：{r.reason}</Text>}
      {error && <Text className="field-error">{error}</Text>}
      {r.status === 'pending' && !refusing && (
        <View className="registration-actions actions-stack">
          <Button block busy={busy} className="registration-approve" onClick={() => void decide('approve')}>
            通过
          </Button>
          <Button block kind="ghost" className="registration-refuse" onClick={() => setRefusing(true)}>
            不通过
          </Button>
        </View>
      )}
      {refusing && (
        <View className="actions-stack">
          <Textarea
            className="field__textarea registration-refuse-reason"
            value={reason}
            maxlength={200}
            placeholder="请说明理由，登记人会看到"
            onInput={(e) => setReason(e.detail.value)}
          />
          <Button block busy={busy} className="registration-refuse-confirm" onClick={() => void decide('refuse')}>
            确认不通过
          </Button>
          <Button block kind="plain" onClick={() => setRefusing(false)}>
            取消
          </Button>
        </View>
      )}
    </View>
  )
}
