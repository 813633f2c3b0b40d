import { View, Text } from '@tarojs/components'
import { hidden } from '../lib/a11y'
import { formatTime } from '../lib/time'
import { Empty } from './StateView'
import './Timeline.scss'

export interface TimelineEntry {
  at: string
  action: string
  label: string
  actorName: string
  /** Who they acted as (网格员, 1号楼楼长, 阳光物业), shown before the name: 「网格员 李红梅」. */
  actorRole?: string
  note?: string
  /** Where the step left the thing, as residents call it (征集附议, 待认领, …). */
  statusLabel: string
}

/** The actor as neighbours know them: their role and place before their name (「网格员 李红梅」), else the name. */
export const whoActed = (t: { actorName: string; actorRole?: string }) =>
  t.actorRole ? `${t.actorRole} ${t.actorName}` : t.actorName

/**
 * Every step recorded on a matter's or a wish's way, newest first: what happened, who did it, when (Beijing
 * time), where it left things, and why. Hooks: `timeline-entry timeline-entry--<action>` with `__label`, `__who`,
 * `__status`, `__note`.
 */
export function Timeline({
  title,
  entries,
  className = '',
}: {
  title: string
  entries: TimelineEntry[]
  className?: string
}) {
  const newest = [...entries].reverse()
  return (
    <View className={`card timeline ${className}`}>
      <View className="card__title">
        <Text className="card__title-text">{title}</Text>
        <Text className="card__hint">{newest.length} 条记录</Text>
      </View>
      {newest.length === 0 && <Empty text="暂无记录" />}
      {newest.map((t, i) => (
        <View key={`${t.at}-${i}`} className={`timeline-entry timeline-entry--${t.action}`}>
          <View className="timeline-entry__dot" {...hidden()} />
          <View className="timeline-entry__body">
            <View className="timeline-entry__head">
              <Text className="timeline-entry__label">{t.label}</Text>
              <Text className="timeline-entry__status">{t.statusLabel}</Text>
            </View>
            <Text className="timeline-entry__who">
              {whoActed(t)} · <Text className="timeline-entry__time">{formatTime(t.at)}</Text>
            </Text>
            {t.note && <Text className="timeline-entry__note">{t.note}</Text>}
          </View>
        </View>
      ))}
    </View>
  )
}
