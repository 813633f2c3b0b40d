import { View, Text, Image } from '@tarojs/components'
import { itemStateLabels, periodLabels, type ShopItemView } from '@contracts/pointsBank'
import { Button } from '../../../../components/ui/Button'

/** Why a resident cannot redeem an item now, or undefined when they can. */
export const whyNot = (item: ShopItemView, balance: number): string | undefined => {
  if (item.state !== 'available') return itemStateLabels[item.state]
  if (item.mine && item.mine.remaining <= 0) return '已达限兑数量'
  if (balance < item.price) return `积分不足（还差${item.price - balance}分）`
  return undefined
}

export const limitText = (item: ShopItemView) =>
  item.limit
    ? `${periodLabels[item.limit.period]}限兑${item.limit.count}件${item.mine ? `，还可兑${item.mine.remaining}件` : ''}`
    : '不限兑换数量'

/** One item of 积分超市: photo, name, price, stock, my limit, who gave it, and 兑换 (or why not). */
export function ItemCard({ item, balance, onRedeem }: { item: ShopItemView; balance: number; onRedeem: () => void }) {
  const blocked = whyNot(item, balance)
  return (
    <View className={`card shop-item shop-item--${item.state}`} data-item-id={item.itemId}>
      {item.photo ? (
        <Image className="shop-item__photo" src={item.photo.url} mode="aspectFill" />
      ) : (
        <View className="shop-item__placeholder">{item.kind === 'service' ? '服务' : '商品'}</View>
      )}
      <View className="shop-item__main">
        <Text className="shop-item__name">{item.name}</Text>
        <Text className="shop-item__price">{item.price} 积分</Text>
        <Text className="shop-item__facts shop-item-stock">库存 {item.stock} 件</Text>
        <Text className="shop-item__facts shop-item-limit">{limitText(item)}</Text>
        {item.donor && <Text className="shop-item__facts shop-item-donor">{item.donor} 捐赠</Text>}
        {item.description && <Text className="shop-item__facts">{item.description}</Text>}
        <View className="shop-item__action">
          <Button small disabled={!!blocked} className="shop-item-redeem" label={`兑换${item.name}`} onClick={onRedeem}>
            {blocked ?? '兑换'}
          </Button>
        </View>
      </View>
    </View>
  )
}
