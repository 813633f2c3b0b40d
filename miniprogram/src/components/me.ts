import type { Me } from '@contracts/identity'
import type { Role } from '@contracts/common'

/** The roles that review household bindings, and the query each one's queue takes. */
export const REVIEWER_ROLES: readonly Role[] = ['buildingHead', 'gridWorker']

export interface ReviewPlace {
  key: string
  role: Role
  placeName: string
  query: { buildingId: string } | { gridId: string }
}

export const reviewPlaces = (me: Me): ReviewPlace[] =>
  me.grants.flatMap((g): ReviewPlace[] => {
    if (g.role === 'buildingHead' && g.place.type === 'building')
      return [{ key: `b:${g.place.id}`, role: g.role, placeName: g.placeName, query: { buildingId: g.place.id } }]
    if (g.role === 'gridWorker' && g.place.type === 'grid')
      return [{ key: `g:${g.place.id}`, role: g.role, placeName: g.placeName, query: { gridId: g.place.id } }]
    return []
  })

export const householdLabel = (h: { buildingName: string; unit: string; room: string }): string =>
  `${h.buildingName} ${h.unit}单元 ${h.room}室`
