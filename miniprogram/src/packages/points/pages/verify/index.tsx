import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { redemptionStateLabels, type Redemption } from '@contracts/pointsBank'
import { Screen } from '../../../../components/Screen'
import { ResultPage } from '../../../../components/ResultPage'
import { Loading } from '../../../../components/StateView'
import { Button } from '../../../../components/ui/Button'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { lastDay } from '../../components/points'
import { fulfilRedemption, lookupPickup } from '../../../../services/api/pointsBank'
import { messageOf } from '../../../../services/http'
import { scanQr } from '../../../../services/scan'
import { useStaffCommunity } from '../../components/useStaffCommunity'
import '../../components/points.scss'

/**
 * 核销 at the service point: scan the resident's QR (wx.scanCode) or type the six digits, see what to hand over
 * and to whom, then confirm. Confirmed once: a second phone confirming the same code is told it is done.
 */
export default function VerifyPage() {
  const loggedIn = useRequireLogin()
  const community = useStaffCommunity('pickup', loggedIn)
  const [typed, setTyped] = useState('')
  const [found, setFound] = useState<{ r: Redemption; code: string }>()
  const [done, setDone] = useState<Redemption>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()

  if (!loggedIn || (community.loading && community.data === undefined))
    return (
      <Screen className="verify-page">
        <Loading />
      </Screen>
    )
  if (!community.data)
    return (
      <Screen className="verify-page">
        <ResultPage className="verify-denied" title="无权限" text={community.error ?? '只有社区工作人员可以核销兑换'} />
      </Screen>
    )
  const communityId = community.data.communityId

  const lookup = async (code: string) => {
    setBusy(true)
    setError(undefined)
    try {
      setFound({ r: await lookupPickup(communityId, code), code })
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  const scan = async () => {
    try {
      await lookup(await scanQr())
    } catch {
      setError('没有扫到二维码，请重试或输入6位领取码')
    }
  }
  const confirm = async () => {
    if (!found) return
    setBusy(true)
    setError(undefined)
    try {
      setDone(await fulfilRedemption(found.r.redemptionId, found.code))
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  const again = () => {
    setDone(undefined)
    setFound(undefined)
    setTyped('')
    setError(undefined)
  }

  if (done)
    return (
      <Screen className="verify-page">
        <ResultPage
          kind="success"
          className="verify-done"
          title="核销成功"
          text={`已向${done.resident.name}发放「${done.itemName}」。`}
          primary={{ text: '继续核销', onClick: again, className: 'verify-again' }}
        />
      </Screen>
    )
  return (
    <Screen className="verify-page">
      {!found && (
        <View className="card">
          <Text className="row__title">{community.data.communityName}</Text>
          <Button block className="verify-scan" busy={busy} busyText="查询中…" onClick={() => void scan()}>
            扫描领取二维码
          </Button>
          <View className="field">
            <Text className="field__label">或输入居民的6位领取码</Text>
            <Input
              className="field__input code-input verify-code"
              type="number"
              maxlength={6}
              value={typed}
              placeholder="______"
              onInput={(e) => setTyped(e.detail.value.replace(/\D/g, ''))}
            />
          </View>
          <Button
            block
            kind="ghost"
            className="verify-lookup"
            disabled={typed.length !== 6 || busy}
            onClick={() => void lookup(typed)}
          >
            查询
          </Button>
        </View>
      )}
      {error && <View className="alert verify-error">{error}</View>}
      {found && (
        <View className="card verify-found">
          <Text className="shop-item__name verify-item">{found.r.itemName}</Text>
          <Text className={`badge verify-state verify-state--${found.r.state}`}>
            {redemptionStateLabels[found.r.state]}
          </Text>
          <View className="points-figure">
            <Text>领取人</Text>
            <Text className="points-figure__value verify-resident">{found.r.resident.name}</Text>
          </View>
          {found.r.resident.household && <Text className="muted">{found.r.resident.household}</Text>}
          <View className="points-figure">
            <Text>有效期至</Text>
            <Text>{lastDay(found.r.deadline)}</Text>
          </View>
          {found.r.state !== 'ready' && (
            <View className="alert alert--grey">该兑换{redemptionStateLabels[found.r.state]}，不能再发放。</View>
          )}
          {found.r.can.includes('fulfil') && (
            <Button block className="verify-confirm" busy={busy} busyText="核销中…" onClick={() => void confirm()}>
              确认已发放
            </Button>
          )}
          <Button block kind="plain" className="verify-back" disabled={busy} onClick={again}>
            返回
          </Button>
        </View>
      )}
    </Screen>
  )
}
