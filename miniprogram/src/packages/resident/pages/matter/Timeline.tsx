import type { Matter } from '@contracts/deliberation'
import { statusLabels } from '@contracts/deliberation'
import { Timeline as Steps } from '../../../../components/Timeline'

/** 办理过程: every step recorded on the matter's way. */
export function Timeline({ matter }: { matter: Matter }) {
  return (
    <Steps title="办理过程" entries={matter.timeline.map((t) => ({ ...t, statusLabel: statusLabels[t.status] }))} />
  )
}
