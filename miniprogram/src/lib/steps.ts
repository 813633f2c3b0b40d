/*
 * The five steps (五议) and how a matter stands in them, honestly: one that ended early (withdrawn, rejected, a
 * failed poll) shows the step it reached and how it ended, never all five as done. Pure: no Taro, unit-tested.
 * (A relative import of contracts/, so the unit tests can load it without the mini-program's path alias.)
 */
import type { Matter, MatterStatus, MatterSummary, Step } from '../../../contracts/deliberation'
import { stepLabels, stepOf, steps } from '../../../contracts/deliberation'

/** The five steps in order (closed is where a matter ends, not a step of its own). */
export const FIVE_STEPS = steps.filter((s): s is Exclude<Step, 'closed'> => s !== 'closed')

export type FiveStep = (typeof FIVE_STEPS)[number]

/** How a matter that stopped before the end ended, in the words of its step: 已撤回 / 不予受理 / 未通过. */
export const ENDED_EARLY: Partial<Record<MatterStatus, string>> = {
  withdrawn: '已撤回',
  rejected: '不予受理',
  failed: '未通过',
}

/** Where each early end happens when the timeline does not say (withdrawn: before review, as the proposer may). */
const endedAtFallback: Partial<Record<MatterStatus, FiveStep>> = {
  withdrawn: 'propose',
  rejected: 'review',
  failed: 'consult',
}

/**
 * The step a matter stopped in, for one that ended early: the step of the status it had just before the
 * closing entry of its timeline (a matter withdrawn while waiting for review stopped in 两委审议).
 */
export const endedAt = (matter: Pick<Matter, 'status' | 'timeline'>): FiveStep | undefined => {
  if (!ENDED_EARLY[matter.status]) return undefined
  const closing = matter.timeline.findIndex((t) => t.status === matter.status)
  const before = closing > 0 ? matter.timeline[closing - 1] : undefined
  const step = before ? stepOf[before.status] : undefined
  return step && step !== 'closed' ? step : endedAtFallback[matter.status]
}

export type StepState = 'done' | 'current' | 'ended' | 'upcoming' | 'skipped'

/**
 * Each of the five steps as the stepper shows it. Open: done up to the current one, then upcoming. Completed: all
 * done. Ended early: done up to the step it stopped in, that one ended (已撤回 / 不予受理 / 未通过), the rest skipped —
 * never all five done.
 */
export const stepStates = (matter: Pick<Matter, 'status' | 'timeline'>): { step: FiveStep; state: StepState }[] => {
  const ended = endedAt(matter)
  const step = stepOf[matter.status]
  const at = ended ?? (step === 'closed' ? undefined : step)
  const index = at === undefined ? FIVE_STEPS.length : FIVE_STEPS.indexOf(at)
  return FIVE_STEPS.map((s, i) => ({
    step: s,
    state: i < index ? 'done' : i > index ? (ended ? 'skipped' : 'upcoming') : ended ? 'ended' : 'current',
  }))
}

/** A list card's line about where the matter stands: 附议 2/3, 当前：民主商议, 已结束：不予受理, 已办结. */
export const progressLine = (m: Pick<MatterSummary, 'status' | 'step' | 'secondsCount' | 'secondsNeeded'>): string => {
  if (m.status === 'seconding') return `附议 ${m.secondsCount}/${m.secondsNeeded}`
  if (m.status === 'completed') return '已办结'
  const ended = ENDED_EARLY[m.status]
  if (ended) return `已结束：${ended}`
  return `当前：${stepLabels[m.step]}`
}
