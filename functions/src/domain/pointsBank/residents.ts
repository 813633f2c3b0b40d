import type { Role } from '../../../../contracts/common'
import type { Actor } from '../identity/actor'
import type { Membership } from '../identity/ports'
import { householdLabel, residentsMatching } from '../identity/residentSearch'
import { residentAccount } from '../ledger/model'
import { fail, found } from '../shared/errors'
import { holdsRole, isWithin, type PlaceRef } from '../shared/places'
import { communityPlace, requireIn } from './access'
import type { PointsBankDeps } from './ports'
import { pointsSettingsFor } from './settings'

export { householdLabel }

export const householdLabelOf = async (_deps: unknown, memberships: Membership[], householdId?: string) => {
  const m = memberships.find((x) => x.householdId === householdId) ?? memberships[0]
  return m ? householdLabel(m) : undefined
}

/** A user's households inside a community, as places (for "may this staff member award them"). */
export const homesIn = async (deps: PointsBankDeps, userId: string, community: PlaceRef) => {
  const loaded = found(await deps.identity.loadUser(userId), 'user.notFound')
  const places = await Promise.all(
    loaded.memberships.map(async (m) => ({
      m,
      place: await deps.structure.resolvePlace({ type: 'household', id: m.householdId }),
    })),
  )
  return {
    loaded,
    homes: places.filter(
      (p): p is { m: Membership; place: PlaceRef } => !!p.place && isWithin(p.place.path, community.path),
    ),
  }
}

/** The roles that may award some active rule of the community: who may look residents up for an award. */
const awardingRoles = async (deps: PointsBankDeps, communityId: string): Promise<Role[]> => [
  ...new Set((await pointsSettingsFor(deps, communityId)).rules.filter((r) => r.active).flatMap((r) => r.awardRoles)),
]

/**
 * 积分发放's search: residents bound in the buildings the caller may award in (all of the community for its admin,
 * the grid's buildings for a grid worker, one building for its head), whose name or room matches. One Query per
 * building (its approved bindings, AP6).
 */
export const findResidents = async (
  deps: PointsBankDeps,
  actor: Actor,
  input: { communityId: string; q: string; buildingId?: string },
) => {
  const community = await communityPlace(deps, input.communityId)
  const roles = await awardingRoles(deps, input.communityId)
  requireIn(actor.principal, roles, community)
  const { buildings } = await deps.structure.listCommunity(input.communityId)
  if (input.buildingId && !buildings.some((b) => b.buildingId === input.buildingId)) fail('building.notFound')
  const inScope = buildings
    .filter((b) => !input.buildingId || b.buildingId === input.buildingId)
    .filter((b) =>
      holdsRole(actor.principal, roles, {
        type: 'building',
        id: b.buildingId,
        name: b.name,
        path: `${community.path}/compound:${b.compoundId}/building:${b.buildingId}`,
        ...(b.gridId ? { gridId: b.gridId } : {}),
        buildingId: b.buildingId,
      }),
    )
  const items = await residentsMatching(
    deps.identity,
    inScope.map((b) => b.buildingId),
    input.q,
  )
  const heads = await deps.ledger.heads(
    input.communityId,
    items.map((i) => residentAccount(i.userId)),
  )
  return { items: items.map((i) => ({ ...i, balance: heads.get(residentAccount(i.userId))?.balance ?? 0 })) }
}
