import { closeEvaluation } from './evaluate'
import type { DeliberationDeps } from './ports'
import { closePoll, openScheduledPoll } from './resolve'
import type { DueStore, Jobs } from '../schedule/ports'

/**
 * Deliberation's scheduled work: a poll set to open later opens (and its closing is scheduled), a poll whose
 * time is up closes (after the grace) and its matter moves on, an evaluation window ends. Each is safe to run
 * again: it looks at the poll's or matter's state first.
 */
export const deliberationJobs: Jobs<DeliberationDeps & { schedule: DueStore }> = {
  'deliberation.pollOpen': async (deps, pollId) => {
    const closing = await openScheduledPoll(deps, pollId)
    if (closing) await deps.schedule.add(closing)
  },
  'deliberation.pollClose': (deps, pollId) => closePoll(deps, pollId),
  'deliberation.evaluationClose': (deps, matterId) => closeEvaluation(deps, matterId),
}
