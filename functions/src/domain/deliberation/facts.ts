import { DomainError } from '../shared/errors'
import { covers, holdsRole, type Principal } from '../shared/places'
import type { LoadedUser } from '../identity/ports'
import type { PlaceRef } from '../shared/places'
import type { DeliberationDeps } from './ports'
import type { MatterRecord, ScopeRef } from './model'
import type { Facts } from './states'
import { guard, type Action } from './states'

export interface Actor {
  user: LoadedUser
  principal: Principal
}

/** The paths of the caller's households, read once per request. */
export const householdPaths = async (deps: DeliberationDeps, actor: Actor): Promise<{ householdId: string; path: string }[]> => {
  const refs = await Promise.all(actor.user.memberships.map((m) => deps.structure.resolvePlace({ type: 'household', id: m.householdId })))
  return refs.flatMap((r) => (r ? [{ householdId: r.id, path: r.path }] : []))
}

const scopePlace = (scope: ScopeRef): PlaceRef => ({ type: scope.type, id: scope.id, name: scope.name, path: scope.path })
const inside = (path: string, scopePath: string) => path === scopePath || path.startsWith(`${scopePath}/`)

export const factsFor = async (deps: DeliberationDeps, actor: Actor, m: MatterRecord, homes?: { path: string }[]): Promise<Facts> => {
  const paths = homes ?? (await householdPaths(deps, actor))
  const place = scopePlace(m.scope)
  // A building's grid is needed to tell whether a grid worker reaches a building-scope matter.
  if (m.scope.type === 'building') {
    const b = await deps.structure.getBuilding(m.scope.id)
    if (b?.gridId) place.gridId = b.gridId
  }
  const p = actor.principal
  return {
    isProposer: m.proposerId === p.userId,
    livesInScope: paths.some((h) => inside(h.path, m.scope.path)),
    isCommittee: holdsRole(p, ['committee'], place),
    isBuildingHead: m.scope.type === 'building' && p.grants.some((g) => g.role === 'buildingHead' && g.placeType === 'building' && g.placeId === m.scope.id),
    isPropertyManager: holdsRole(p, ['propertyManager'], place),
    isStaff: holdsRole(p, ['committee', 'communityAdmin', 'gridWorker', 'buildingHead', 'propertyManager'], place),
    isStreetAdmin: p.grants.some((g) => g.role === 'communityAdmin' && g.placeType === 'street' && covers(g, place)),
  }
}

export const assertMay = (action: Action, m: MatterRecord, f: Facts) => {
  const code = guard(action, m, f)
  if (code) throw new DomainError(code)
}
