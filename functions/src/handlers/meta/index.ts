import { getOpenApi } from '../../../../contracts/meta'
import { buildOpenApi } from '../../http/openapi'
import { httpHandler, route } from '../../http/router'

let doc: ReturnType<typeof buildOpenApi> | undefined

export const routes = [route(getOpenApi, async () => (doc ??= buildOpenApi()) as unknown as Record<string, unknown>)]
export const handler = httpHandler(routes)
