import type { CounterAdd, Counters, ServiceRecordRecord, StatScope } from './model'
import { periodsOf } from './rules'

/*
 * Roll-ups are counters kept as records are written, never a scan: each service record adds its minutes, points
 * and one service to every scope it belongs to (the volunteer, their unit, the unit within the community, the
 * community, the street, and one of ALL_SHARDS shards of "all") for its month, quarter and year. A city-wide
 * figure is the sum of the shards: 16 small reads per period, whatever the number of members.
 */
export const ALL_SHARDS = 16
export const TOTAL = 'TOTAL'

export const shardOf = (id: string) => [...id].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % ALL_SHARDS
export const allShards = (): StatScope[] =>
  Array.from({ length: ALL_SHARDS }, (_, i) => `all:${String(i).padStart(2, '0')}` as StatScope)
const allScope = (userId: string) => `all:${String(shardOf(userId)).padStart(2, '0')}` as StatScope

export interface Belonging {
  userId: string
  kind: 'member' | 'volunteer'
  communityId: string
  streetId: string
  unitId?: string
}

/** The scopes a volunteer's service counts in, the person first. */
export const scopesOf = (b: Belonging, options: { person?: boolean } = {}): StatScope[] => [
  ...(options.person === false ? [] : [`person:${b.userId}` as StatScope]),
  ...(b.kind === 'member' && b.unitId
    ? [`unit:${b.unitId}` as StatScope, `unitin:${b.unitId}:${b.communityId}` as StatScope]
    : []),
  `community:${b.communityId}`,
  `street:${b.streetId}`,
  allScope(b.userId),
]

const periods = (date: string) => Object.values(periodsOf(date))

/**
 * What one service record (or adjustment) adds to every scope and period it counts in. A service of no credited time
 * (present, below the attendance share) is on the record but not counted as served; an adjustment that brings an
 * activity's time up from nothing (or down to it) counts one service more (or fewer): `services`.
 */
export const recordCounters = (
  r: ServiceRecordRecord,
  services = r.kind === 'service' && r.minutes > 0 ? 1 : 0,
): CounterAdd[] => {
  const add: Partial<Counters> = { minutes: r.minutes, points: r.points, ...(services ? { services } : {}) }
  const b: Belonging = {
    userId: r.volunteer.userId,
    kind: r.volunteer.kind,
    communityId: r.communityId,
    streetId: r.streetId,
    ...(r.unitId ? { unitId: r.unitId } : {}),
  }
  return scopesOf(b).flatMap((scope) => periods(r.date).map((period) => ({ scope, period, add })))
}

/** A volunteer serving for the first time in a period: one more member (or volunteer) serving in each scope but their own. */
export const servingCounters = (b: Belonging, period: string): CounterAdd[] =>
  scopesOf(b, { person: false }).map((scope) => ({
    scope,
    period,
    add: b.kind === 'member' ? { servingMembers: 1 } : { servingVolunteers: 1 },
  }))
export const servingMarker = (b: Belonging, period: string) => `serving:${b.communityId}:${period}:${b.userId}`

/** One more activity in the community's (street's, all) counts, once, when it is confirmed. */
export const activityCounters = (
  a: { activityId: string; communityId: string; streetId: string; startAt: string },
  date: string,
): CounterAdd[] => {
  const scopes: StatScope[] = [`community:${a.communityId}`, `street:${a.streetId}`, allScope(a.activityId)]
  return scopes.flatMap((scope) => periods(date).map((period) => ({ scope, period, add: { activities: 1 } })))
}
/** One more activity a unit's members served in (once per unit and activity, whatever the number of its members there). */
export const unitActivityCounters = (unitId: string, communityId: string, date: string): CounterAdd[] =>
  ([`unit:${unitId}`, `unitin:${unitId}:${communityId}`] as StatScope[]).flatMap((scope) =>
    periods(date).map((period) => ({ scope, period, add: { activities: 1 } })),
  )
export const unitActivityMarker = (unitId: string, activityId: string) => `unitActivity:${unitId}:${activityId}`

/** An approved registration (+1) or one withdrawn (−1) in the reported counts of its scopes. */
export const registrationCounters = (b: Belonging, delta: 1 | -1): CounterAdd[] =>
  scopesOf(b, { person: false }).map((scope) => ({
    scope,
    period: TOTAL,
    add: b.kind === 'member' ? { members: delta } : { volunteers: delta },
  }))

export const zero = (): Counters => ({
  minutes: 0,
  services: 0,
  activities: 0,
  points: 0,
  servingMembers: 0,
  servingVolunteers: 0,
  members: 0,
  volunteers: 0,
})
export const counterKey = (scope: string, period: string) => `${scope}|${period}`
