import { Fragment } from 'react'
import { View, Text } from '@tarojs/components'
import { a11y } from '../lib/a11y'
import './BarChart.scss'

export interface Bar {
  label: string
  value: number
  /** What is written beside the bar (e.g. 12.5小时). */
  text: string
  /** The row's other figures on a line under the bar (发布 5 · 认领 4 · 实现率 75%), each kept whole when it wraps. */
  sub?: string[]
}

/**
 * A horizontal bar chart drawn with plain views: the same on WeChat and H5, no canvas, readable at any text size,
 * and read out whole by a screen reader (each label with its value). The longest bar spans the width.
 */
export function BarChart({ bars, title, className = '' }: { bars: Bar[]; title: string; className?: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value))
  return (
    <View
      className={`bar-chart ${className}`}
      {...a11y('img', {
        label: `${title}：${bars.map((b) => `${b.label}${b.text}${b.sub?.length ? `（${b.sub.join('，')}）` : ''}`).join('，')}`,
      })}
    >
      {bars.map((b) => (
        <View key={b.label} className="bar-chart__row">
          <Text className="bar-chart__label">{b.label}</Text>
          <View className="bar-chart__track">
            <View
              className="bar-chart__bar"
              style={{ width: `${Math.max(b.value > 0 ? 4 : 0, (b.value / max) * 100)}%` }}
            />
          </View>
          <Text className="bar-chart__value">{b.text}</Text>
          {b.sub?.length ? (
            <View className="bar-chart__sub">
              {b.sub.map((part, i) => (
                <Fragment key={part}>
                  <Text className="bar-chart__part">{part}</Text>
                  {i < (b.sub?.length ?? 0) - 1 && <Text> · </Text>}
                </Fragment>
              ))}
            </View>
          ) : null}
        </View>
      ))}
    </View>
  )
}
