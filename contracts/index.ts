export * from './common'
export * from './errors'
export * as identity from './identity'
export * as structure from './structure'
export * as grids from './grids'
export * as deliberation from './deliberation'
export * as notifications from './notifications'
export * as uploads from './uploads'
export * as volunteering from './volunteering'
export * as microWishes from './microWishes'
export * as moderation from './moderation'
export * as pointsBank from './pointsBank'
export * as home from './home'
import { identityRoutes } from './identity'
import { structureRoutes } from './structure'
import { gridRoutes } from './grids'
import { metaRoutes } from './meta'
import { deliberationRoutes } from './deliberation'
import { notificationRoutes } from './notifications'
import { uploadRoutes } from './uploads'
import { volunteeringRoutes } from './volunteering'
import { microWishRoutes } from './microWishes'
import { moderationRoutes } from './moderation'
import { pointsBankRoutes, pointsExportRoutes } from './pointsBankRoutes'
import { homeRoutes } from './home'

/**
 * Every route of the API, grouped by the Lambda function that serves it: the one list. Each function's handler
 * implements exactly its group (functions/src/handlers/<function>.ts, checked by the compiler), serverless.yml
 * takes its `httpApi` events from here (functions/src/http/httpEvents.cjs), and docs/openapi.json is generated from it.
 */
export const allRoutes = {
  identity: identityRoutes,
  structure: structureRoutes,
  grids: gridRoutes,
  deliberation: deliberationRoutes,
  notifications: notificationRoutes,
  uploads: uploadRoutes,
  volunteering: volunteeringRoutes,
  microWishes: microWishRoutes,
  moderation: moderationRoutes,
  pointsBank: pointsBankRoutes,
  pointsExport: pointsExportRoutes,
  home: homeRoutes,
  meta: metaRoutes,
}
export type FunctionName = keyof typeof allRoutes
