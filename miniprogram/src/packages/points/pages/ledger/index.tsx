import { useEffect, useState } from 'react'
import { View, Text, Picker, Input } from '@tarojs/components'
import { transferKindLabels, transferKinds, type TransferView } from '@contracts/pointsBank'
import { Screen } from '../../../../components/Screen'
import { ResultPage } from '../../../../components/ResultPage'
import { Empty, Loading } from '../../../../components/StateView'
import { Button } from '../../../../components/ui/Button'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { formatTime } from '../../../../lib/time'
import { listTransfers, reverseTransfer, transfersExportPath } from '../../../../services/api/pointsBank'
import { openApiFile } from '../../../../services/download'
import { messageOf } from '../../../../services/http'
import { signed, thisMonth } from '../../components/points'
import { useStaffCommunity } from '../../components/useStaffCommunity'
import '../../components/points.scss'

type Kind = TransferView['kind'] | ''

/** 积分台账: the community's transfers of a month, of one kind or all, newest first; 导出Excel; 冲正 for the admin. */
export default function LedgerPage() {
  const loggedIn = useRequireLogin()
  const community = useStaffCommunity('ledger', loggedIn)
  const communityId = community.data?.communityId
  const [month, setMonth] = useState(thisMonth())
  const [kind, setKind] = useState<Kind>('')
  const [items, setItems] = useState<TransferView[]>([])
  const [next, setNext] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [tick, setTick] = useState(0)
  const load = async (cursor?: string) => {
    if (!communityId) return
    setBusy(true)
    setError(undefined)
    try {
      const page = await listTransfers(communityId, { month, ...(kind ? { kind } : {}), ...(cursor ? { cursor } : {}) })
      setItems((old) => (cursor ? [...old, ...page.items] : page.items))
      setNext(page.next)
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  useEffect(() => {
    void load()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [communityId, month, kind, tick])
  if (!loggedIn || (community.loading && community.data === undefined))
    return (
      <Screen className="ledger-page">
        <Loading />
      </Screen>
    )
  if (!community.data)
    return (
      <Screen className="ledger-page">
        <ResultPage
          className="ledger-denied"
          title="无权限"
          text={community.error ?? '只有两委和社区管理员可以查看台账'}
        />
      </Screen>
    )
  const exportXlsx = async () => {
    try {
      await openApiFile(transfersExportPath(communityId!, month, kind || undefined), `积分台账-${month}.xlsx`, 'xlsx')
    } catch (e) {
      setError(messageOf(e))
    }
  }
  return (
    <Screen className="ledger-page">
      <View className="card">
        <Picker mode="date" fields="month" value={month} onChange={(e) => setMonth(e.detail.value.slice(0, 7))}>
          <View className="field__input ledger-month">{month.replace('-', '年')}月 ▾</View>
        </Picker>
        <View>
          {(['', ...transferKinds] as Kind[]).map((k) => (
            <View
              key={k || 'all'}
              className={`chip ledger-kind ledger-kind--${k || 'all'} ${kind === k ? 'is-active' : ''}`}
              onClick={() => setKind(k)}
            >
              <Text>{k ? transferKindLabels[k] : '全部'}</Text>
            </View>
          ))}
        </View>
        <Button block kind="ghost" className="ledger-export" onClick={() => void exportXlsx()}>
          导出Excel
        </Button>
      </View>
      {error && <View className="alert ledger-error">{error}</View>}
      <View className="card">
        {items.length === 0 && !busy && <Empty className="ledger-empty" text="这个月没有记录" />}
        {items.map((t) => (
          <TransferRow
            key={t.transferId}
            t={t}
            admin={community.data!.admin}
            communityId={communityId!}
            onReversed={() => setTick((n) => n + 1)}
          />
        ))}
        {next && (
          <Button block kind="ghost" busy={busy} className="ledger-more" onClick={() => void load(next)}>
            加载更多
          </Button>
        )}
      </View>
    </Screen>
  )
}

function TransferRow({
  t,
  admin,
  communityId,
  onReversed,
}: {
  t: TransferView
  admin: boolean
  communityId: string
  onReversed: () => void
}) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const reverse = async () => {
    setBusy(true)
    setError(undefined)
    try {
      await reverseTransfer(communityId, t.transferId, reason)
      onReversed()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  const people = t.legs.filter((l) => !l.account.startsWith('pool:') || t.legs.length <= 3)
  return (
    <View className={`row ledger-transfer ledger-transfer--${t.kind}`} data-transfer-id={t.transferId}>
      <View className="row__main">
        <Text className="row__title">{t.reason}</Text>
        <Text className="row__sub">
          {formatTime(t.at)} · {transferKindLabels[t.kind]} · 经办 {t.by.name}
        </Text>
        <Text className="row__sub">{people.map((l) => `${l.label} ${signed(l.delta)}`).join('；')}</Text>
        {admin && t.reversible && !open && (
          <Button small kind="plain" className="ledger-reverse" onClick={() => setOpen(true)}>
            冲正
          </Button>
        )}
        {open && (
          <View>
            <Input
              className="field__input ledger-reverse-reason"
              placeholder="冲正原因，如：重复发放"
              maxlength={100}
              value={reason}
              onInput={(e) => setReason(e.detail.value)}
            />
            {error && <Text className="field-error">{error}</Text>}
            <Button
              small
              className="ledger-reverse-confirm"
              disabled={!reason.trim()}
              busy={busy}
              onClick={() => void reverse()}
            >
              确认冲正
            </Button>
          </View>
        )}
      </View>
    </View>
  )
}
