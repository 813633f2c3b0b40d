export * from './common'
export * from './errors'
export * as identity from './identity'
export * as structure from './structure'
export * as grids from './grids'
export * as deliberation from './deliberation'
export * as notifications from './notifications'
import { identityRoutes } from './identity'
import { structureRoutes } from './structure'
import { gridRoutes } from './grids'
import { metaRoutes } from './meta'
import { deliberationRoutes } from './deliberation'
import { notificationRoutes } from './notifications'

/** Every route of the API, by the function serving it (notification subscriptions ride with deliberation, their only source so far): the source of serverless.yml's events and of docs/openapi.json. */
export const allRoutes = {
  identity: identityRoutes,
  structure: structureRoutes,
  grids: gridRoutes,
  deliberation: { ...deliberationRoutes, ...notificationRoutes },
  meta: metaRoutes,
}
