import { metaRoutes } from '../../../contracts/meta'
import { buildOpenApi } from '../http/openapi'
import { httpHandler, implement } from '../http/router'

let doc: ReturnType<typeof buildOpenApi> | undefined

export const routes = implement(metaRoutes, {
  getOpenApi: async () => (doc ??= buildOpenApi()) as { openapi: string; info: { title: string; version: string } },
})
export const handler = httpHandler(routes)
