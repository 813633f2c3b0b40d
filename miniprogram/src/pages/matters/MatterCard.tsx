import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { MatterSummary } from '@contracts/deliberation'
import { statusLabels } from '@contracts/deliberation'
import { ENDED_EARLY, progressLine, statusTone } from '../../components/matter'
import { ModerationNote } from '../../components/moderation'
import { a11y } from '../../lib/a11y'
import { formatTime } from '../../lib/time'
import { PAGES, withQuery } from '../../services/nav'

const awaitingLabels = { second: '待我附议', vote: '待我投票', rate: '待我评议' } as const

/**
 * One matter in the 议事 list: its title and state, what awaits the caller (待我投票 …) and until when, where it
 * stands (附议 2/3, 当前：民主商议, 已结束：已撤回), and when it last moved. The whole card opens the matter.
 */
export function MatterCard({ matter }: { matter: MatterSummary }) {
  const awaiting = matter.awaitingMe ?? []
  const open = ENDED_EARLY[matter.status] === undefined && matter.status !== 'completed'
  return (
    <View
      className="card matter-card"
      data-matter-id={matter.matterId}
      {...a11y('link', {
        label: `${matter.title}，${statusLabels[matter.status]}${awaiting.length ? `，${awaiting.map((a) => awaitingLabels[a]).join('、')}` : ''}`,
      })}
      onClick={() => void Taro.navigateTo({ url: withQuery(PAGES.matter, { matterId: matter.matterId }) })}
    >
      <View className="matter-card__head">
        <Text className="matter-card__title">{matter.title}</Text>
        <Text className={`badge badge--${statusTone(matter.status)} matter-card__status`}>
          {statusLabels[matter.status]}
        </Text>
      </View>
      <ModerationNote moderation={matter.moderation} className="matter-card__moderation" />
      {(awaiting.length > 0 || (open && matter.deadline)) && (
        <View className="matter-card__todo">
          {awaiting.map((a) => (
            <Text key={a} className={`badge matter-card__await matter-card__await--${a}`}>
              {awaitingLabels[a]}
            </Text>
          ))}
          {open && matter.deadline && <Text className="matter-card__deadline">截止 {formatTime(matter.deadline)}</Text>}
        </View>
      )}
      <View className="matter-card__meta">
        <Text className="matter-card__scope">{matter.scope.name}</Text>
        <Text className="matter-card__category">{matter.categoryName}</Text>
        <Text>{matter.proposerName}</Text>
      </View>
      <View className="matter-card__foot">
        <Text className={`matter-card__progress ${matter.status === 'seconding' ? 'matter-card__seconds' : ''}`}>
          {progressLine(matter)}
        </Text>
        <Text className="matter-card__time">{formatTime(matter.updatedAt)}</Text>
      </View>
    </View>
  )
}
