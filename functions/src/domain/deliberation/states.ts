import type { ErrorCode } from '../../../../contracts/errors'
import type { MatterStatus } from '../../../../contracts/deliberation'
import type { MatterRecord } from './model'

/**
 * The five-step deliberation as a table: which action may be taken from which status, and by whom.
 * Every use case asks `guard` first; the order of the answers is fixed (who you are, then where the matter
 * is, then what you have already done), so the same attempt always gets the same error code, and `can` lists
 * exactly what the caller may do now.
 */
export type Action =
  | 'second'
  | 'withdraw'
  | 'revise'
  | 'accept'
  | 'return'
  | 'reject'
  | 'answerEscalation'
  | 'comment'
  | 'openPoll'
  | 'vote'
  | 'resolve'
  | 'report'
  | 'rate'

const open: MatterStatus[] = [
  'seconding',
  'returned',
  'awaitingReview',
  'awaitingPoll',
  'polling',
  'awaitingResolution',
  'inProgress',
  'evaluating',
]

export const allowedFrom: Record<Action, readonly MatterStatus[]> = {
  second: ['seconding'],
  withdraw: ['seconding', 'returned', 'awaitingReview'],
  revise: ['returned'],
  accept: ['awaitingReview'],
  return: ['awaitingReview'],
  reject: ['awaitingReview'],
  answerEscalation: open,
  comment: ['seconding', 'returned', 'awaitingReview', 'awaitingPoll', 'polling'],
  openPoll: ['awaitingPoll'],
  vote: ['polling'],
  resolve: ['awaitingResolution'],
  report: ['inProgress'],
  rate: ['evaluating'],
}

/** What is known about the caller relative to one matter. */
export interface Facts {
  isProposer: boolean
  /** Bound to a household inside the matter's scope. */
  livesInScope: boolean
  /** The representative (户代表) of a household inside the matter's scope: the one who votes and rates for it. */
  representsInScope: boolean
  /** 两委 (committee) covering the scope. */
  isCommittee: boolean
  /** Building head of the matter's building (building-scope matters only). */
  isBuildingHead: boolean
  /** Property manager covering the scope. */
  isPropertyManager: boolean
  /** Any staff role covering the scope (grid worker, building head, committee, property, admin). */
  isStaff: boolean
  /** A street-level admin, who records departments' answers to escalations. */
  isStreetAdmin: boolean
  /** Acts for the organisation named responsible (the resolution's, else the review's): the property company's account, a department's. */
  isResponsible: boolean
  /** What the caller has already done on the matter: a second is once per resident, a vote and a rating once per household. */
  hasSeconded: boolean
  householdVoted: boolean
  /** In a named poll, the option the caller's household chose. */
  householdOption?: number
  householdRated: boolean
}

const mayAct = (action: Action, m: MatterRecord, f: Facts): ErrorCode | undefined => {
  switch (action) {
    case 'second':
      if (f.isProposer) return 'second.ownMatter'
      return f.livesInScope ? undefined : 'auth.forbidden'
    case 'withdraw':
    case 'revise':
      return f.isProposer ? undefined : 'auth.forbidden'
    case 'accept':
    case 'return':
    case 'reject':
    case 'resolve':
      return f.isCommittee ? undefined : 'auth.forbidden'
    case 'answerEscalation':
      return f.isCommittee || f.isStreetAdmin ? undefined : 'auth.forbidden'
    case 'comment':
      return f.livesInScope || f.isStaff ? undefined : 'auth.forbidden'
    case 'openPoll':
      // "A building head opens a poll only for a building-scope matter in their own building; the committee opens compound- and community-scope ones."
      return (m.scope.type === 'building' ? f.isBuildingHead : f.isCommittee) ? undefined : 'auth.forbidden'
    case 'report':
      // The party named by the resolution (or, before it, by the review) reports: an account of the organisation named,
      // or (matters named before the registry) a property manager covering the scope; the committee may report for it.
      return f.isCommittee ||
        f.isResponsible ||
        ((m.resolution?.responsibleParty ?? m.responsibleParty)?.kind === 'property' && f.isPropertyManager)
        ? undefined
        : 'auth.forbidden'
    case 'vote':
    case 'rate':
      return !f.livesInScope ? 'vote.notEligible' : !f.representsInScope ? 'vote.notRepresentative' : undefined
  }
}

export const guard = (action: Action, m: MatterRecord, f: Facts): ErrorCode | undefined => {
  const who = mayAct(action, m, f)
  if (who) return who
  if (!allowedFrom[action].includes(m.status)) return 'matter.wrongStep'
  if (action === 'answerEscalation' && (m.triage !== 'major' || m.escalation?.answeredAt)) return 'matter.wrongStep'
  // Last, what the caller has already done: the same attempt a second time is told so, and is not offered again.
  if (action === 'second' && f.hasSeconded) return 'second.already'
  if (action === 'vote' && f.householdVoted) return 'vote.already'
  if (action === 'rate' && f.householdRated) return 'rating.already'
  return undefined
}

/** The actions the caller could take now: the mini-program shows exactly these buttons. */
export const possibleActions = (m: MatterRecord, f: Facts): Action[] =>
  (Object.keys(allowedFrom) as Action[]).filter((a) => guard(a, m, f) === undefined)

export const canView = (f: Facts) => f.isProposer || f.livesInScope || f.isStaff || f.isStreetAdmin || f.isResponsible
