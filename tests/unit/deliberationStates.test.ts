import { describe, expect, it } from 'vitest'
import { statuses, type MatterStatus } from '../../contracts/deliberation'
import type { MatterRecord } from '../../functions/src/domain/deliberation/model'
import {
  canView,
  guard,
  possibleActions,
  type Action,
  type Facts,
} from '../../functions/src/domain/deliberation/states'

/*
 * The five-step deliberation's state table, walked whole without a database: every status × every action × every
 * combination of the caller's facts, on matters that differ where the table looks at the matter (scope type,
 * triage and escalation, the party named responsible). The expected answers are written out here, from the
 * README's rules, independently of states.ts: who may act (checked first), then from which status, then what the
 * caller has already done.
 */
const actions = [
  'second',
  'withdraw',
  'revise',
  'accept',
  'return',
  'reject',
  'answerEscalation',
  'comment',
  'openPoll',
  'vote',
  'resolve',
  'report',
  'rate',
] as const
// The compiler holds this list to the domain's Action type, both ways.
const _sameActions: [Action] extends [(typeof actions)[number]]
  ? (typeof actions)[number] extends Action
    ? true
    : never
  : never = true
void _sameActions

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
const closed: MatterStatus[] = ['withdrawn', 'rejected', 'failed', 'completed']

/** From which statuses each action may be taken. */
const from: Record<Action, readonly MatterStatus[]> = {
  second: ['seconding'], // 附议 while the proposal gathers seconds
  withdraw: ['seconding', 'returned', 'awaitingReview'], // the proposer withdraws before the review decides
  revise: ['returned'], // a returned proposal is revised and goes back to review
  accept: ['awaitingReview'],
  return: ['awaitingReview'],
  reject: ['awaitingReview'],
  answerEscalation: open, // a 大事's department may answer at any time until the matter closes
  comment: ['seconding', 'returned', 'awaitingReview', 'awaitingPoll', 'polling'], // before and during the poll
  openPoll: ['awaitingPoll'],
  vote: ['polling'],
  resolve: ['awaitingResolution'],
  report: ['inProgress'],
  rate: ['evaluating'],
}

type Refusal = string | undefined
/** Who may take each action (the first check): the refusal a caller without the right gets, or undefined. */
const whoMay: Record<Action, (f: Facts, m: MatterRecord) => Refusal> = {
  // Another resident in scope; the proposer is told it is their own matter.
  second: (f) => (f.isProposer ? 'second.ownMatter' : f.livesInScope ? undefined : 'auth.forbidden'),
  withdraw: (f) => (f.isProposer ? undefined : 'auth.forbidden'),
  revise: (f) => (f.isProposer ? undefined : 'auth.forbidden'),
  // 两委审议 and 协同决议 are the committee's.
  accept: (f) => (f.isCommittee ? undefined : 'auth.forbidden'),
  return: (f) => (f.isCommittee ? undefined : 'auth.forbidden'),
  reject: (f) => (f.isCommittee ? undefined : 'auth.forbidden'),
  resolve: (f) => (f.isCommittee ? undefined : 'auth.forbidden'),
  // The committee or the street records the department's answer (吹哨报到).
  answerEscalation: (f) => (f.isCommittee || f.isStreetAdmin ? undefined : 'auth.forbidden'),
  // Residents in scope and the staff serving it speak in the discussion.
  comment: (f) => (f.livesInScope || f.isStaff ? undefined : 'auth.forbidden'),
  // The building head opens building-scope polls, the committee compound- and community-scope ones.
  openPoll: (f, m) => ((m.scope.type === 'building' ? f.isBuildingHead : f.isCommittee) ? undefined : 'auth.forbidden'),
  // The party named responsible (the resolution's, else the review's) reports done: an account of the organisation
  // named, or, for a party named before the registry as 物业, a property manager covering the scope; the committee may
  // report for it.
  report: (f, m) => {
    const named = m.resolution ? m.resolution.responsibleParty.kind : m.responsibleParty?.kind
    return f.isCommittee || f.isResponsible || (named === 'property' && f.isPropertyManager)
      ? undefined
      : 'auth.forbidden'
  },
  // One household, one vote (and rating): a household in scope, cast by its representative (户代表).
  vote: (f) => (!f.livesInScope ? 'vote.notEligible' : f.representsInScope ? undefined : 'vote.notRepresentative'),
  rate: (f) => (!f.livesInScope ? 'vote.notEligible' : f.representsInScope ? undefined : 'vote.notRepresentative'),
}
/** What the caller has already done (the last check): the same attempt again is told so. */
const already: Partial<Record<Action, (f: Facts) => Refusal>> = {
  second: (f) => (f.hasSeconded ? 'second.already' : undefined),
  vote: (f) => (f.householdVoted ? 'vote.already' : undefined),
  rate: (f) => (f.householdRated ? 'rating.already' : undefined),
}
/** Only a 大事 (major) that is still unanswered can be answered. */
const escalationOpen = (m: MatterRecord) => m.triage === 'major' && !m.escalation?.answeredAt

const expected = (action: Action, m: MatterRecord, f: Facts): Refusal =>
  whoMay[action](f, m) ??
  (from[action].includes(m.status) ? undefined : 'matter.wrongStep') ??
  (action === 'answerEscalation' && !escalationOpen(m) ? 'matter.wrongStep' : undefined) ??
  already[action]?.(f)

const factNames = [
  'isProposer',
  'livesInScope',
  'representsInScope',
  'isCommittee',
  'isBuildingHead',
  'isPropertyManager',
  'isStaff',
  'isStreetAdmin',
  'isResponsible',
  'hasSeconded',
  'householdVoted',
  'householdRated',
] as const satisfies readonly (keyof Facts)[]
/** Every combination of the boolean facts, each with and without the option a household chose in a named poll. */
const allFacts: Facts[] = Array.from({ length: 2 ** factNames.length }, (_, bits) =>
  Object.fromEntries(factNames.map((name, i) => [name, (bits & (1 << i)) !== 0])),
).flatMap((f) => [f as unknown as Facts, { ...(f as unknown as Facts), householdOption: 1 }])

const path = 'street:S/community:C/compound:P/building:B'
const matter = (over: Partial<MatterRecord>): Omit<MatterRecord, 'status'> => ({
  matterId: 'M',
  communityId: 'C',
  scope: { type: 'building', id: 'B', name: '1号楼', path },
  categoryId: 'shared-facilities',
  categoryName: '公共设施建设与维护',
  title: '更换楼道灯',
  text: '楼道灯坏了三盏，晚上上下楼不方便。',
  photoKeys: [],
  proposerId: 'U1',
  proposerName: '刘芳',
  secondsCount: 0,
  secondsNeeded: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
  ...over,
})
const property = { kind: 'property' as const, name: '阳光物业' }
const community = { kind: 'community' as const, name: '社区居委会' }
const resolutionBy = (responsibleParty: typeof property | typeof community) => ({
  responsibleParty,
  tasks: ['更换灯具'],
  dueDate: '2026-12-31',
  publishedAt: '2026-01-02T00:00:00Z',
  round: 1,
})
/** Matters that differ wherever the table reads the matter. */
const variants: Record<string, Omit<MatterRecord, 'status'>> = {
  'a building matter, not yet triaged': matter({}),
  'a compound 大事, escalated and unanswered, the property named': matter({
    scope: { type: 'compound', id: 'P', name: 'A苑', path: 'street:S/community:C/compound:P' },
    triage: 'major',
    responsibleParty: property,
    escalation: { deadline: '2026-02-01T00:00:00Z' },
  }),
  'a community 大事 already answered; the review named the property, the resolution the community': matter({
    scope: { type: 'community', id: 'C', name: '测试社区', path: 'street:S/community:C' },
    triage: 'major',
    responsibleParty: property,
    escalation: { deadline: '2026-02-01T00:00:00Z', answeredAt: '2026-01-10T00:00:00Z', answer: '已答复' },
    resolution: resolutionBy(community),
  }),
  'a building 小事; the review named the community, the resolution the property': matter({
    triage: 'small',
    responsibleParty: community,
    resolution: resolutionBy(property),
  }),
  'a community 大事 with no escalation record yet': matter({
    scope: { type: 'community', id: 'C', name: '测试社区', path: 'street:S/community:C' },
    triage: 'major',
    responsibleParty: property,
  }),
  'a compound 一般事, a department named': matter({
    scope: { type: 'compound', id: 'P', name: 'A苑', path: 'street:S/community:C/compound:P' },
    triage: 'general',
    responsibleParty: { kind: 'department', name: '街道城管科' },
  }),
  "a building 小事 handed to the registry's property company, named again by the resolution": matter({
    triage: 'small',
    responsibleParty: { kind: 'property', name: '阳光物业', organisationId: 'O1' },
    resolution: {
      ...resolutionBy(property),
      responsibleParty: { kind: 'property', name: '阳光物业', organisationId: 'O1' },
    },
  }),
}

const describeFacts = (f: Facts) =>
  Object.entries(f)
    .flatMap(([k, v]) => (v === true ? [k] : typeof v === 'number' ? [`${k}=${v}`] : []))
    .join(',') || 'none'

describe('the deliberation state table (guard and possibleActions)', () => {
  it('lists every status once, open or closed', () => {
    expect([...open, ...closed].sort()).toEqual([...statuses].sort())
  })

  for (const [name, base] of Object.entries(variants)) {
    it(`answers every status × action × facts as the rules say: ${name}`, () => {
      const wrong: string[] = []
      let cells = 0
      for (const status of statuses) {
        const m: MatterRecord = { ...base, status }
        for (const f of allFacts) {
          const allowed: Action[] = []
          for (const action of actions) {
            const want = expected(action, m, f)
            if (want === undefined) allowed.push(action)
            const got = guard(action, m, f)
            cells++
            if (got !== want && wrong.length < 20)
              wrong.push(`${status} ${action} [${describeFacts(f)}]: expected ${want}, got ${got}`)
          }
          // `can` lists exactly what the caller may do now, in the table's order.
          const can = possibleActions(m, f)
          if (JSON.stringify(can) !== JSON.stringify(allowed) && wrong.length < 20)
            wrong.push(`${status} can [${describeFacts(f)}]: expected ${allowed}, got ${can}`)
        }
      }
      expect(wrong).toEqual([])
      expect(cells).toBe(statuses.length * actions.length * 2 ** factNames.length * 2)
    })
  }

  it('offers nobody any action on a closed matter', () => {
    const offered = Object.values(variants).flatMap((base) =>
      closed.flatMap((status) => allFacts.flatMap((f) => possibleActions({ ...base, status }, f))),
    )
    expect(offered).toEqual([])
  })

  it('answers who before where: a stranger is forbidden even where the step is wrong, and a proposer who seconds is told it is their own matter', () => {
    const m: MatterRecord = { ...variants['a building matter, not yet triaged']!, status: 'completed' }
    const nobody = allFacts[0]!
    expect(guard('accept', m, nobody)).toBe('auth.forbidden')
    expect(guard('vote', m, nobody)).toBe('vote.notEligible')
    expect(guard('second', m, { ...nobody, isProposer: true, livesInScope: true })).toBe('second.ownMatter')
    expect(guard('accept', m, { ...nobody, isCommittee: true })).toBe('matter.wrongStep')
  })

  it('refuses a second vote, rating or second with its own code, and does not offer it', () => {
    const rep = { ...allFacts[0]!, livesInScope: true, representsInScope: true }
    const polling: MatterRecord = { ...variants['a building matter, not yet triaged']!, status: 'polling' }
    expect(guard('vote', polling, rep)).toBeUndefined()
    expect(guard('vote', polling, { ...rep, householdVoted: true })).toBe('vote.already')
    expect(possibleActions(polling, { ...rep, householdVoted: true })).not.toContain('vote')
    const evaluating: MatterRecord = { ...polling, status: 'evaluating' }
    expect(guard('rate', evaluating, { ...rep, householdRated: true })).toBe('rating.already')
    const seconding: MatterRecord = { ...polling, status: 'seconding' }
    expect(guard('second', seconding, { ...rep, hasSeconded: true })).toBe('second.already')
  })

  it('lets the proposer, the households in scope, the staff, the street and the organisation named responsible see a matter, and nobody else', () => {
    const wrong = allFacts
      .filter((f) => canView(f) !== (f.isProposer || f.livesInScope || f.isStaff || f.isStreetAdmin || f.isResponsible))
      .map(describeFacts)
    expect(wrong).toEqual([])
  })
})
