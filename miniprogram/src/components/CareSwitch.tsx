import { SwitchRow } from './ui/SwitchRow'
import { useCare } from './useCare'
import { careFollowsSystem, setCare } from '../services/care'

/** 长辈模式 on or off, remembered on this device. */
export function CareSwitch() {
  const care = useCare()
  return (
    <SwitchRow
      className="care-switch care-toggle"
      title="长辈模式（大字版）"
      sub={careFollowsSystem() && care ? '已按手机的大字体设置自动开启' : '文字更大，按钮更大，更容易点'}
      checked={care}
      onChange={setCare}
    />
  )
}
