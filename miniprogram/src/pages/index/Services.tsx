import { View, Text } from '@tarojs/components'
import type { Home } from '@contracts/home'
import { a11y, hidden } from '../../lib/a11y'
import { openPage } from '../../services/nav'

/** A simple mark for each service: one character on a coloured disc (no image to load, no emoji font needed). */
const marks: Record<string, string> = { matters: '议', wishes: '愿', volunteer: '志', points: '分' }

/** 服务: my grid's services as big tiles; one not open yet is grey, says 即将开放, and does nothing. */
export function Services({ services }: { services: Home['services'] }) {
  if (services.length === 0) return null
  return (
    <View className="card home-services">
      <View className="card__title">
        <Text className="card__title-text">服务</Text>
      </View>
      <View className="home-services__grid">
        {services.map((s) => (
          <View
            key={s.key}
            className={`home-service home-service--${s.key} ${s.open ? '' : 'is-closed'}`}
            {...a11y('link', { label: s.open ? `${s.label}，${s.hint}` : `${s.label}，即将开放`, disabled: !s.open })}
            onClick={s.open ? () => openPage(s.page) : undefined}
          >
            <View className={`home-service__mark home-service__mark--${s.key}`} {...hidden()}>
              <Text>{marks[s.key] ?? s.label.slice(0, 1)}</Text>
            </View>
            <Text className="home-service__label">{s.label}</Text>
            <Text className="home-service__hint">{s.open ? s.hint : '即将开放'}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
