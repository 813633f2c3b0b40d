import { communityOfPath, type Principal } from '../shared/places'
import type { StructureStore } from '../structure/ports'
import type { LoadedUser } from './ports'

/** The caller of a use case: who they are (read once per request) and the roles they hold where. */
export interface Actor {
  user: LoadedUser
  principal: Principal
}

/** One of the caller's households: where it is, and whether the caller is its representative (户代表). */
export interface Home {
  householdId: string
  path: string
  /** Read from the household, so never stale. */
  represents: boolean
}

/** The caller's households (one or two), with their place paths; read once per request. */
export const homesOf = async (deps: { structure: StructureStore }, actor: Actor): Promise<Home[]> => {
  const homes = await Promise.all(
    actor.user.memberships.map(async (m) => {
      const [ref, household] = await Promise.all([
        deps.structure.resolvePlace({ type: 'household', id: m.householdId }),
        deps.structure.getHousehold(m.householdId),
      ])
      return ref
        ? [
            {
              householdId: ref.id,
              path: ref.path,
              represents: household?.representativeUserId === actor.principal.userId,
            },
          ]
        : []
    }),
  )
  return homes.flat()
}

/** The caller's own community: that of their first household, else of their first role below a street. */
export const communityOf = (actor: Actor, homes: Home[]): string | undefined =>
  homes.map((h) => communityOfPath(h.path)).find(Boolean) ??
  actor.principal.grants.map((g) => communityOfPath(g.placePath)).find(Boolean)
