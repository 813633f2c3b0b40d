import type { HomeTodo } from '../../../../contracts/home'
import type { Actor, Home } from '../identity/actor'
import type { IdentityStore } from '../identity/ports'
import type { OrganisationStore } from '../structure/organisations'
import type { GridRecord, StructureStore } from '../structure/ports'

/** Where a caller's 待办 are looked for: the communities of their households, roles and organisations, and their homes. */
export interface TodoContext {
  communityIds: string[]
  homes: Home[]
  /** The organisations (责任方名录) the caller acts for, read once by the home. */
  organisationIds: string[]
}

/**
 * What one capability says this caller has to do now. Each capability offers one (deliberation, micro-wishes,
 * volunteering, the points bank; bindings from identity); the wiring (functions/src/http/deps.ts) lists them, so the
 * home imports none of them.
 */
export interface TodoSource {
  name: string
  todos: (actor: Actor, ctx: TodoContext) => Promise<HomeTodo[]>
}

export interface HomeDeps {
  structure: StructureStore
  identity: IdentityStore
  organisations: OrganisationStore
  todoSources: TodoSource[]
  /** The code printed on a grid's card (grids signs it), so 首页 opens the grid page as a scan would. */
  gridCardCode: (grid: GridRecord) => string
  now: () => Date
}

/** A mini-program page with its query. */
export const pageWith = (path: string, query: Record<string, string | undefined>) => {
  const qs = Object.entries(query)
    .filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&')
  return qs ? `${path}?${qs}` : path
}

/** One 待办 line from the items it counts: the item's own page when there is one, else the list. */
export const todoOf = <T>(
  key: string,
  label: string,
  items: T[],
  list: string,
  one?: (item: T) => { page: string; hint?: string },
): HomeTodo[] => {
  if (items.length === 0) return []
  const single = items.length === 1 && one ? one(items[0]!) : undefined
  const first = one ? one(items[0]!) : undefined
  return [{ key, label, count: items.length, page: single?.page ?? list, ...(first?.hint ? { hint: first.hint } : {}) }]
}
