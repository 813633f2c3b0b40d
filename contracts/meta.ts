import { z } from 'zod'
import { defineRoute } from './common'

export const getOpenApi = defineRoute({
  operationId: 'getOpenApi',
  method: 'GET',
  path: '/openapi.json',
  summary: '本 API 的 OpenAPI 3 文档（由 contracts/ 生成）',
  auth: 'public',
  response: z
    .object({ openapi: z.string(), info: z.object({ title: z.string(), version: z.string() }).passthrough() })
    .passthrough(),
  errors: [],
})

export const metaRoutes = { getOpenApi }
