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

export interface Home {
  householdId: string
  path: string
  /** The caller is the household's representative (read from the household, so never stale). */
  represents: boolean
}

/** The caller's households (one or two), where they are and whether the caller represents them; read once per request. */
export const householdPaths = async (deps: DeliberationDeps, actor: Actor): Promise<Home[]> => {
  const homes = await Promise.all(
    actor.user.memberships.map(async (m) => {
      const [ref, household] = await Promise.all([
        deps.structure.resolvePlace({ type: 'household', id: m.householdId }),
        deps.structure.getHousehold(m.householdId),
      ])
      return ref ? [{ householdId: ref.id, path: ref.path, represents: household?.representativeUserId === actor.principal.userId }] : []
    }),
  )
  return homes.flat()
}

const communityIn = (path: string) =>
  path
    .split('/')
    .find((seg) => seg.startsWith('community:'))
    ?.slice('community:'.length)

/** The caller's own community: that of their first household, else of their first role below a street. */
export const callerCommunity = (actor: Actor, homes: Home[]): string | undefined =>
  homes.map((h) => communityIn(h.path)).find(Boolean) ?? actor.principal.grants.map((g) => communityIn(g.placePath)).find(Boolean)

const scopePlace = (scope: ScopeRef): PlaceRef => ({ type: scope.type, id: scope.id, name: scope.name, path: scope.path })
const inside = (path: string, scopePath: string) => path === scopePath || path.startsWith(`${scopePath}/`)

/** Structure read while deciding many matters for one caller (a listing): each building or grid read once. */
export interface ReachCache {
  buildingGrid: Map<string, Promise<string | undefined>>
  gridCompounds: Map<string, Promise<Set<string>>>
}
export const reachCache = (): ReachCache => ({ buildingGrid: new Map(), gridCompounds: new Map() })

const memo = <T>(map: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> => {
  let hit = map.get(key)
  if (!hit) {
    hit = read()
    map.set(key, hit)
  }
  return hit
}

/** The compounds a grid's buildings stand in (grid edges follow compound edges, so usually one). */
const compoundsOfGrid = async (deps: DeliberationDeps, gridId: string): Promise<Set<string>> => {
  const grid = await deps.structure.getGrid(gridId)
  const buildings = grid ? await deps.structure.getBuildings(grid.buildingIds) : []
  return new Set(buildings.map((b) => b.compoundId))
}

/**
 * Whether a grant held at a grid (the grid worker's) reaches the matter's scope: a building of the grid, a
 * compound the grid lies in, or the grid's community. Grid grants are the only ones whose reach needs reads.
 */
const gridReach = async (deps: DeliberationDeps, gridIds: string[], scope: ScopeRef, cache: ReachCache): Promise<boolean> => {
  if (gridIds.length === 0) return false
  if (scope.type === 'building') {
    const gridId = await memo(cache.buildingGrid, scope.id, async () => (await deps.structure.getBuilding(scope.id))?.gridId)
    return gridId !== undefined && gridIds.includes(gridId)
  }
  if (scope.type === 'compound') {
    const compounds = await Promise.all(gridIds.map((g) => memo(cache.gridCompounds, g, () => compoundsOfGrid(deps, g))))
    return compounds.some((c) => c.has(scope.id))
  }
  return false
}

export const factsFor = async (deps: DeliberationDeps, actor: Actor, m: MatterRecord, homes?: Home[], cache = reachCache()): Promise<Facts> => {
  const paths = homes ?? (await householdPaths(deps, actor))
  const place = scopePlace(m.scope)
  const p = actor.principal
  const gridIds = p.grants.filter((g) => g.placeType === 'grid').map((g) => g.placeId)
  // A community-scope matter lies over every grid of the community: the grant's own path shows it.
  const reachedByGrid =
    p.grants.some((g) => g.placeType === 'grid' && g.placePath.startsWith(`${m.scope.path}/`)) || (await gridReach(deps, gridIds, m.scope, cache))
  return {
    isProposer: m.proposerId === p.userId,
    livesInScope: paths.some((h) => inside(h.path, m.scope.path)),
    representsInScope: paths.some((h) => h.represents && inside(h.path, m.scope.path)),
    isCommittee: holdsRole(p, ['committee'], place),
    isBuildingHead: m.scope.type === 'building' && p.grants.some((g) => g.role === 'buildingHead' && g.placeType === 'building' && g.placeId === m.scope.id),
    isPropertyManager: holdsRole(p, ['propertyManager'], place),
    // Staff who serve the place or part of it: they see the matter and may speak in its discussion.
    isStaff: holdsRole(p, ['committee', 'communityAdmin', 'buildingHead', 'propertyManager'], place) || reachedByGrid,
    isStreetAdmin: p.grants.some((g) => g.role === 'communityAdmin' && g.placeType === 'street' && covers(g, place)),
  }
}

export const assertMay = (action: Action, m: MatterRecord, f: Facts) => {
  const code = guard(action, m, f)
  if (code) throw new DomainError(code)
}
