import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { CheckReport } from '@contracts/pointsBank'
import { Screen } from '../../../../components/Screen'
import { ResultPage } from '../../../../components/ResultPage'
import { Loading } from '../../../../components/StateView'
import { Button } from '../../../../components/ui/Button'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { formatTime } from '../../../../lib/time'
import { getChecks, runChecks } from '../../../../services/api/pointsBank'
import { messageOf } from '../../../../services/http'
import { useStaffCommunity } from '../../components/useStaffCommunity'
import '../../components/points.scss'

const triggers = { scheduled: '每日自动', admin: '管理员手动', command: '命令行' } as const

/** 对账 (every balance against its entries) and 防篡改校验 (every account's hash chain): the latest result, and 立即校验. */
export default function ChecksPage() {
  const loggedIn = useRequireLogin()
  const community = useStaffCommunity('admin', loggedIn)
  const communityId = community.data?.communityId
  const checks = useAsync(() => getChecks(communityId!), [communityId], !!communityId)
  const [fresh, setFresh] = useState<CheckReport>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  if (!loggedIn || community.loading || (communityId && !checks.data && checks.loading))
    return (
      <Screen className="checks-page">
        <Loading />
      </Screen>
    )
  if (!community.data)
    return (
      <Screen className="checks-page">
        <ResultPage className="checks-denied" title="无权限" text={community.error ?? '只有社区管理员可以查看'} />
      </Screen>
    )
  const report = fresh ?? checks.data?.latest
  const run = async () => {
    setBusy(true)
    setError(undefined)
    try {
      setFresh(await runChecks(communityId!))
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Screen className="checks-page">
      <View className="card">
        <Button block className="checks-run" busy={busy} busyText="校验中…" onClick={() => void run()}>
          立即对账并校验
        </Button>
        {error && <View className="alert">{error}</View>}
        {!report && <Text className="muted">还没有校验结果，每天凌晨3点自动运行。</Text>}
        {report && (
          <Text className="muted checks-meta">
            {formatTime(report.checkedAt)}（{triggers[report.trigger]}）· {report.accounts}个账户 · {report.entries}
            笔记录 · 合计 {report.sum}
          </Text>
        )}
      </View>
      {report && (
        <View className="card">
          <View className="card__title">
            <Text className="card__title-text">对账</Text>
          </View>
          <View
            className={`alert ${report.reconciliation.ok ? 'alert--ok' : ''} checks-reconciliation checks-reconciliation--${report.reconciliation.ok ? 'ok' : 'bad'}`}
          >
            {report.reconciliation.ok
              ? '每个账户的余额都等于其记录之和，全社区合计为零。'
              : `发现 ${report.reconciliation.discrepancies.length} 处差异${report.balanced ? '' : '，全社区合计不为零'}：`}
          </View>
          {report.reconciliation.discrepancies.map((d) => (
            <View key={d.account} className="row checks-discrepancy">
              <View className="row__main">
                <Text className="row__title">{d.label}</Text>
                <Text className="row__sub">{d.problems.join('；')}</Text>
              </View>
            </View>
          ))}
        </View>
      )}
      {report && (
        <View className="card">
          <View className="card__title">
            <Text className="card__title-text">防篡改校验</Text>
          </View>
          <View
            className={`alert ${report.chain.ok ? 'alert--ok' : ''} checks-chain checks-chain--${report.chain.ok ? 'ok' : 'bad'}`}
          >
            {report.chain.ok
              ? '每个账户的记录哈希链完整，没有被改动。'
              : `${report.chain.broken.length} 个账户的记录链断开，第一处断点如下：`}
          </View>
          {report.chain.broken.map((b) => (
            <View key={b.account} className="row checks-broken">
              <View className="row__main">
                <Text className="row__title">
                  {b.label} · 第 {b.seq} 笔
                </Text>
                <Text className="row__sub">{b.problem}</Text>
              </View>
            </View>
          ))}
        </View>
      )}
    </Screen>
  )
}
