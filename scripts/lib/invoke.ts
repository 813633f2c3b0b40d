import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda'
import { handler as deliberation, routes as deliberationRoutes } from '../../functions/src/handlers/deliberation'
import { handler as grids } from '../../functions/src/handlers/grids'
import { handler as identity } from '../../functions/src/handlers/identity'
import { handler as meta } from '../../functions/src/handlers/meta'
import { handler as structure } from '../../functions/src/handlers/structure'
import { routes as gridRoutes } from '../../functions/src/handlers/grids'
import { routes as identityRoutes } from '../../functions/src/handlers/identity'
import { routes as metaRoutes } from '../../functions/src/handlers/meta'
import { routes as structureRoutes } from '../../functions/src/handlers/structure'

/** The Lambda functions as serverless.yml declares them, for calling in-process with API Gateway events. */
export const functions = {
  identity: { handler: identity, routes: identityRoutes },
  structure: { handler: structure, routes: structureRoutes },
  grids: { handler: grids, routes: gridRoutes },
  deliberation: { handler: deliberation, routes: deliberationRoutes },
  meta: { handler: meta, routes: metaRoutes },
}

export interface CallOptions {
  token?: string
  body?: unknown
  rawBody?: string
  query?: Record<string, string>
  headers?: Record<string, string>
}

export interface CallResult<T = any> {
  status: number
  body: T
  headers: Record<string, string>
  raw: APIGatewayProxyStructuredResultV2
}

const functionFor = (method: string, path: string) => {
  for (const fn of Object.values(functions)) {
    for (const r of fn.routes) {
      const re = new RegExp(`^${r.contract.path.replace(/\{\w+\}/g, '[^/]+')}$`)
      if (r.contract.method === method && re.test(path)) return fn.handler
    }
  }
  return functions.identity.handler
}

/** Sends one HTTP API (payload v2) event through the real handler, as API Gateway would. */
export const call = async <T = any>(method: string, pathWithQuery: string, options: CallOptions = {}): Promise<CallResult<T>> => {
  const [path = '/', qs] = pathWithQuery.split('?')
  const query = { ...Object.fromEntries(new URLSearchParams(qs ?? '')), ...(options.query ?? {}) }
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
  const event = {
    version: '2.0',
    routeKey: `${method} ${path}`,
    rawPath: path,
    rawQueryString: new URLSearchParams(query).toString(),
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.headers ?? {}),
    },
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    requestContext: { http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'gridlink-test' } },
    ...(body !== undefined ? { body, isBase64Encoded: false } : {}),
  } as unknown as APIGatewayProxyEventV2
  const raw = await functionFor(method, path)(event)
  const headers = (raw.headers ?? {}) as Record<string, string>
  const isJson = (headers['content-type'] ?? '').startsWith('application/json')
  return { status: raw.statusCode ?? 200, body: isJson && raw.body ? JSON.parse(raw.body) : raw.body, headers, raw }
}
