import type { Me } from '@contracts/identity'
import type { MatterStatus, PollView } from '@contracts/deliberation'
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
  for (const g of me.grants)
    if (COMMITTEE_ROLES.includes(g.role) && g.place.type === 'community') out.set(g.place.id, g.placeName)
  return [...out].map(([communityId, name]) => ({ communityId, name }))
}

/** The communities whose 议事规则 (六议六不议, rules of procedure) the user keeps: community admin held at the community. */
export const adminCommunities = (me: Me): { communityId: string; name: string }[] => {
  const out = new Map<string, string>()
  for (const g of me.grants)
    if (g.role === 'communityAdmin' && g.place.type === 'community') out.set(g.place.id, g.placeName)
  return [...out].map(([communityId, name]) => ({ communityId, name }))
}

/** The user's community: their household's, else the one a staff role is held at. */
export const communityOf = (me: Me): string | undefined =>
  me.households[0]?.communityId ?? me.grants.find((g) => g.place.type === 'community')?.place.id

// The five steps and how a matter stands in them: lib/steps.ts (pure, unit-tested).
export { ENDED_EARLY, FIVE_STEPS, endedAt, progressLine, stepStates, type FiveStep, type StepState } from '../lib/steps'

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
