import { homesOf, type Actor, type Home } from '../identity/actor'
import { DomainError } from '../shared/errors'
import { covers, holdsRole, isWithin, type PlaceRef } from '../shared/places'
import type { MatterRecord, ScopeRef } from './model'
import { rateKey, voteKey, type DeliberationDeps } from './ports'
import type { Facts } from './states'
import { guard, type Action } from './states'

export type { Actor, Home }

const scopePlace = (scope: ScopeRef): PlaceRef => ({
  type: scope.type,
  id: scope.id,
  name: scope.name,
  path: scope.path,
})

/** The caller's households inside the matter's scope. */
export const homesInScope = (homes: Home[], m: Pick<MatterRecord, 'scope'>) =>
  homes.filter((h) => isWithin(h.path, m.scope.path))

/** The household the caller votes or rates for: the one named, or the one they represent in the matter's scope. */
export const householdFor = (allHomes: Home[], m: Pick<MatterRecord, 'scope'>, householdId?: string): string => {
  const homes = homesInScope(allHomes, m)
  const fail = (code: 'vote.notEligible' | 'vote.notRepresentative') => {
    throw new DomainError(code)
  }
  if (householdId) return homes.find((h) => h.householdId === householdId)?.householdId ?? fail('vote.notEligible')
  return (
    homes.find((h) => h.represents)?.householdId ??
    (homes.length ? fail('vote.notRepresentative') : fail('vote.notEligible'))
  )
}

/** Structure read while deciding many matters for one caller (a listing): each building or grid read once. */
export interface ReachCache {
  buildingGrid: Map<string, Promise<string | undefined>>
  gridCompounds: Map<string, Promise<Set<string>>>
  /** The organisations the caller acts for (read once, and only when a matter names an organisation). */
  organisations?: Promise<Set<string>>
}
export const reachCache = (): ReachCache => ({ buildingGrid: new Map(), gridCompounds: new Map() })

/** The party a matter is handed to: the resolution's, else the review's. */
export const namedParty = (m: Pick<MatterRecord, 'resolution' | 'responsibleParty'>) =>
  m.resolution?.responsibleParty ?? m.responsibleParty

const myOrganisations = (deps: DeliberationDeps, actor: Actor, cache: ReachCache) =>
  (cache.organisations ??= deps.organisations
    .ofMember(actor.principal.userId)
    .then((list) => new Set(list.map((o) => o.organisationId))))

const memo = <T>(map: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> => {
  let hit = map.get(key)
  if (!hit) map.set(key, (hit = read()))
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
const gridReach = async (
  deps: DeliberationDeps,
  gridIds: string[],
  scope: ScopeRef,
  cache: ReachCache,
): Promise<boolean> => {
  if (gridIds.length === 0) return false
  if (scope.type === 'building') {
    const gridId = await memo(
      cache.buildingGrid,
      scope.id,
      async () => (await deps.structure.getBuilding(scope.id))?.gridId,
    )
    return gridId !== undefined && gridIds.includes(gridId)
  }
  if (scope.type === 'compound') {
    const compounds = await Promise.all(
      gridIds.map((g) => memo(cache.gridCompounds, g, () => compoundsOfGrid(deps, g))),
    )
    return compounds.some((c) => c.has(scope.id))
  }
  return false
}

/**
 * Who the caller is relative to one matter, as far as their homes, grants and organisations tell without a read:
 * everything but a grid worker's reach into a building or compound (which only makes them staff, see `roleFacts`).
 */
export const standing = (actor: Actor, m: MatterRecord, homes: Home[], organisations: Set<string>) => {
  const place = scopePlace(m.scope)
  const p = actor.principal
  const mine = homesInScope(homes, m)
  return {
    isProposer: m.proposerId === p.userId,
    livesInScope: mine.length > 0,
    representsInScope: mine.some((h) => h.represents),
    isCommittee: holdsRole(p, ['committee'], place),
    isBuildingHead:
      m.scope.type === 'building' &&
      p.grants.some((g) => g.role === 'buildingHead' && g.placeType === 'building' && g.placeId === m.scope.id),
    isPropertyManager: holdsRole(p, ['propertyManager'], place),
    // Staff who serve the place or part of it: they see the matter and may speak in its discussion. A community-scope
    // matter lies over every grid of the community: the grid grant's own path shows it.
    isStaff:
      holdsRole(p, ['committee', 'communityAdmin', 'buildingHead', 'propertyManager'], place) ||
      p.grants.some(
        (g) => g.placeType === 'grid' && isWithin(g.placePath, m.scope.path) && g.placePath !== m.scope.path,
      ),
    isStreetAdmin: p.grants.some((g) => g.role === 'communityAdmin' && g.placeType === 'street' && covers(g, place)),
    isResponsible: organisations.has(namedParty(m)?.organisationId ?? ''),
  }
}

/** Who the caller is relative to one matter (before what they have already done on it). */
const roleFacts = async (
  deps: DeliberationDeps,
  actor: Actor,
  m: MatterRecord,
  homes: Home[],
  cache: ReachCache,
  organisations: Set<string>,
) => {
  const known = standing(actor, m, homes, organisations)
  const gridIds = actor.principal.grants.filter((g) => g.placeType === 'grid').map((g) => g.placeId)
  // The grid's reach is read only for a caller not already staff here.
  return known.isStaff ? known : { ...known, isStaff: await gridReach(deps, gridIds, m.scope, cache) }
}

/**
 * What the caller has already done on each matter that asks something of them: seconded it, voted in its poll
 * (and how, in a named poll), rated its round. Read for all the matters at once: three batched reads at most.
 */
const participation = async (deps: DeliberationDeps, actor: Actor, homes: Home[], matters: MatterRecord[]) => {
  // The caller's household in scope: the one they represent, else the one they belong to (a member who is not the
  // representative still sees that the household has voted or rated; the state table keeps the vote to the representative).
  const representing = (m: MatterRecord) => {
    const mine = homesInScope(homes, m)
    return (mine.find((h) => h.represents) ?? mine[0])?.householdId
  }
  const toSecond = matters.filter(
    (m) => m.status === 'seconding' && m.proposerId !== actor.principal.userId && homesInScope(homes, m).length > 0,
  )
  const toVote = matters.flatMap((m) =>
    m.status === 'polling' && m.pollId && representing(m) ? [{ pollId: m.pollId, householdId: representing(m)! }] : [],
  )
  const toRate = matters.flatMap((m) =>
    m.status === 'evaluating' && m.evaluation && representing(m)
      ? [{ matterId: m.matterId, round: m.evaluation.round, householdId: representing(m)! }]
      : [],
  )
  const [seconded, votes, rated] = await Promise.all([
    toSecond.length
      ? deps.matters.secondedBy(
          actor.principal.userId,
          toSecond.map((m) => m.matterId),
        )
      : Promise.resolve(new Set<string>()),
    toVote.length
      ? deps.polls.householdVotes(toVote)
      : Promise.resolve(new Map<string, { voted: boolean; option?: number }>()),
    toRate.length ? deps.ratings.ratedHouseholds(toRate) : Promise.resolve(new Set<string>()),
  ])
  return (m: MatterRecord) => {
    const household = representing(m)
    const vote = m.pollId && household ? votes.get(voteKey(m.pollId, household)) : undefined
    return {
      hasSeconded: seconded.has(m.matterId),
      householdVoted: vote?.voted === true,
      ...(vote?.option !== undefined ? { householdOption: vote.option } : {}),
      householdRated: m.evaluation && household ? rated.has(rateKey(m.matterId, m.evaluation.round, household)) : false,
    }
  }
}

export const nothingDone = { hasSeconded: false, householdVoted: false, householdRated: false }

/**
 * The facts for each of several matters, for one caller: what the state table decides on. Views read what the
 * caller has already done (so `can` offers only what they may do now); a write leaves that to its own condition
 * (`participation: false`), which decides it in the same transaction anyway.
 */
export const factsForMany = async (
  deps: DeliberationDeps,
  actor: Actor,
  matters: MatterRecord[],
  homes: Home[],
  options: { cache?: ReachCache; participation?: boolean } = {},
): Promise<Facts[]> => {
  const cache = options.cache ?? reachCache()
  const organisations = matters.some((m) => namedParty(m)?.organisationId)
    ? await myOrganisations(deps, actor, cache)
    : new Set<string>()
  const roles = await Promise.all(matters.map((m) => roleFacts(deps, actor, m, homes, cache, organisations)))
  const done = options.participation === false ? () => nothingDone : await participation(deps, actor, homes, matters)
  return matters.map((m, i) => ({ ...roles[i]!, ...done(m) }))
}

export const factsFor = async (
  deps: DeliberationDeps,
  actor: Actor,
  m: MatterRecord,
  homes?: Home[],
  options: { participation?: boolean } = {},
): Promise<Facts> => (await factsForMany(deps, actor, [m], homes ?? (await homesOf(deps, actor)), options))[0]!

export const assertMay = (action: Action, m: MatterRecord, f: Facts) => {
  const code = guard(action, m, f)
  if (code) throw new DomainError(code)
}
