import { View, Text } from '@tarojs/components'
import type { ShopItemView } from '@contracts/pointsBank'
import { Button } from '../../../../components/ui/Button'
import { a11y } from '../../../../lib/a11y'

/** 确认兑换: what it costs, what is left after, where and until when to pick it up; 取消 and 确认兑换. */
export function ConfirmSheet(props: {
  item: ShopItemView
  balance: number
  busy: boolean
  error?: string
  onCancel: () => void
  onConfirm: () => void
}) {
  const { item, balance } = props
  return (
    <View className="sheet redeem-sheet" {...a11y('dialog', { label: '确认兑换' })}>
      <View className="sheet__mask" onClick={props.onCancel} />
      <View className="sheet__panel">
        <Text className="sheet__title">确认兑换</Text>
        <Text className="sheet__sub">{item.name}</Text>
        <View className="points-figure">
          <Text>需要积分</Text>
          <Text className="points-figure__value">{item.price}</Text>
        </View>
        <View className="points-figure">
          <Text>兑换后剩余</Text>
          <Text className="points-figure__value redeem-sheet-after">{balance - item.price}</Text>
        </View>
        <View className="alert alert--grey">
          兑换后凭领取码到「{item.pickupPlace}」领取，{item.pickupDays}天内有效；未领取前可以取消，积分和库存会退回。
        </View>
        {props.error && <Text className="field-error redeem-error">{props.error}</Text>}
        <View className="sheet__actions">
          <Button kind="plain" className="redeem-cancel" disabled={props.busy} onClick={props.onCancel}>
            取消
          </Button>
          <Button className="redeem-confirm" busy={props.busy} busyText="兑换中…" onClick={props.onConfirm}>
            确认兑换
          </Button>
        </View>
      </View>
    </View>
  )
}
