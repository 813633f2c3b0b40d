import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda'
import type { FunctionName } from '../../contracts'
import * as deliberation from '../../functions/src/handlers/deliberation'
import * as grids from '../../functions/src/handlers/grids'
import * as home from '../../functions/src/handlers/home'
import * as identity from '../../functions/src/handlers/identity'
import * as meta from '../../functions/src/handlers/meta'
import * as microWishes from '../../functions/src/handlers/microWishes'
import * as moderation from '../../functions/src/handlers/moderation'
import * as notifications from '../../functions/src/handlers/notifications'
import * as pointsBank from '../../functions/src/handlers/pointsBank'
import * as pointsExport from '../../functions/src/handlers/pointsExport'
import * as structure from '../../functions/src/handlers/structure'
import * as uploads from '../../functions/src/handlers/uploads'
import * as volunteering from '../../functions/src/handlers/volunteering'
import type { BoundRoute } from '../../functions/src/http/router'

/** The Lambda functions as serverless.yml declares them, for calling in-process with API Gateway events. */
export const functions: Record<
  FunctionName,
  { handler: (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>; routes: BoundRoute[] }
> = {
  identity,
  structure,
  grids,
  deliberation,
  notifications,
  uploads,
  volunteering,
  microWishes,
  moderation,
  pointsBank,
  pointsExport,
  home,
  meta,
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

/** The function and route contract that serve a request (a request no route takes goes to identity, which answers route.notFound). */
export const routeFor = (method: string, path: string) => {
  for (const fn of Object.values(functions)) {
    for (const r of fn.routes) {
      const re = new RegExp(`^${r.contract.path.replace(/\{\w+\}/g, '[^/]+')}$`)
      if (r.contract.method === method && re.test(path)) return { handler: fn.handler, contract: r.contract }
    }
  }
  return { handler: functions.identity.handler, contract: undefined }
}

/** Sends one HTTP API (payload v2) event through the real handler, as API Gateway would. */
export const call = async <T = any>(
  method: string,
  pathWithQuery: string,
  options: CallOptions = {},
): Promise<CallResult<T>> => {
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
  const raw = await routeFor(method, path).handler(event)
  const headers = (raw.headers ?? {}) as Record<string, string>
  const isJson = (headers['content-type'] ?? '').startsWith('application/json')
  return { status: raw.statusCode ?? 200, body: isJson && raw.body ? JSON.parse(raw.body) : raw.body, headers, raw }
}
