import { View, Text } from '@tarojs/components'
import { a11y } from '../lib/a11y'
import './ChoiceRows.scss'

export interface Choice<V extends string> {
  value: V
  title: string
  sub?: string
}

/**
 * One choice among a few, as large radio rows (the vote sheet's look): a round mark, the title and a line under it,
 * the whole row the target, at least 44 px high. Nothing is chosen until the user taps one (`value` undefined).
 * The group's hook is `${className}-group`; each row's `${className}` and `${className}--${value}`.
 */
export function ChoiceRows<V extends string>({
  label,
  choices,
  value,
  onChange,
  className,
}: {
  label: string
  choices: Choice<V>[]
  value: V | undefined
  onChange: (value: V) => void
  className: string
}) {
  return (
    <View className={`choice-rows ${className}-group`} {...a11y('radiogroup', { label })}>
      {choices.map((c) => (
        <View
          key={c.value}
          className={`choice-row ${className} ${className}--${c.value} ${value === c.value ? 'is-active' : ''}`}
          {...a11y('radio', { checked: value === c.value, label: c.sub ? `${c.title}，${c.sub}` : c.title })}
          onClick={() => onChange(c.value)}
        >
          <View className="choice-row__mark" />
          <View className="choice-row__main">
            <Text className="choice-row__title">{c.title}</Text>
            {c.sub && <Text className="choice-row__sub">{c.sub}</Text>}
          </View>
        </View>
      ))}
    </View>
  )
}
