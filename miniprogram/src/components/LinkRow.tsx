import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { a11y, hidden } from '../lib/a11y'

/**
 * A tappable entry to another page: title, one line under it, an arrow. `card` sets it apart as a card of its
 * own (首页, 议事); otherwise it is a row of a list (我的). `className` names it for the browser tests. To a
 * screen reader it is a link named by its title and line.
 */
export function LinkRow(props: {
  className: string
  title: string
  sub: ReactNode
  onClick: () => void
  card?: boolean
  badge?: ReactNode
}) {
  return (
    <View
      className={`${props.card ? 'card staff-entry' : 'row staff-entry'} ${props.className}`}
      {...a11y('link', { label: typeof props.sub === 'string' ? `${props.title}，${props.sub}` : props.title })}
      onClick={props.onClick}
    >
      <View className="row__main">
        <Text className="row__title">{props.title}</Text>
        <Text className="row__sub">{props.sub}</Text>
      </View>
      {props.badge}
      <Text className="row__arrow" {...hidden()}>
        ›
      </Text>
    </View>
  )
}
