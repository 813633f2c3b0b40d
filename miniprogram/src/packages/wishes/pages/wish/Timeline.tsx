import { View, Text } from '@tarojs/components'
import type { Wish } from '@contracts/microWishes'
import { wishStatusLabels } from '@contracts/microWishes'
import { hidden } from '../../../../lib/a11y'
import { formatTime } from '../../../../lib/time'

/** 心愿进展: every step, newest first, with who, when (Beijing time), where it left the wish, and why (for whom it concerns). */
export function Timeline({ wish }: { wish: Wish }) {
  const entries = [...wish.timeline].reverse()
  return (
    <View className="card timeline wish-timeline">
      <View className="card__title">
        <Text className="card__title-text">心愿进展</Text>
        <Text className="card__hint">{entries.length} 条记录</Text>
      </View>
      {entries.map((t, i) => (
        <View key={`${t.at}-${i}`} className={`timeline-entry timeline-entry--${t.action}`}>
          <View className="timeline-entry__dot" {...hidden()} />
          <View className="timeline-entry__body">
            <View className="timeline-entry__head">
              <Text className="timeline-entry__label">{t.label}</Text>
              <Text className="timeline-entry__status">{wishStatusLabels[t.status]}</Text>
            </View>
            <Text className="timeline-entry__who">
              {t.actorName} · <Text className="timeline-entry__time">{formatTime(t.at)}</Text>
            </Text>
            {t.note && <Text className="timeline-entry__note">{t.note}</Text>}
          </View>
        </View>
      ))}
    </View>
  )
}
