import { describe, expect, it } from 'vitest'
import { statuses, stepOf } from '../../contracts/deliberation'
import type { Actor, Home } from '../../functions/src/domain/deliberation/facts'
import type { MatterRecord, ScopeRef } from '../../functions/src/domain/deliberation/model'
import { possibleActions, type Action, type Facts } from '../../functions/src/domain/deliberation/states'
import { mayAsk, stepsToRead } from '../../functions/src/domain/deliberation/todos'
import type { Grant, Principal } from '../../functions/src/domain/shared/places'

/*
 * 首页's deliberation 待办 keeps, before any read, only the open matters that could ask something of the caller
 * (`mayAsk`). The state table stays the judge of what remains, so the filter must never drop a matter on which
 * `possibleActions` would offer a 待办 action. Here, for matters of every scope, status and party named × callers of
 * every kind, the facts are written by hand from who the caller is (as factsForMany would find them, with a grid
 * worker's reach into its buildings), under every combination of what they may have done already.
 */
const S = 'street:S'
const C = `${S}/community:C`
const P1 = `${C}/compound:P1`
const B1 = `${P1}/building:B1`
const B2 = `${P1}/building:B2`
const P2 = `${C}/compound:P2`
const B3 = `${P2}/building:B3`
const G1 = `${C}/grid:G1` // the grid of B1 and B2, which make up compound P1
const C2 = `${S}/community:C2`

const scopes: ScopeRef[] = [
  { type: 'building', id: 'B1', name: '1号楼', path: B1 },
  { type: 'building', id: 'B2', name: '2号楼', path: B2 },
  { type: 'building', id: 'B3', name: '3号楼', path: B3 },
  { type: 'compound', id: 'P1', name: 'A苑', path: P1 },
  { type: 'compound', id: 'P2', name: 'B苑', path: P2 },
  { type: 'community', id: 'C', name: '测试社区', path: C },
]
const sunshine = { kind: 'property' as const, name: '阳光物业', organisationId: 'O1' }
const oldProperty = { kind: 'property' as const, name: '物业' }
const department = { kind: 'department' as const, name: '城管科', organisationId: 'O2' }
const resolution = (responsibleParty: MatterRecord['responsibleParty'] & object) => ({
  responsibleParty,
  tasks: ['更换灯具'],
  dueDate: '2026-12-31',
  publishedAt: '2026-01-02T00:00:00Z',
  round: 1,
})
/** Where the table reads the matter besides its scope and status: triage and escalation, the party named. */
const variants: Partial<MatterRecord>[] = [
  {},
  { triage: 'major', responsibleParty: oldProperty, escalation: { deadline: '2026-02-01T00:00:00Z' } },
  {
    triage: 'major',
    responsibleParty: sunshine,
    escalation: { deadline: '2026-02-01T00:00:00Z', answeredAt: '2026-01-10T00:00:00Z' },
  },
  { triage: 'small', responsibleParty: sunshine, resolution: resolution(sunshine) },
  { triage: 'general', responsibleParty: sunshine, resolution: resolution(department) },
  { triage: 'small', responsibleParty: department, resolution: resolution(oldProperty) },
]
const matters: MatterRecord[] = scopes.flatMap((scope) =>
  statuses.flatMap((status) =>
    variants.flatMap((v) =>
      ['U-rep', 'U-other'].map((proposerId): MatterRecord => ({
        matterId: `M-${scope.id}-${status}-${proposerId}`,
        communityId: 'C',
        scope,
        categoryId: 'shared-facilities',
        categoryName: '公共设施建设与维护',
        title: '更换楼道灯',
        text: '楼道灯坏了三盏。',
        photoKeys: [],
        proposerId,
        proposerName: '刘芳',
        status,
        secondsCount: 0,
        secondsNeeded: 3,
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        version: 1,
        ...(status === 'polling' ? { pollId: 'PL' } : {}),
        ...(status === 'evaluating' ? { evaluation: { round: 1, closesAt: '2026-03-01T00:00:00Z' } } : {}),
        ...v,
      })),
    ),
  ),
)

type RoleFacts = Omit<Facts, 'hasSeconded' | 'householdVoted' | 'householdRated' | 'householdOption'>
const nobody: RoleFacts = {
  isProposer: false,
  livesInScope: false,
  representsInScope: false,
  isCommittee: false,
  isBuildingHead: false,
  isPropertyManager: false,
  isStaff: false,
  isStreetAdmin: false,
  isResponsible: false,
}
const grant = (role: Grant['role'], placePath: string): Grant => {
  const [placeType, placeId] = placePath.split('/').at(-1)!.split(':') as [Grant['placeType'], string]
  return { role, placeType, placeId, placeName: placeId, placePath }
}
const home = (householdId: string, building: string, represents: boolean): Home => ({
  householdId,
  path: `${building}/household:${householdId}`,
  represents,
})
const named = (m: MatterRecord) => m.resolution?.responsibleParty ?? m.responsibleParty
const at = (ids: string[]) => (m: MatterRecord) => ids.includes(m.scope.id)

interface Caller {
  userId: string
  grants: Grant[]
  homes: Home[]
  organisations: string[]
  /** The caller's facts on a matter, by hand. */
  facts: (m: MatterRecord) => Partial<RoleFacts>
}
const callers: Record<string, Caller> = {
  'a member (not the representative) of a household in 1号楼': {
    userId: 'U-member',
    grants: [],
    homes: [home('H1', B1, false)],
    organisations: [],
    facts: (m) => ({ livesInScope: at(['B1', 'P1', 'C'])(m) }),
  },
  "1号楼's representative, who proposed half the matters": {
    userId: 'U-rep',
    grants: [],
    homes: [home('H1', B1, true)],
    organisations: [],
    facts: (m) => ({
      isProposer: m.proposerId === 'U-rep',
      livesInScope: at(['B1', 'P1', 'C'])(m),
      representsInScope: at(['B1', 'P1', 'C'])(m),
    }),
  },
  'a member in 1号楼 and the representative of a household in 3号楼': {
    userId: 'U-two',
    grants: [],
    homes: [home('H2', B1, false), home('H3', B3, true)],
    organisations: [],
    facts: (m) => ({
      livesInScope: at(['B1', 'P1', 'B3', 'P2', 'C'])(m),
      representsInScope: at(['B3', 'P2', 'C'])(m),
    }),
  },
  'the committee (两委) of the community': {
    userId: 'U-committee',
    grants: [grant('committee', C)],
    homes: [],
    organisations: [],
    facts: () => ({ isCommittee: true, isStaff: true }),
  },
  'the committee of another community': {
    userId: 'U-committee2',
    grants: [grant('committee', C2)],
    homes: [],
    organisations: [],
    facts: () => ({}),
  },
  "1号楼's building head, who lives in 2号楼": {
    userId: 'U-head',
    grants: [grant('buildingHead', B1)],
    homes: [home('H4', B2, true)],
    organisations: [],
    facts: (m) => ({
      isBuildingHead: at(['B1'])(m),
      isStaff: at(['B1'])(m),
      livesInScope: at(['B2', 'P1', 'C'])(m),
      representsInScope: at(['B2', 'P1', 'C'])(m),
    }),
  },
  "A苑's property manager": {
    userId: 'U-property',
    grants: [grant('propertyManager', P1)],
    homes: [],
    organisations: [],
    facts: (m) => ({ isPropertyManager: at(['B1', 'B2', 'P1'])(m), isStaff: at(['B1', 'B2', 'P1'])(m) }),
  },
  "第一网格's grid worker (1号楼, 2号楼)": {
    userId: 'U-worker',
    grants: [grant('gridWorker', G1)],
    homes: [],
    organisations: [],
    facts: (m) => ({ isStaff: at(['B1', 'B2', 'P1', 'C'])(m) }),
  },
  'the community admin': {
    userId: 'U-admin',
    grants: [grant('communityAdmin', C)],
    homes: [],
    organisations: [],
    facts: () => ({ isStaff: true }),
  },
  "the street's admin": {
    userId: 'U-street',
    grants: [grant('communityAdmin', S)],
    homes: [],
    organisations: [],
    facts: () => ({ isStaff: true, isStreetAdmin: true }),
  },
  "阳光物业 (O1)'s account": {
    userId: 'U-o1',
    grants: [],
    homes: [],
    organisations: ['O1'],
    facts: (m) => ({ isResponsible: named(m)?.organisationId === 'O1' }),
  },
  'an account of 城管科 (O2) who is a representative in 3号楼': {
    userId: 'U-o2',
    grants: [],
    homes: [home('H5', B3, true)],
    organisations: ['O2'],
    facts: (m) => ({
      isResponsible: named(m)?.organisationId === 'O2',
      livesInScope: at(['B3', 'P2', 'C'])(m),
      representsInScope: at(['B3', 'P2', 'C'])(m),
    }),
  },
}

/** What a 待办 line asks for (deliberation/todos.ts): not comment, withdraw or revise. */
const asks = (a: Action) => !['comment', 'withdraw', 'revise'].includes(a)
/** Everything the caller may have done already: seconded, their household voted (either way) or rated. */
const done = [false, true].flatMap((hasSeconded) =>
  [false, true].flatMap((householdVoted) =>
    [false, true].flatMap((householdRated) => [
      { hasSeconded, householdVoted, householdRated },
      ...(householdVoted ? [{ hasSeconded, householdVoted, householdRated, householdOption: 1 }] : []),
    ]),
  ),
)
/** The filter reads only the principal (the user record is not looked at). */
const actorOf = (c: Caller): Actor => ({
  user: {} as Actor['user'],
  principal: { userId: c.userId, displayName: c.userId, grants: c.grants, householdIds: [] } satisfies Principal,
})
const kept = (c: Caller) => matters.filter((m) => mayAsk(actorOf(c), m, c.homes, new Set(c.organisations)))
const asked = (c: Caller) =>
  matters.filter((m) => done.some((d) => possibleActions(m, { ...nobody, ...c.facts(m), ...d }).some(asks)))
const ids = (ms: MatterRecord[]) => ms.map((m) => m.matterId)

describe("首页's deliberation prefilter (mayAsk)", () => {
  for (const [name, caller] of Object.entries(callers)) {
    it(`keeps every matter the state table offers a 待办 on, and no other: ${name}`, () => {
      const keptIds = new Set(ids(kept(caller)))
      const askedIds = ids(asked(caller))
      expect(askedIds.filter((id) => !keptIds.has(id))).toEqual([])
      expect([...keptIds].filter((id) => !askedIds.includes(id))).toEqual([])
    })
  }

  it('reads only the steps where a matter could ask something of the caller (none for those who only comment)', () => {
    for (const caller of Object.values(callers)) {
      const steps = stepsToRead(actorOf(caller), caller.homes, new Set(caller.organisations))
      expect(asked(caller).filter((m) => !steps.includes(stepOf[m.status]))).toEqual([])
    }
    const steps = (name: string) => {
      const c = callers[name]!
      return stepsToRead(actorOf(c), c.homes, new Set(c.organisations))
    }
    expect(steps("第一网格's grid worker (1号楼, 2号楼)")).toEqual([])
    expect(steps('the community admin')).toEqual([])
    expect(steps("1号楼's representative, who proposed half the matters")).toEqual(['propose', 'consult', 'evaluate'])
    expect(steps("阳光物业 (O1)'s account")).toEqual(['resolve'])
    expect(steps('the committee (两委) of the community')).toHaveLength(5)
  })

  it('drops what cannot ask anything: the staff who only comment, other places, steps the caller has no part in', () => {
    const total = matters.length
    expect(kept(callers["第一网格's grid worker (1号楼, 2号楼)"]!)).toEqual([])
    expect(kept(callers['the community admin']!)).toEqual([])
    expect(kept(callers['the committee of another community']!)).toEqual([])
    const member = kept(callers['a member (not the representative) of a household in 1号楼']!)
    // A member who does not represent the household only seconds, and only in their building, compound, community.
    expect(new Set(member.map((m) => m.status))).toEqual(new Set(['seconding']))
    expect(new Set(member.map((m) => m.scope.id))).toEqual(new Set(['B1', 'P1', 'C']))
    // The representative's own proposals waiting for review ask nothing of them (withdraw is not a 待办).
    const rep = kept(callers["1号楼's representative, who proposed half the matters"]!)
    expect(rep.filter((m) => m.status === 'awaitingReview')).toEqual([])
    expect(rep.filter((m) => m.status === 'seconding' && m.proposerId === 'U-rep')).toEqual([])
    expect(new Set(rep.map((m) => m.status))).toEqual(new Set(['seconding', 'polling', 'evaluating']))
    expect(rep.length).toBeLessThan(total / 8)
    // 阳光物业's account: only matters in progress naming it.
    const o1 = kept(callers["阳光物业 (O1)'s account"]!)
    expect(o1.length).toBeGreaterThan(0)
    expect(o1.every((m) => m.status === 'inProgress' && named(m)?.organisationId === 'O1')).toBe(true)
  })
})
