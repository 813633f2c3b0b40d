import { notificationRoutes } from '../../../contracts/notifications'
import { addSubscriptions, listSubscriptions } from '../domain/notifications/consent'
import { httpHandler, implement } from '../http/router'

export const routes = implement(notificationRoutes, {
  listSubscriptions: ({ query }, ctx) => listSubscriptions(ctx.deps, ctx, query),
  addSubscriptions: ({ body }, ctx) => addSubscriptions(ctx.deps, ctx, body),
})
export const handler = httpHandler(routes)
