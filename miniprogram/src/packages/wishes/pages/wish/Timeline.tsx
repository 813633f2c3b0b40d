import type { Wish } from '@contracts/microWishes'
import { wishStatusLabels } from '@contracts/microWishes'
import { Timeline as Steps } from '../../../../components/Timeline'

/** 心愿进展: every step of the wish, for whom it concerns. */
export function Timeline({ wish }: { wish: Wish }) {
  return (
    <Steps
      title="心愿进展"
      className="wish-timeline"
      entries={wish.timeline.map((t) => ({ ...t, statusLabel: wishStatusLabels[t.status] }))}
    />
  )
}
