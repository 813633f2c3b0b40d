import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { redemptionStateLabels } from '@contracts/pointsBank'
import { Screen } from '../../../../components/Screen'
import { ResultPage } from '../../../../components/ResultPage'
import { Loading } from '../../../../components/StateView'
import { Button } from '../../../../components/ui/Button'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { useShown } from '../../../../components/useShown'
import { formatTime } from '../../../../lib/time'
import { cancelRedemption, getRedemption } from '../../../../services/api/pointsBank'
import { messageOf } from '../../../../services/http'
import { PickupQr } from '../../components/PickupQr'
import { lastDay } from '../../components/points'
import '../../components/points.scss'

/** One redemption: while it waits, the pickup QR large with the six digits; 取消兑换 before pickup gives the points back. */
export default function RedemptionPage() {
  const loggedIn = useRequireLogin()
  const shown = useShown()
  const { params } = useRouter()
  const id = String(params.redemptionId ?? '')
  const r = useAsync(() => getRedemption(id), [id, shown], loggedIn && shown > 0)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()

  if (!loggedIn || (r.loading && !r.data))
    return (
      <Screen className="redemption-page">
        <Loading />
      </Screen>
    )
  if (!r.data)
    return (
      <Screen className="redemption-page">
        <ResultPage className="redemption-missing" title="找不到这次兑换" text={r.error} />
      </Screen>
    )
  const x = r.data
  const cancel = async () => {
    const { confirm } = await Taro.showModal({
      title: '取消兑换',
      content: `取消后 ${x.price} 积分会退回您的账户。确定取消吗？`,
      confirmText: '取消兑换',
      cancelText: '再想想',
    })
    if (!confirm) return
    setBusy(true)
    setError(undefined)
    try {
      await cancelRedemption(x.redemptionId)
      r.reload()
    } catch (e) {
      setError(messageOf(e))
      r.reload()
    } finally {
      setBusy(false)
    }
  }
  return (
    <Screen className="redemption-page">
      <View className="card">
        <Text className="shop-item__name redemption-item">{x.itemName}</Text>
        <Text className={`badge redemption-state redemption-state--${x.state}`}>{redemptionStateLabels[x.state]}</Text>
        {x.pickup && <PickupQr text={x.pickup.qr} code={x.pickup.code} />}
        {x.state === 'ready' && (
          <View className="alert alert--grey redemption-how">
            请到「{x.pickupPlace}」出示此码，工作人员扫码或输入领取码后发放。请在 {lastDay(x.deadline)}前领取。
          </View>
        )}
        {x.state === 'fulfilled' && (
          <View className="alert alert--ok redemption-done">
            已于 {formatTime(x.settledAt ?? '')} 领取{x.fulfilledBy ? `（经办 ${x.fulfilledBy}）` : ''}
          </View>
        )}
        {(x.state === 'cancelled' || x.state === 'expired') && (
          <View className="alert alert--grey redemption-refunded">
            {x.state === 'cancelled' ? '已取消' : '已过期未领取'}，{x.price} 积分已退回您的账户。
          </View>
        )}
        <Text className="muted">
          {x.price} 积分 · 兑换于 {formatTime(x.createdAt)}
        </Text>
        {error && <View className="alert redemption-error">{error}</View>}
        {x.can.includes('cancel') && (
          <Button
            kind="plain"
            block
            busy={busy}
            busyText="取消中…"
            className="redemption-cancel"
            onClick={() => void cancel()}
          >
            取消兑换
          </Button>
        )}
      </View>
    </Screen>
  )
}
