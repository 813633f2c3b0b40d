import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda'
import type { z } from 'zod'
import { errorCatalog, type ErrorBody, type ErrorCode, type ErrorDetail } from '../../../contracts/errors'
import type { RouteContract } from '../../../contracts/common'
import { DomainError } from '../domain/shared/errors'
import type { Principal } from '../domain/shared/places'
import type { LoadedUser } from '../domain/identity/ports'
import { toPrincipal } from '../domain/identity/roles'
import { verifyToken } from '../domain/identity/sessionToken'
import { appDeps, type AppDeps, type CardRenderingFactory } from './deps'

/** Requests larger than this are refused before parsing (a proposal with text fits in a few KB; photos go to S3). */
export const MAX_BODY_BYTES = 64 * 1024

type Input<S> = [NonNullable<S>] extends [never] ? undefined : NonNullable<S> extends z.ZodTypeAny ? z.output<NonNullable<S>> : undefined

export interface RouteInput<C extends RouteContract> {
  params: Input<C['params']>
  query: Input<C['query']>
  body: Input<C['body']>
}

export interface AuthedContext {
  deps: AppDeps
  user: LoadedUser
  principal: Principal
}
export interface PublicContext {
  deps: AppDeps
}

export interface BinaryResult {
  binary: Buffer
  contentType: string
  filename: string
}

type Result<C extends RouteContract> = z.input<C['response']> | BinaryResult

export interface BoundRoute {
  contract: RouteContract
  run: (input: RouteInput<RouteContract>, ctx: AuthedContext | PublicContext) => Promise<unknown>
}

/** Binds a contract to its handler; the handler's input and output types come from the contract. */
export function route<C extends RouteContract & { auth: 'user' }>(
  contract: C,
  run: (input: RouteInput<C>, ctx: AuthedContext) => Promise<Result<C>>,
): BoundRoute
export function route<C extends RouteContract & { auth: 'public' }>(
  contract: C,
  run: (input: RouteInput<C>, ctx: PublicContext) => Promise<Result<C>>,
): BoundRoute
export function route(contract: RouteContract, run: (input: never, ctx: never) => Promise<unknown>): BoundRoute {
  return { contract, run: run as BoundRoute['run'] }
}

const json = (statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body),
})

export const errorResponse = (code: ErrorCode, details?: ErrorDetail[]): APIGatewayProxyStructuredResultV2 => {
  const body: ErrorBody = { error: { code, message: errorCatalog[code].message, ...(details?.length ? { details } : {}) } }
  return json(errorCatalog[code].status, body)
}

const zodDetails = (error: z.ZodError, prefix: string): ErrorDetail[] =>
  error.issues.map((i) => ({ path: [prefix, ...i.path].join('.'), message: i.message }))

const compile = (path: string) => {
  const names: string[] = []
  const pattern = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name)
    return '([^/]+)'
  })
  return { regex: new RegExp(`^${pattern}$`), names }
}

const parsePart = (schema: z.ZodTypeAny | undefined, value: unknown, prefix: string): { ok: true; data: unknown } | { ok: false; details: ErrorDetail[] } => {
  if (!schema) return { ok: true, data: undefined }
  const parsed = schema.safeParse(value)
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, details: zodDetails(parsed.error, prefix) }
}

const readBody = (event: APIGatewayProxyEventV2): { ok: true; value: unknown } | { ok: false; response: APIGatewayProxyStructuredResultV2 } => {
  if (event.body === undefined || event.body === null || event.body === '') return { ok: true, value: undefined }
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8')
  if (raw.length > MAX_BODY_BYTES) return { ok: false, response: errorResponse('request.tooLarge') }
  try {
    return { ok: true, value: JSON.parse(raw.toString('utf8')) }
  } catch {
    return { ok: false, response: errorResponse('request.malformedJson') }
  }
}

const authenticate = async (event: APIGatewayProxyEventV2, deps: AppDeps): Promise<AuthedContext | ErrorCode> => {
  const header = event.headers?.authorization ?? event.headers?.Authorization
  if (!header) return 'auth.required'
  const token = header.replace(/^Bearer\s+/i, '')
  const userId = verifyToken(deps.config.sessionSecret, token, deps.now())
  if (!userId) return 'auth.invalidToken'
  const user = await deps.identity.loadUser(userId)
  if (!user) return 'auth.invalidToken'
  return { deps, user, principal: toPrincipal(user) }
}

/**
 * One Lambda handler for a capability's routes: match, parse with the contract, authenticate, run, and
 * turn every failure into the one error shape. Nothing a client sends can produce a 500 or a stack trace;
 * an unexpected fault is logged and answered with `internal`.
 */
export const httpHandler = (routes: BoundRoute[], cards?: CardRenderingFactory) => {
  const compiled = routes.map((r) => ({ ...r, ...compile(r.contract.path) }))
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    try {
      const method = event.requestContext?.http?.method ?? 'GET'
      const path = event.rawPath ?? '/'
      let params: Record<string, string> | undefined
      const matched = compiled.find((r) => {
        if (r.contract.method !== method) return false
        const m = r.regex.exec(path)
        if (!m) return false
        params = Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? '')]))
        return true
      })
      if (!matched) return errorResponse('route.notFound')
      const c = matched.contract

      const body = readBody(event)
      if (!body.ok) return body.response
      const problems: ErrorDetail[] = []
      const p = parsePart(c.params, params, 'params')
      const q = parsePart(c.query, event.queryStringParameters ?? {}, 'query')
      const b = parsePart(c.body, body.value, 'body')
      for (const part of [p, q, b]) if (!part.ok) problems.push(...part.details)
      if (problems.length) return errorResponse('request.invalid', problems)

      const deps = await appDeps(cards)
      let ctx: AuthedContext | PublicContext = { deps }
      if (c.auth === 'user') {
        const authed = await authenticate(event, deps)
        if (typeof authed === 'string') return errorResponse(authed)
        ctx = authed
      }
      const input = { params: p.ok ? p.data : undefined, query: q.ok ? q.data : undefined, body: b.ok ? b.data : undefined }
      const result = await matched.run(input as RouteInput<RouteContract>, ctx)
      if (result && typeof result === 'object' && 'binary' in result && Buffer.isBuffer((result as BinaryResult).binary)) {
        const bin = result as BinaryResult
        return {
          statusCode: 200,
          isBase64Encoded: true,
          headers: { 'content-type': bin.contentType, 'content-disposition': `inline; filename="${encodeURIComponent(bin.filename)}"` },
          body: bin.binary.toString('base64'),
        }
      }
      return json(c.status ?? 200, result)
    } catch (error) {
      if (error instanceof DomainError) return errorResponse(error.code, error.details)
      console.error(JSON.stringify({ level: 'error', message: 'unhandled', error: String(error), stack: (error as Error)?.stack }))
      return errorResponse('internal')
    }
  }
}
