import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import { Screen } from '../../../../components/Screen'
import { ResultPage } from '../../../../components/ResultPage'
import { Empty, Loading } from '../../../../components/StateView'
import { Button } from '../../../../components/ui/Button'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { formatTime } from '../../../../lib/time'
import { getBudget, topUpBudget } from '../../../../services/api/pointsBank'
import { newClientId } from '../../../../services/clientId'
import { messageOf } from '../../../../services/http'
import { withQuery } from '../../../../services/nav'
import { POINTS_PAGES } from '../../components/pages'
import { useStaffCommunity } from '../../components/useStaffCommunity'
import '../../components/points.scss'

/** 积分预算: what was put in, what the pool holds, where the rest is; 充值 (recorded as a transfer); the way to 对账. */
export default function BudgetPage() {
  const loggedIn = useRequireLogin()
  const community = useStaffCommunity('admin', loggedIn)
  const communityId = community.data?.communityId
  const budget = useAsync(() => getBudget(communityId!), [communityId], !!communityId)
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const topUpId = useRef(newClientId())
  if (!loggedIn || community.loading || (communityId && !budget.data && budget.loading))
    return (
      <Screen className="budget-page">
        <Loading />
      </Screen>
    )
  if (!community.data)
    return (
      <Screen className="budget-page">
        <ResultPage
          className="budget-denied"
          title="无权限"
          text={community.error ?? '只有社区管理员可以管理积分预算'}
        />
      </Screen>
    )
  const b = budget.data
  const topUp = async () => {
    const n = Number(amount)
    if (!Number.isInteger(n) || n <= 0) return setError('请输入充值积分（正整数）')
    if (!reason.trim()) return setError('请填写充值说明，如：2026年度积分预算')
    setBusy(true)
    setError(undefined)
    try {
      await topUpBudget(communityId!, { topUpId: topUpId.current, amount: n, reason })
      topUpId.current = newClientId()
      setAmount('')
      setReason('')
      budget.reload()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  const figure = (label: string, value: number | undefined, cls: string) => (
    <View className="points-figure">
      <Text>{label}</Text>
      <Text className={`points-figure__value ${cls}`}>{value ?? '—'}</Text>
    </View>
  )
  return (
    <Screen className="budget-page">
      <View className="card">
        <View className="card__title">
          <Text className="card__title-text">{community.data.communityName}</Text>
        </View>
        {figure('累计投入预算', b?.issued, 'budget-issued')}
        {figure('积分池余额（可发放）', b?.pool, 'budget-pool')}
        {figure(`居民持有（${b?.residentAccounts ?? 0}个账户）`, b?.residents, 'budget-residents')}
        {figure('积分超市已收回', b?.shop, 'budget-shop')}
        {figure('已过期', b?.expired, 'budget-expired')}
        <Button
          block
          kind="ghost"
          className="budget-checks-link"
          onClick={() => void Taro.navigateTo({ url: withQuery(POINTS_PAGES.checks, { communityId }) })}
        >
          对账与防篡改校验
        </Button>
      </View>
      <View className="card">
        <View className="card__title">
          <Text className="card__title-text">充值预算</Text>
        </View>
        <Input
          className="field__input budget-amount"
          type="number"
          placeholder="积分数，如 5000"
          maxlength={8}
          value={amount}
          onInput={(e) => setAmount(e.detail.value)}
        />
        <Input
          className="field__input budget-reason"
          placeholder="说明，如：2026年度积分预算"
          maxlength={100}
          value={reason}
          onInput={(e) => setReason(e.detail.value)}
        />
        {error && <Text className="field-error budget-error">{error}</Text>}
        <Button block className="budget-topup" busy={busy} busyText="充值中…" onClick={() => void topUp()}>
          充值
        </Button>
      </View>
      <View className="card">
        <View className="card__title">
          <Text className="card__title-text">充值记录</Text>
        </View>
        {b?.topUps.length === 0 && <Empty text="还没有充值记录" />}
        {b?.topUps.map((t) => (
          <View key={t.transferId} className="row budget-topup-row">
            <View className="row__main">
              <Text className="row__title">{t.reason}</Text>
              <Text className="row__sub">
                {formatTime(t.at)} · 经办 {t.by.name}
              </Text>
            </View>
            <Text className="points-figure__value">
              +{t.legs.filter((l) => l.delta > 0).reduce((s, l) => s + l.delta, 0)}
            </Text>
          </View>
        ))}
      </View>
    </Screen>
  )
}
