import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi'
import { allRoutes } from '../../../contracts'
import { errorCatalog } from '../../../contracts/errors'
import type { RouteContract } from '../../../contracts/common'
import { z } from 'zod'

// Adds `.openapi()` to zod's prototype, so the contracts' schemas (made before this runs) can be described.
extendZodWithOpenApi(z)

const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
})

/** The OpenAPI 3 document, generated from the contracts: the same schemas that parse every request. */
export const buildOpenApi = () => {
  const registry = new OpenAPIRegistry()
  registry.registerComponent('securitySchemes', 'session', { type: 'http', scheme: 'bearer' })
  for (const [capability, routes] of Object.entries(allRoutes)) {
    for (const c of Object.values(routes) as RouteContract[]) {
      const errorStatuses = new Map<number, string[]>()
      for (const code of c.errors) {
        const { status } = errorCatalog[code]
        errorStatuses.set(status, [...(errorStatuses.get(status) ?? []), code])
      }
      if (c.body || c.params || c.query) errorStatuses.set(422, [...new Set([...(errorStatuses.get(422) ?? []), 'request.invalid'])])
      registry.registerPath({
        operationId: c.operationId,
        method: c.method.toLowerCase() as 'get',
        path: c.path,
        summary: c.summary,
        tags: [capability],
        ...(c.auth === 'user' ? { security: [{ session: [] }] } : {}),
        request: {
          ...(c.params ? { params: c.params } : {}),
          ...(c.query ? { query: c.query } : {}),
          ...(c.body ? { body: { content: { 'application/json': { schema: c.body } } } } : {}),
        },
        responses: {
          [c.status ?? 200]: c.binary
            ? { description: c.binary, content: { [c.binary]: { schema: { type: 'string', format: 'binary' } } } }
            : { description: 'OK', content: { 'application/json': { schema: c.response } } },
          ...Object.fromEntries(
            [...errorStatuses].map(([status, codes]) => [
              status,
              { description: codes.join(', '), content: { 'application/json': { schema: ErrorBodySchema } } },
            ]),
          ),
        },
      })
    }
  }
  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: { title: '网格连心 GridLink API', version: '0.1.0', description: '党建引领小区治理：网格、身份、五议工作法……' },
  })
}
