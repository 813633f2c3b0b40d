import { View, Text } from '@tarojs/components'
import type { Matter } from '@contracts/deliberation'
import { statusLabels } from '@contracts/deliberation'
import { Empty } from '../../../../components/StateView'
import { hidden } from '../../../../lib/a11y'
import { formatTime } from '../../../../lib/time'

/** 办理过程: every step recorded on the way, newest first, with who, when (Beijing time), the state it left, and why. */
export function Timeline({ matter }: { matter: Matter }) {
  const entries = [...matter.timeline].reverse()
  return (
    <View className="card timeline">
      <View className="card__title">
        <Text className="card__title-text">办理过程</Text>
        <Text className="card__hint">{entries.length} 条记录</Text>
      </View>
      {entries.length === 0 && <Empty text="暂无记录" />}
      {entries.map((t, i) => (
        <View key={`${t.at}-${i}`} className={`timeline-entry timeline-entry--${t.action}`}>
          <View className="timeline-entry__dot" {...hidden()} />
          <View className="timeline-entry__body">
            <View className="timeline-entry__head">
              <Text className="timeline-entry__label">{t.label}</Text>
              <Text className="timeline-entry__status">{statusLabels[t.status]}</Text>
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
