import { View, Text } from '@tarojs/components'
import type { z } from 'zod'
import { periodLabels, transferKindLabels, type PassbookEntry } from '@contracts/pointsBank'
import { formatTime } from '../../../lib/time'

type Entry = z.infer<typeof PassbookEntry>

export const signed = (n: number) => (n > 0 ? `+${n}` : String(n))

/** The 6-digit and month helpers of the points pages. */
export const thisMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7)
export const capText = (cap?: { period: 'day' | 'month'; times: number }) =>
  cap ? `${periodLabels[cap.period]}最多${cap.times}次` : '不限次数'

/** One passbook line: what, from where, when and by whom; the points in or out, and the balance after. */
export function PassbookRow({ e }: { e: Entry }) {
  return (
    <View className={`row passbook-entry passbook-entry--${e.kind}`} data-seq={e.seq}>
      <View className="row__main">
        <Text className="row__title passbook-entry__reason">{e.reason}</Text>
        <Text className="row__sub">
          {formatTime(e.at)} · {transferKindLabels[e.kind]}
          {e.source.label && e.source.label !== e.reason ? ` · ${e.source.label}` : ''}
          {e.by && e.by !== '系统' ? ` · 经办 ${e.by}` : ''}
        </Text>
      </View>
      <View className="passbook-entry__figures">
        <Text className={`passbook-entry__delta ${e.delta > 0 ? 'is-in' : 'is-out'}`}>{signed(e.delta)}</Text>
        <Text className="passbook-entry__balance">结余 {e.balanceAfter}</Text>
      </View>
    </View>
  )
}

/** A pickup deadline (24:00 Beijing of its last day) as a resident reads it: 「12月9日（含当天）」, never 「12月10日 00:00」. */
export const lastDay = (deadline: string) => {
  const d = new Date(Date.parse(deadline) - 1 + 8 * 3600_000)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日（含当天）`
}
