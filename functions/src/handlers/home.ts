import { homeRoutes } from '../../../contracts/home'
import { myHome } from '../domain/home/home'
import { httpHandler, implement } from '../http/router'

export const routes = implement(homeRoutes, {
  getHome: ({ query }, ctx) => myHome(ctx.deps, ctx, query),
})
export const handler = httpHandler(routes)
