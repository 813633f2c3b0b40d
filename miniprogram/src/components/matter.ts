import type { Me } from '@contracts/identity'
import type { Matter, MatterStatus, MatterSummary, PollView, Step } from '@contracts/deliberation'
import { stepLabels, stepOf, steps } from '@contracts/deliberation'
import type { Role } from '@contracts/common'

export type ScopeType = 'building' | 'compound' | 'community'

export interface ScopeChoice {
  type: ScopeType
  id: string
  name: string
  /** 本楼 / 本小区 / 本社区 */
  label: string
}

const scopeLabels: Record<ScopeType, string> = { building: '本楼', compound: '本小区', community: '本社区' }

/** The scopes a resident may propose for: the building, compound and community of each bound household. */
export const proposableScopes = (me: Me): ScopeChoice[] => {
  const seen = new Set<string>()
  const out: ScopeChoice[] = []
  const push = (type: ScopeType, id: string, name: string) => {
    if (!id || seen.has(`${type}:${id}`)) return
    seen.add(`${type}:${id}`)
    out.push({ type, id, name, label: scopeLabels[type] })
  }
  for (const h of me.households) {
    push('building', h.buildingId, h.buildingName)
    push('compound', h.compoundId, h.compoundName)
    push('community', h.communityId, h.communityName)
  }
  const order: ScopeType[] = ['building', 'compound', 'community']
  return out.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type))
}

/** The roles that review proposals (两委) and see the community's review queue. */
export const COMMITTEE_ROLES: readonly Role[] = ['committee', 'communityAdmin']

/** The communities whose review queue the user may open (committee or admin held at the community). */
export const reviewCommunities = (me: Me): { communityId: string; name: string }[] => {
  const out = new Map<string, string>()
  for (const g of me.grants) if (COMMITTEE_ROLES.includes(g.role) && g.place.type === 'community') out.set(g.place.id, g.placeName)
  return [...out].map(([communityId, name]) => ({ communityId, name }))
}

/** The communities whose 议事规则 (六议六不议, rules of procedure) the user keeps: community admin held at the community. */
export const adminCommunities = (me: Me): { communityId: string; name: string }[] => {
  const out = new Map<string, string>()
  for (const g of me.grants) if (g.role === 'communityAdmin' && g.place.type === 'community') out.set(g.place.id, g.placeName)
  return [...out].map(([communityId, name]) => ({ communityId, name }))
}

/** The user's community: their household's, else the one a staff role is held at. */
export const communityOf = (me: Me): string | undefined => me.households[0]?.communityId ?? me.grants.find((g) => g.place.type === 'community')?.place.id

/** The five steps in order (closed is where a matter ends, not a step of its own). */
export const FIVE_STEPS = steps.filter((s): s is Exclude<Step, 'closed'> => s !== 'closed')

export type FiveStep = (typeof FIVE_STEPS)[number]

/** How a matter that stopped before the end ended, in the words of its step: 已撤回 / 不予受理 / 未通过. */
export const ENDED_EARLY: Partial<Record<MatterStatus, string>> = { withdrawn: '已撤回', rejected: '不予受理', failed: '未通过' }

/** Where each early end happens when the timeline does not say (withdrawn: before review, as the proposer may). */
const endedAtFallback: Partial<Record<MatterStatus, FiveStep>> = { withdrawn: 'propose', rejected: 'review', failed: 'consult' }

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

export const statusTone = (status: MatterStatus): string => {
  if (status === 'completed') return 'green'
  if (status === 'withdrawn' || status === 'rejected' || status === 'failed') return 'grey'
  if (status === 'returned' || status === 'awaitingReview' || status === 'awaitingResolution') return 'orange'
  return 'soft'
}

export const percent = (share: number): string => `${Math.round(share * 1000) / 10}%`

/** The poll's rule as a sentence, e.g. 「至少 66.7% 的户参与，且“同意”超过参与户的 50% 即通过」. */
export const ruleSentence = (poll: Pick<PollView, 'rule' | 'options'>): string =>
  `至少 ${percent(poll.rule.minTurnout)} 的户参与投票，且“${poll.options[poll.rule.passOption] ?? ''}”超过投票户的 ${percent(poll.rule.passShare)} 即为通过`
