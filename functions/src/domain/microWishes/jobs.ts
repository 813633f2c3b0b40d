import type { Jobs } from '../schedule/ports'
import { LAPSE, lapseClaim, REMIND, remindClaimant } from './claim'
import { AUTO_CONFIRM, autoConfirm, CREDIT, creditWish } from './fulfil'
import type { MicroWishDeps } from './ports'

/**
 * Micro-wishes' scheduled work: a claimant is reminded before the deadline; at the deadline the claim lapses; a
 * fulfilled wish nobody confirmed confirms itself; a confirmed wish's points are paid. Each looks at the wish as
 * it is now first, at the scheduler's moment, so it is safe to run again and a stale item (a claim since released,
 * a deadline moved by a redo) does nothing.
 */
export const microWishJobs: Jobs<MicroWishDeps> = {
  [REMIND]: (deps, wishId, { now }) => remindClaimant(deps, wishId, now),
  [LAPSE]: (deps, wishId, { now }) => lapseClaim(deps, wishId, now),
  [AUTO_CONFIRM]: (deps, wishId, { now }) => autoConfirm(deps, wishId, now),
  [CREDIT]: (deps, wishId, { now }) => creditWish(deps, wishId, now),
}
