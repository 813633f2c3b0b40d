import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda'
import { ulid } from 'ulid'
import type { z } from 'zod'
import type { RouteContract } from '../../../contracts/common'
import { errorCatalog, type ErrorBody, type ErrorCode, type ErrorDetail } from '../../../contracts/errors'
import type { Actor } from '../domain/identity/actor'
import { toPrincipal } from '../domain/identity/roles'
import { verifyToken } from '../domain/identity/sessionToken'
import { DomainError } from '../domain/shared/errors'
import { appDeps, type AppDeps, type CardRenderingFactory } from './deps'
import { logger } from './log'
import { bearerToken, compilePath, matchPath, parsePart, readBody } from './request'

type Input<S> = [NonNullable<S>] extends [never]
  ? undefined
  : NonNullable<S> extends z.ZodTypeAny
    ? z.output<NonNullable<S>>
    : undefined

export interface RouteInput<C extends RouteContract> {
  params: Input<C['params']>
  query: Input<C['query']>
  body: Input<C['body']>
}

export interface PublicContext {
  deps: AppDeps
}
export interface AuthedContext extends PublicContext, Actor {}

export interface BinaryResult {
  binary: Buffer
  contentType: string
  filename: string
}

type Result<C extends RouteContract> = z.input<C['response']> | BinaryResult
/** What implements one route: its input and result types come from the contract; a user route gets the caller. */
export type Implementation<C extends RouteContract> = (
  input: RouteInput<C>,
  ctx: C['auth'] extends 'user' ? AuthedContext : PublicContext,
) => Promise<Result<C>>

export interface BoundRoute {
  contract: RouteContract
  run: (input: RouteInput<RouteContract>, ctx: AuthedContext | PublicContext) => Promise<unknown>
}

/**
 * A capability's routes: one implementation for every contract of its group, and nothing else (the compiler
 * holds both), so the contracts stay the one list of routes.
 */
export const implement = <G extends Record<string, RouteContract>>(
  group: G,
  implementations: { [K in keyof G]: Implementation<G[K]> },
): BoundRoute[] =>
  Object.keys(group).map((name) => ({ contract: group[name]!, run: implementations[name] as BoundRoute['run'] }))

const json = (statusCode: number, body: unknown, requestId: string): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId },
  body: JSON.stringify(body),
})

/** The one error shape; a fault of ours names the request, so a resident can quote it and we can find its log line. */
export const errorResponse = (
  code: ErrorCode,
  requestId: string,
  details?: ErrorDetail[],
): APIGatewayProxyStructuredResultV2 => {
  const body: ErrorBody = {
    error: {
      code,
      message: errorCatalog[code].message,
      ...(details?.length ? { details } : {}),
      ...(code === 'internal' ? { requestId } : {}),
    },
  }
  return json(errorCatalog[code].status, body, requestId)
}

const authenticate = async (event: APIGatewayProxyEventV2, deps: AppDeps): Promise<AuthedContext | ErrorCode> => {
  const token = bearerToken(event)
  if (token === undefined) return 'auth.required'
  const userId = token && verifyToken(deps.config.sessionSecret, token, deps.now())
  if (!userId) return 'auth.invalidToken'
  const user = await deps.identity.loadUser(userId)
  if (!user) return 'auth.invalidToken'
  return { deps, user, principal: toPrincipal(user) }
}

/**
 * One Lambda handler for a function's routes: match, parse with the contract, authenticate, run, and turn every
 * failure into the one error shape. Nothing a client sends can produce a 500 or a stack trace; an unexpected fault
 * is logged and answered with `internal`. Every request leaves one log line: id, route, status, latency, code.
 */
export const httpHandler = (routes: BoundRoute[], cards?: CardRenderingFactory) => {
  const compiled = routes.map((r) => ({ ...r, path: compilePath(r.contract.path) }))
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const started = performance.now()
    // API Gateway's own id, so our line and its access log agree; serverless offline gives every request the same
    // placeholder, so locally each request gets an id of its own.
    const requestId =
      process.env.IS_OFFLINE === 'true' || !event.requestContext?.requestId ? ulid() : event.requestContext.requestId
    const method = event.requestContext?.http?.method ?? 'GET'
    const path = event.rawPath ?? '/'
    let operation = 'unmatched'
    const done = (response: APIGatewayProxyStructuredResultV2, error?: unknown) => {
      const code =
        response.statusCode && response.statusCode >= 400
          ? (JSON.parse(String(response.body)) as ErrorBody).error.code
          : undefined
      const line = {
        requestId,
        route: operation,
        method,
        path,
        status: response.statusCode,
        latencyMs: Math.round(performance.now() - started),
        ...(code ? { errorCode: code } : {}),
      }
      if (error) logger.error('request failed', { ...line, error: error as Error })
      else logger.info('request', line)
      return response
    }
    try {
      let params: Record<string, string> | undefined
      let malformedPath = false
      const matched = compiled.find((r) => {
        if (r.contract.method !== method) return false
        const m = matchPath(r.path, path)
        if (m === 'malformed') malformedPath = true
        if (!m || m === 'malformed') return false
        params = m
        return true
      })
      if (!matched) return done(errorResponse(malformedPath ? 'request.invalid' : 'route.notFound', requestId))
      const c = matched.contract
      operation = c.operationId

      // A route that takes no body ignores one (API Gateway passes on whatever a GET carries): only a body the
      // contract reads can be refused, so a route answers no body error its contract does not list.
      const body = c.body ? readBody(event) : ({ ok: true, value: undefined } as const)
      if (!body.ok) return done(errorResponse(body.code, requestId, body.details))
      const problems: ErrorDetail[] = []
      const p = parsePart(c.params, params, 'params')
      const q = parsePart(c.query, event.queryStringParameters ?? {}, 'query')
      const b = parsePart(c.body, body.value, 'body')
      for (const part of [p, q, b]) if (!part.ok) problems.push(...part.details)
      if (problems.length) return done(errorResponse('request.invalid', requestId, problems))

      const deps = await appDeps(cards)
      let ctx: AuthedContext | PublicContext = { deps }
      if (c.auth === 'user') {
        const authed = await authenticate(event, deps)
        if (typeof authed === 'string') return done(errorResponse(authed, requestId))
        ctx = authed
      }
      const input = {
        params: p.ok ? p.data : undefined,
        query: q.ok ? q.data : undefined,
        body: b.ok ? b.data : undefined,
      }
      const result = await matched.run(input as RouteInput<RouteContract>, ctx)
      if (
        result &&
        typeof result === 'object' &&
        'binary' in result &&
        Buffer.isBuffer((result as BinaryResult).binary)
      ) {
        const bin = result as BinaryResult
        return done({
          statusCode: 200,
          isBase64Encoded: true,
          headers: {
            'content-type': bin.contentType,
            'content-disposition': `inline; filename="${encodeURIComponent(bin.filename)}"`,
            'x-request-id': requestId,
          },
          body: bin.binary.toString('base64'),
        })
      }
      return done(json(c.status ?? 200, result, requestId))
    } catch (error) {
      if (error instanceof DomainError && error.code !== 'internal')
        return done(errorResponse(error.code, requestId, error.details))
      return done(errorResponse('internal', requestId), error)
    }
  }
}
