import { View, Text } from '@tarojs/components'
import { a11y, hidden } from '../../lib/a11y'
import './SwitchRow.scss'

/** An on/off setting as one row: the whole row is the switch (a native switch is too small to hit). */
export function SwitchRow({
  title,
  sub,
  checked,
  onChange,
  className = '',
}: {
  title: string
  sub?: string
  checked: boolean
  onChange: (on: boolean) => void
  className?: string
}) {
  return (
    <View
      className={`row switch-row ${checked ? 'is-on' : ''} ${className}`}
      {...a11y('switch', { checked, label: title })}
      onClick={() => onChange(!checked)}
    >
      <View className="row__main">
        <Text className="row__title">{title}</Text>
        {sub && <Text className="row__sub">{sub}</Text>}
      </View>
      <View className="switch-row__track" {...hidden()}>
        <View className="switch-row__knob" />
      </View>
      <Text className="switch-row__state">{checked ? '已开启' : '已关闭'}</Text>
    </View>
  )
}
