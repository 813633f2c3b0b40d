import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import { itemStateLabels, type ShopItemView } from '@contracts/pointsBank'
import { Screen } from '../../../../components/Screen'
import { ResultPage } from '../../../../components/ResultPage'
import { Empty, Loading } from '../../../../components/StateView'
import { Button } from '../../../../components/ui/Button'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { useShown } from '../../../../components/useShown'
import { adjustStock, listShopItems } from '../../../../services/api/pointsBank'
import { newClientId } from '../../../../services/clientId'
import { messageOf } from '../../../../services/http'
import { withQuery } from '../../../../services/nav'
import { requestConsent } from '../../../../services/subscribe'
import { POINTS_PAGES } from '../../components/pages'
import { useStaffCommunity } from '../../components/useStaffCommunity'
import { limitText } from '../shop/ItemCard'
import '../../components/points.scss'

/** 商品管理: every item of the shop (off the shelf too), its stock and limit; 补货 / 减少 with a reason; 编辑; 上架新商品. */
export default function ItemsPage() {
  const loggedIn = useRequireLogin()
  const shown = useShown()
  const community = useStaffCommunity('admin', loggedIn)
  const communityId = community.data?.communityId
  const list = useAsync(() => listShopItems(communityId!, true), [communityId, shown], !!communityId && shown > 0)
  if (!loggedIn || community.loading || (communityId && list.loading && !list.data))
    return (
      <Screen className="items-page">
        <Loading />
      </Screen>
    )
  if (!community.data)
    return (
      <Screen className="items-page">
        <ResultPage className="items-denied" title="无权限" text={community.error ?? '只有社区管理员可以管理商品'} />
      </Screen>
    )
  const edit = (itemId?: string) => void Taro.navigateTo({ url: withQuery(POINTS_PAGES.item, { communityId, itemId }) })
  return (
    <Screen className="items-page">
      <View className="card">
        <Button block className="items-new" onClick={() => edit()}>
          上架新商品
        </Button>
        <Button block kind="plain" className="items-subscribe" onClick={() => requestConsent(['points'], communityId)}>
          库存不足时提醒我
        </Button>
      </View>
      {list.error && <View className="alert">{list.error}</View>}
      {list.data?.items.length === 0 && <Empty className="items-empty" text="还没有商品" />}
      {list.data?.items.map((item) => (
        <ManagedItem key={item.itemId} item={item} onEdit={() => edit(item.itemId)} onChanged={list.reload} />
      ))}
    </Screen>
  )
}

function ManagedItem({ item, onEdit, onChanged }: { item: ShopItemView; onEdit: () => void; onChanged: () => void }) {
  const [n, setN] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const change = async (sign: 1 | -1) => {
    const count = Number(n)
    if (!Number.isInteger(count) || count <= 0) return setError('请输入件数（整数）')
    setBusy(true)
    setError(undefined)
    try {
      await adjustStock(item.itemId, {
        changeId: newClientId(),
        delta: sign * count,
        reason: sign > 0 ? '补货' : '盘点减少',
      })
      setN('')
      onChanged()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="card managed-item" data-item-id={item.itemId}>
      <Text className="shop-item__name">{item.name}</Text>
      <Text className={`badge ${item.state === 'available' ? 'badge--green' : 'badge--grey'}`}>
        {itemStateLabels[item.state]}
      </Text>
      <Text className="shop-item__facts">
        {item.price} 积分 · 库存 <Text className="managed-item-stock">{item.stock}</Text> 件 ·{' '}
        {limitText({ ...item, mine: undefined })}
      </Text>
      <View className="field">
        <Text className="field__label">调整库存（件）</Text>
        <Input
          className="field__input managed-item-count"
          type="number"
          value={n}
          maxlength={6}
          onInput={(e) => setN(e.detail.value)}
        />
      </View>
      {error && <Text className="field-error">{error}</Text>}
      <View className="points-actions">
        <Button small className="managed-item-add" busy={busy} onClick={() => void change(1)}>
          补货
        </Button>
        <Button small kind="ghost" className="managed-item-remove" disabled={busy} onClick={() => void change(-1)}>
          减少
        </Button>
        <Button small kind="plain" className="managed-item-edit" onClick={onEdit}>
          编辑
        </Button>
      </View>
    </View>
  )
}
