import type { Role } from '../../../../contracts/common'
import { homesOf, type Actor, type Home } from '../identity/actor'
import { fail, found } from '../shared/errors'
import { authorize, communityOfPath, isWithin, type PlaceRef, type Principal } from '../shared/places'
import type { PointsBankDeps } from './ports'

/** Who hands over redemptions at the service point (核销). */
export const PICKUP_ROLES: readonly Role[] = ['communityAdmin', 'committee', 'gridWorker']
/** Who reads the community's ledger (积分台账) and a resident's passbook. */
export const LEDGER_ROLES: readonly Role[] = ['communityAdmin', 'committee']

export const communityPlace = async (deps: Pick<PointsBankDeps, 'structure'>, communityId: string): Promise<PlaceRef> =>
  found(await deps.structure.resolvePlace({ type: 'community', id: communityId }), 'community.notFound')

/** The caller holds one of `roles` at the community or above it. */
export const authorizeIn = async (
  deps: Pick<PointsBankDeps, 'structure'>,
  actor: Actor,
  roles: readonly Role[],
  communityId: string,
) => {
  const place = await communityPlace(deps, communityId)
  authorize(actor.principal, roles, place)
  return place
}

/** The caller holds one of `roles` somewhere in the community (a grid worker at their grid) or above it. */
export const holdsIn = (principal: Principal, roles: readonly Role[], community: PlaceRef) =>
  principal.system === true ||
  principal.grants.some(
    (g) => roles.includes(g.role) && (isWithin(g.placePath, community.path) || isWithin(community.path, g.placePath)),
  )

export const requireIn = (principal: Principal, roles: readonly Role[], community: PlaceRef) => {
  if (!holdsIn(principal, roles, community)) fail('auth.forbidden')
}

/**
 * The community whose points the caller asks about: the one named, else that of their first household; they must
 * live there (a points account is a resident's). Refused `points.notResident` otherwise.
 */
export const residentCommunity = async (
  deps: PointsBankDeps,
  actor: Actor,
  communityId?: string,
): Promise<{ place: PlaceRef; homes: Home[] }> => {
  const homes = await homesOf(deps, actor)
  const id = communityId ?? homes.map((h) => communityOfPath(h.path)).find(Boolean) ?? fail('points.notResident')
  const place = await communityPlace(deps, id)
  const here = homes.filter((h) => isWithin(h.path, place.path))
  if (here.length === 0) fail('points.notResident')
  return { place, homes: here }
}

export const byOf = (actor: Actor) => ({ userId: actor.principal.userId, displayName: actor.principal.displayName })

/**
 * The communities where the caller works the points bank, and what they may do there (the mini-program shows
 * those entries): hand over redemptions, award by some rule, read the ledger, run it (the admin).
 */
export const pointsStaff = async (deps: PointsBankDeps, actor: Actor) => {
  const ids = [
    ...new Set(actor.principal.grants.map((g) => communityOfPath(g.placePath)).filter((c): c is string => !!c)),
  ]
  const items = await Promise.all(
    ids.map(async (communityId) => {
      const place = await deps.structure.resolvePlace({ type: 'community', id: communityId })
      if (!place) return undefined
      const rules = (await deps.pointsSettings.get(communityId))?.rules ?? []
      const awardRoles = [...new Set(rules.filter((r) => r.active).flatMap((r) => r.awardRoles))]
      const item = {
        communityId,
        communityName: place.name,
        pickup: holdsIn(actor.principal, PICKUP_ROLES, place),
        award: awardRoles.length > 0 && holdsIn(actor.principal, awardRoles, place),
        ledger: holdsIn(actor.principal, LEDGER_ROLES, place),
        admin: holdsIn(actor.principal, ['communityAdmin'], place),
      }
      return item.pickup || item.award || item.ledger ? item : undefined
    }),
  )
  return { items: items.filter((i): i is NonNullable<typeof i> => !!i) }
}
