import { useRef, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { Redemption, ShopItemView } from '@contracts/pointsBank'
import { Screen } from '../../../../components/Screen'
import { ResultPage } from '../../../../components/ResultPage'
import { Empty, Loading } from '../../../../components/StateView'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { useShown } from '../../../../components/useShown'
import { getMyPoints, listShopItems, redeemItem } from '../../../../services/api/pointsBank'
import { newClientId } from '../../../../services/clientId'
import { messageOf } from '../../../../services/http'
import { withQuery } from '../../../../services/nav'
import { prefetchSubscriptions, requestConsent } from '../../../../services/subscribe'
import { POINTS_PAGES } from '../../components/pages'
import { lastDay } from '../../components/points'
import { ConfirmSheet } from './ConfirmSheet'
import { ItemCard } from './ItemCard'
import '../../components/points.scss'

/** 积分超市: the community's items with photo, price, stock and my limit; 兑换 opens the confirm sheet. */
export default function ShopPage() {
  const loggedIn = useRequireLogin()
  const shown = useShown()
  const { params } = useRouter()
  const shop = useAsync(
    async () => {
      const mine = await getMyPoints(params.communityId)
      prefetchSubscriptions(mine.communityId)
      return { communityId: mine.communityId, ...(await listShopItems(mine.communityId)) }
    },
    [shown, params.communityId],
    loggedIn && shown > 0,
  )
  const [chosen, setChosen] = useState<ShopItemView>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [done, setDone] = useState<Redemption>()
  // One id per confirm sheet: a retried tap is the same redemption.
  const redemptionId = useRef('')
  usePullDownRefresh(() => {
    shop.reload()
    void Taro.stopPullDownRefresh()
  })

  if (!loggedIn || (shop.loading && !shop.data))
    return (
      <Screen className="shop-page">
        <Loading />
      </Screen>
    )
  if (!shop.data)
    return (
      <Screen className="shop-page">
        <ResultPage
          title="加载失败"
          text={shop.error}
          primary={{ text: '重试', onClick: shop.reload, className: 'error-state__retry' }}
        />
      </Screen>
    )
  const { items, communityId } = shop.data
  const balance = shop.data.balance ?? 0

  if (done) {
    return (
      <Screen className="shop-page">
        <ResultPage
          kind="success"
          className="redeem-success"
          title="兑换成功"
          text={`请在${lastDay(done.deadline)}前，凭领取码到「${done.pickupPlace}」领取「${done.itemName}」。`}
          primary={{
            text: '查看领取码',
            className: 'redeem-show-code',
            onClick: () =>
              void Taro.redirectTo({ url: withQuery(POINTS_PAGES.redemption, { redemptionId: done.redemptionId }) }),
          }}
          secondary={{
            text: '继续逛逛',
            onClick: () => {
              setDone(undefined)
              shop.reload()
            },
          }}
        />
      </Screen>
    )
  }
  const open = (item: ShopItemView) => {
    redemptionId.current = newClientId()
    setError(undefined)
    setChosen(item)
  }
  const confirm = async () => {
    if (!chosen || busy) return
    // Within the tap (WeChat's rule): ask to be told when it is ready and before the code expires.
    requestConsent(['points'], communityId)
    setBusy(true)
    setError(undefined)
    try {
      setDone(await redeemItem(chosen.itemId, redemptionId.current))
      setChosen(undefined)
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Screen className="shop-page">
      <View className="card">
        <Text className="row__title">
          我的积分：<Text className="shop-balance">{balance}</Text> 分
        </Text>
        <Text className="muted">选好商品点「兑换」，确认后凭领取码到服务站领取。</Text>
      </View>
      {items.length === 0 && <Empty className="shop-empty" text="积分超市暂时没有商品，请稍后再来看看" />}
      {items.map((item) => (
        <ItemCard key={item.itemId} item={item} balance={balance} onRedeem={() => open(item)} />
      ))}
      {chosen && (
        <ConfirmSheet
          item={chosen}
          balance={balance}
          busy={busy}
          error={error}
          onCancel={() => !busy && setChosen(undefined)}
          onConfirm={() => void confirm()}
        />
      )}
    </Screen>
  )
}
