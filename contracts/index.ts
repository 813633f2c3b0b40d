export * from './common'
export * from './errors'
export * as identity from './identity'
export * as structure from './structure'
export * as grids from './grids'
export * as deliberation from './deliberation'
import { identityRoutes } from './identity'
import { structureRoutes } from './structure'
import { gridRoutes } from './grids'
import { metaRoutes } from './meta'
import { deliberationRoutes } from './deliberation'

/** Every route of the API, by capability: the source of serverless.yml's events and of docs/openapi.json. */
export const allRoutes = { identity: identityRoutes, structure: structureRoutes, grids: gridRoutes, deliberation: deliberationRoutes, meta: metaRoutes }
