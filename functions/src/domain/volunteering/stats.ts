import type { Stats } from '../../../../contracts/volunteering'
import type { Actor } from '../identity/actor'
import { DomainError, fail, found } from '../shared/errors'
import { holdsRole } from '../shared/places'
import { allShards, counterKey, TOTAL, zero } from './counters'
import { communityPlace, isCommunityStaff } from './facts'
import type { Counters, StatScope } from './model'
import type { VolunteeringDeps } from './ports'
import { monthsOf, rate } from './rules'

/*
 * Roll-ups for a period, read from counters (never a scan): the scope's counters for the period and for each month
 * in it (the chart), the reported totals, and the breakdown a staff member reads next (a community's units and
 * people, a unit's people). "all" is the sum of its shards: the city-wide figure for 30,000 members is 16 reads.
 */

const sum = (xs: Counters[]): Counters =>
  xs.reduce(
    (s, c) =>
      Object.fromEntries(
        Object.keys(s).map((k) => [k, s[k as keyof Counters] + c[k as keyof Counters]]),
      ) as unknown as Counters,
    zero(),
  )

/** The counters of several shards (or one scope) for several periods, summed per period. */
const readSummed = async (deps: VolunteeringDeps, scopes: StatScope[], periods: string[]) => {
  const got = await deps.volunteerStats.read(scopes.flatMap((scope) => periods.map((period) => ({ scope, period }))))
  return new Map(periods.map((p) => [p, sum(scopes.map((s) => got.get(counterKey(s, p)) ?? zero()))]))
}

type Scope = 'community' | 'unit' | 'street' | 'all'

/** Who may read which roll-up: a community's staff theirs; a unit's by the leads of a community it is paired with or its liaison; a street's and all by street admins. */
const authorize = async (deps: VolunteeringDeps, actor: Actor, scope: Scope, id: string | undefined) => {
  const p = actor.principal
  const streetAdmin = (streetId?: string) =>
    p.grants.some(
      (g) => g.role === 'communityAdmin' && g.placeType === 'street' && (!streetId || g.placeId === streetId),
    )
  if (scope === 'community') {
    const place = await communityPlace(deps, id ?? fail('community.notFound'))
    if (!isCommunityStaff(p, place)) throw new DomainError('auth.forbidden')
    return found(await deps.structure.getCommunity(id!), 'community.notFound').name
  }
  if (scope === 'unit') {
    const unit = found(id ? await deps.volunteerUnits.get(id) : undefined, 'unit.notFound')
    const places = await Promise.all(
      unit.communityIds.map((c) => deps.structure.resolvePlace({ type: 'community', id: c })),
    )
    if (
      unit.liaisonUserId !== p.userId &&
      !places.some((pl) => pl && holdsRole(p, ['committee', 'communityAdmin'], pl))
    )
      throw new DomainError('auth.forbidden')
    return unit.name
  }
  if (scope === 'street') {
    const street = found(id ? await deps.structure.getStreet(id) : undefined, 'street.notFound')
    if (!streetAdmin(street.streetId)) throw new DomainError('auth.forbidden')
    return street.name
  }
  if (!streetAdmin()) throw new DomainError('auth.forbidden')
  return '全部街道'
}

export const getStats = async (
  deps: VolunteeringDeps,
  actor: Actor,
  q: { scope: Scope; id?: string; period: string },
): Promise<Stats> => {
  const name = await authorize(deps, actor, q.scope, q.id)
  const scopes: StatScope[] = q.scope === 'all' ? allShards() : [`${q.scope}:${q.id}` as StatScope]
  const months = monthsOf(q.period)
  const periods = [...new Set([q.period, TOTAL, ...months])]
  const counted = await readSummed(deps, scopes, periods)
  const c = counted.get(q.period)!
  const total = counted.get(TOTAL)!
  const expected =
    q.scope === 'community'
      ? (await deps.volunteerSettings.get(q.id!))?.expectedMembers
      : q.scope === 'unit'
        ? (await deps.volunteerUnits.get(q.id!))?.partyMembers
        : undefined
  const base = { ...c, members: total.members, volunteers: total.volunteers }
  const breakdown =
    q.scope === 'community'
      ? await communityBreakdown(deps, q.id!, q.period)
      : q.scope === 'unit'
        ? await unitBreakdown(deps, q.id!, q.period)
        : { units: [], people: [] }
  return {
    scope: q.scope,
    id: q.id ?? 'all',
    name,
    period: q.period,
    totals: {
      ...base,
      ...(rate(total.members, expected) !== undefined ? { reportRate: rate(total.members, expected)! } : {}),
      ...(rate(c.servingMembers, total.members) !== undefined
        ? { serviceRate: rate(c.servingMembers, total.members)! }
        : {}),
    },
    series: months.map((m) => ({ period: m, minutes: counted.get(m)!.minutes, services: counted.get(m)!.services })),
    ...breakdown,
  }
}

/** The people of a list of registrations with their counters for the period, most minutes first. */
const people = async (
  deps: VolunteeringDeps,
  regs: { userId: string; name: string; unitName?: string }[],
  period: string,
) => {
  const got = await deps.volunteerStats.read(regs.map((r) => ({ scope: `person:${r.userId}` as StatScope, period })))
  return regs
    .map((r) => {
      const c = got.get(counterKey(`person:${r.userId}`, period)) ?? zero()
      return {
        userId: r.userId,
        name: r.name,
        ...(r.unitName ? { unitName: r.unitName } : {}),
        minutes: c.minutes,
        services: c.services,
        points: c.points,
      }
    })
    .sort((a, b) => b.minutes - a.minutes || a.name.localeCompare(b.name))
}

export const communityBreakdown = async (deps: VolunteeringDeps, communityId: string, period: string) => {
  const [units, regs] = await Promise.all([
    deps.volunteerUnits.listForCommunity(communityId),
    deps.volunteerRegistrations.listForCommunity(communityId, 'approved'),
  ])
  const keys = units.flatMap((u) =>
    [TOTAL, period].map((p) => ({ scope: `unitin:${u.unitId}:${communityId}` as StatScope, period: p })),
  )
  const got = await deps.volunteerStats.read(keys)
  return {
    units: units
      .map((u) => {
        const c = got.get(counterKey(`unitin:${u.unitId}:${communityId}`, period)) ?? zero()
        const t = got.get(counterKey(`unitin:${u.unitId}:${communityId}`, TOTAL)) ?? zero()
        return {
          unitId: u.unitId,
          name: u.name,
          minutes: c.minutes,
          services: c.services,
          members: t.members,
          servingMembers: c.servingMembers,
        }
      })
      .sort((a, b) => b.minutes - a.minutes),
    people: await people(deps, regs, period),
  }
}

const unitBreakdown = async (deps: VolunteeringDeps, unitId: string, period: string) => ({
  units: [],
  people: await people(
    deps,
    (await deps.volunteerRegistrations.listForUnit(unitId)).filter((r) => r.status === 'approved'),
    period,
  ),
})
