import type { ErrorCode } from '../../../../contracts/errors'
import type { RedemptionRecord } from './model'

/*
 * A redemption's states as a table (like deliberation's): ready (待领取) → fulfilled | cancelled | expired.
 * Every transition is also a conditional write on `state = ready`, so of a cancel and a pickup racing, or two
 * staff phones confirming at once, exactly one wins; `can` lists exactly what the caller may do now.
 */
export type RedemptionAction = 'cancel' | 'fulfil' | 'expire'

export interface RedemptionFacts {
  isOwner: boolean
  /** Holds a role that may hand over redemptions in the redemption's community. */
  isStaff: boolean
  now: Date
}

export const redemptionFrom: Record<RedemptionAction, readonly RedemptionRecord['state'][]> = {
  cancel: ['ready'],
  fulfil: ['ready'],
  expire: ['ready'],
}

export const redemptionGuard = (
  action: RedemptionAction,
  r: RedemptionRecord,
  f: RedemptionFacts,
): ErrorCode | undefined => {
  if (action === 'cancel' && !f.isOwner) return 'redemption.notFound'
  if (action === 'fulfil' && !f.isStaff) return 'auth.forbidden'
  if (!redemptionFrom[action].includes(r.state))
    return action === 'fulfil' && r.state === 'fulfilled' ? 'redemption.fulfilled' : 'redemption.notReady'
  const past = f.now.toISOString() >= r.deadline
  if (action === 'fulfil' && past) return 'redemption.expired'
  if (action === 'expire' && !past) return 'redemption.notReady'
  return undefined
}

/** What the caller may do now (the scheduler's expiry is nobody's button). */
export const redemptionActions = (r: RedemptionRecord, f: RedemptionFacts): ('cancel' | 'fulfil')[] =>
  (['cancel', 'fulfil'] as const).filter((a) => redemptionGuard(a, r, f) === undefined)
