import type { PlaceType, Role } from '../../../../contracts/common'
import { rolePlaces } from '../../../../contracts/common'
import { DomainError } from './errors'

/**
 * A place as authorization sees it. `path` runs from the street down (`street:S/community:C/compound:P/
 * building:B/household:H`); a grid hangs under its community (`…/community:C/grid:G`) and a building or
 * household also names the grid it lies in, read when the request is made, so moving a building between
 * grids moves its grid worker's reach with it.
 */
export interface PlaceRef {
  type: PlaceType
  id: string
  name: string
  path: string
  gridId?: string
  /** For building- and household-level places: the building. */
  buildingId?: string
}

/** Whether `path` is `ancestor` or lies under it (`…/building:B/household:H` lies within `…/building:B`). */
export const isWithin = (path: string, ancestor: string): boolean =>
  path === ancestor || path.startsWith(`${ancestor}/`)

/** The community a place path runs through (`street:S/community:C/…` → `C`). */
export const communityOfPath = (path: string): string | undefined =>
  path
    .split('/')
    .find((seg) => seg.startsWith('community:'))
    ?.slice('community:'.length)

export const segment = (type: PlaceType, id: string): string => `${type}:${id}`
export const childPath = (parent: string, type: PlaceType, id: string): string => `${parent}/${segment(type, id)}`

export interface Grant {
  role: Role
  placeType: PlaceType
  placeId: string
  placeName: string
  placePath: string
}

export interface Principal {
  userId: string
  displayName: string
  grants: Grant[]
  /** Households this user is bound to. */
  householdIds: string[]
  /** The bootstrap and seed scripts act as the system, which no HTTP request can be. */
  system?: boolean
}

export const systemPrincipal: Principal = {
  userId: 'system',
  displayName: '系统',
  grants: [],
  householdIds: [],
  system: true,
}

/** Does a role held at `grant`'s place reach `target`? A place reaches everything below it; a grid reaches its buildings. */
export const covers = (grant: Grant, target: PlaceRef): boolean => {
  if (isWithin(target.path, grant.placePath)) return true
  return grant.placeType === 'grid' && target.gridId === grant.placeId
}

export const holdsRole = (principal: Principal, roles: readonly Role[], target: PlaceRef): boolean =>
  principal.system === true || principal.grants.some((g) => roles.includes(g.role) && covers(g, target))

/** Every endpoint that acts on a place goes through this: the role must be held at the place or above it. */
export const authorize = (principal: Principal, roles: readonly Role[], target: PlaceRef): void => {
  if (!holdsRole(principal, roles, target)) throw new DomainError('auth.forbidden')
}

export const roleFitsPlace = (role: Role, placeType: PlaceType): boolean => rolePlaces[role].includes(placeType)
