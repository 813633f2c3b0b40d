import type { ErrorCode } from '../../../../contracts/errors'
import type { WishStatus } from '../../../../contracts/microWishes'
import type { WishRecord } from './model'

/**
 * A wish's life as a table: which action may be taken from which status, and by whom. Every use case asks `guard`
 * first; the order of the answers is fixed (who you are, then where the wish is, then your own limits), so the same
 * attempt always gets the same code, and `can` lists exactly what the caller may do now.
 */
export type Action =
  | 'revise'
  | 'withdraw'
  | 'publish'
  | 'return'
  | 'refuse'
  | 'claim'
  | 'release'
  | 'fulfil'
  | 'confirm'
  | 'dispute'
  | 'decide'
  | 'thank'

export const allowedFrom: Record<Action, readonly WishStatus[]> = {
  revise: ['returned'],
  withdraw: ['awaitingVetting', 'returned', 'published'],
  publish: ['awaitingVetting'],
  return: ['awaitingVetting'],
  refuse: ['awaitingVetting'],
  claim: ['published'],
  release: ['claimed'],
  fulfil: ['claimed'],
  confirm: ['fulfilled'],
  dispute: ['fulfilled'],
  decide: ['disputed'],
  thank: ['confirmed'],
}

/** What is known about the caller relative to one wish. */
export interface Facts {
  isPoster: boolean
  /** Bound to the wish's household (the resident it is for, or one of their family). */
  ofHousehold: boolean
  /** The grid worker of the wish's grid: vets it, decides disputes, confirms for the resident. */
  isGridWorker: boolean
  /** The community's committee or admin: they see all of it. */
  isCommunityStaff: boolean
  /** Holds the wish's current claim. */
  isClaimant: boolean
  /** Admitted to claim by the community's rule (an in-service member registered with it, or whom it admits). */
  mayClaim: boolean
  /** The caller's claims still running, and how many the community allows. */
  activeClaims: number
  activeClaimLimit: number
}

/** Taken by someone: what a member who comes too late is told. */
const takenStatuses: readonly WishStatus[] = ['claimed', 'fulfilled', 'disputed', 'confirmed']

const mayAct = (action: Action, f: Facts): ErrorCode | undefined => {
  switch (action) {
    case 'revise':
    case 'withdraw':
    case 'dispute':
      return f.isPoster ? undefined : 'auth.forbidden'
    case 'publish':
    case 'return':
    case 'refuse':
    case 'decide':
      return f.isGridWorker ? undefined : 'auth.forbidden'
    case 'claim':
      // "The poster cannot claim": nor can anyone of the household it is for.
      if (f.isPoster || f.ofHousehold) return 'wish.ownWish'
      return f.mayClaim ? undefined : 'wish.notMember'
    case 'release':
    case 'fulfil':
      return f.isClaimant ? undefined : 'auth.forbidden'
    case 'confirm':
    case 'thank':
      // The resident, or the grid worker for them.
      return f.isPoster || f.isGridWorker ? undefined : 'auth.forbidden'
  }
}

export const guard = (action: Action, w: WishRecord, f: Facts): ErrorCode | undefined => {
  const who = mayAct(action, f)
  if (who) return who
  if (!allowedFrom[action].includes(w.status))
    return action === 'claim' && takenStatuses.includes(w.status) ? 'wish.taken' : 'wish.wrongState'
  if (action === 'thank' && w.thanks) return 'wish.wrongState'
  // Last, the caller's own limit (the claim's transaction holds it again, whatever the concurrency).
  if (action === 'claim' && f.activeClaims >= f.activeClaimLimit) return 'wish.claimLimit'
  return undefined
}

/** The actions the caller could take now: the mini-program shows exactly these buttons. */
export const possibleActions = (w: WishRecord, f: Facts): Action[] =>
  (Object.keys(allowedFrom) as Action[]).filter((a) => guard(a, w, f) === undefined)

/** On the wall or past it: any logged-in user may read the (masked) wish. */
export const publicStatuses: readonly WishStatus[] = ['published', 'claimed', 'fulfilled', 'disputed', 'confirmed']

/** The poster, the household and the staff: they see the address, the notes and the reasons. */
export const isInsider = (f: Facts) => f.isPoster || f.ofHousehold || f.isGridWorker || f.isCommunityStaff

export const canView = (w: WishRecord, f: Facts) => publicStatuses.includes(w.status) || isInsider(f)
