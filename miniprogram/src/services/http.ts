import Taro from '@tarojs/taro'
import type { z } from 'zod'
import type { RouteBody, RouteContract, RouteParams, RouteQuery, RouteResponse } from '@contracts/common'
import { errorMessage, type ErrorDetail } from '@contracts/errors'
import { API_URL } from './env'
import { clearSession, getSession, markSessionExpired, sessionExpired } from './session'
import { goLogin } from './nav'
import { reportOffline, reportOnline } from './network'

/** A route's body schema, for validating a form with the contract's own rules before sending it. */
export const bodySchema = <B extends z.ZodTypeAny>(route: RouteContract<any, any, B, any>): B => {
  if (!route.body) throw new Error(`route ${route.operationId} has no body`)
  return route.body
}

/** Codes the client itself raises (no server answer). */
export type ClientErrorCode = 'network' | 'response.invalid'

/** Every failed call: the API's `{ error: { code, message, details? } }`, or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details: ErrorDetail[] = [],
    /** The server's name for the request in its logs (`x-request-id`): shown on an internal error for the resident to quote. */
    readonly requestId?: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** A message a resident can read for anything a call may throw. */
export const messageOf = (error: unknown): string => {
  if (error instanceof ApiError) return error.message
  return '操作失败，请稍后重试'
}

/** Field errors of a 422 keyed by field name (`body.unit` → `unit`). */
export const fieldErrors = (error: unknown): Record<string, string> => {
  const out: Record<string, string> = {}
  if (!(error instanceof ApiError)) return out
  for (const d of error.details) {
    const field = d.path.replace(/^(body|query|params)\./, '')
    if (!(field in out)) out[field] = d.message
  }
  return out
}

type Part<K extends string, T, Optional extends boolean = false> = [T] extends [undefined]
  ? { [P in K]?: undefined }
  : Optional extends true
    ? { [P in K]?: T }
    : { [P in K]: T }

/** What a call needs, derived from the route contract: path params, query and body as the API accepts them. */
export type CallInput<C> = Part<'params', RouteParams<C>> &
  Part<'query', RouteQuery<C>, true> &
  Part<'body', RouteBody<C>>

const buildUrl = (route: RouteContract, params?: Record<string, unknown>, query?: Record<string, unknown>): string => {
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params?.[name] ?? '')))
  const qs = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&')
  return `${API_URL}${path}${qs ? `?${qs}` : ''}`
}

/** An internal error names its request (错误编号), so a resident can quote it to the grid worker or 意见反馈. */
const quoting = (message: string, status: number, requestId?: string) =>
  status >= 500 && requestId ? `${message}（错误编号：${requestId}）` : message

const errorFrom = (status: number, data: unknown, headers: Record<string, unknown> = {}): ApiError => {
  const body = typeof data === 'string' ? safeJson(data) : data
  const err = body && typeof body === 'object' ? (body as { error?: unknown }).error : undefined
  const header = headers['x-request-id'] ?? headers['X-Request-Id']
  if (err && typeof err === 'object') {
    const { code, message, details, requestId } = err as {
      code?: unknown
      message?: unknown
      details?: unknown
      requestId?: unknown
    }
    const c = typeof code === 'string' ? code : 'internal'
    const m = typeof message === 'string' && message ? message : errorMessage(c)
    const id = typeof requestId === 'string' ? requestId : typeof header === 'string' ? header : undefined
    return new ApiError(c, quoting(m, status, id), status, Array.isArray(details) ? (details as ErrorDetail[]) : [], id)
  }
  const id = typeof header === 'string' ? header : undefined
  return new ApiError(
    status >= 500 ? 'internal' : 'response.invalid',
    status >= 500 ? quoting(errorMessage('internal'), status, id) : '操作失败，请稍后重试',
    status,
    [],
    id,
  )
}

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** True for a failure to reach the server at all (offline, timeout): the page keeps what it has. */
export const isNetworkError = (error: unknown): boolean => error instanceof ApiError && error.code === 'network'

/** The session ran out or was refused: say so, then the login page (which says it again), back here after. */
const sessionLost = () => {
  markSessionExpired()
  void Taro.showToast({ title: '登录已失效，请重新登录', icon: 'none', duration: 2000 })
  goLogin(undefined, 'expired')
}

/**
 * Calls one API route as its contract describes it. Sends the session token; a 401 (or a user route
 * called without a session) clears the session and opens the login page — saying 登录已失效 when there was a
 * session — then rejects with the error. Reports to services/network whether the server could be reached.
 */
export async function call<C extends RouteContract>(route: C, input: CallInput<C>): Promise<RouteResponse<C>> {
  const { params, query, body } = input as {
    params?: Record<string, unknown>
    query?: Record<string, unknown>
    body?: unknown
  }
  const session = getSession()
  if (route.auth === 'user' && !session) {
    if (sessionExpired()) sessionLost()
    else goLogin()
    throw new ApiError('auth.required', errorMessage('auth.required'), 401)
  }
  const header: Record<string, string> = { 'content-type': 'application/json' }
  if (session) header.Authorization = `Bearer ${session.token}`

  let res: Taro.request.SuccessCallbackResult<string | Record<string, unknown>>
  try {
    res = await Taro.request<string | Record<string, unknown>>({
      url: buildUrl(route, params, query),
      method: route.method as keyof Taro.request.Method,
      header,
      data: body === undefined ? undefined : JSON.stringify(body),
      dataType: 'json',
      timeout: 15000,
    })
  } catch {
    reportOffline()
    throw new ApiError('network', '无法连接服务器，请检查网络后重试', 0)
  }
  reportOnline()
  const status = res.statusCode
  if (status >= 200 && status < 300) {
    const data = typeof res.data === 'string' && res.data ? safeJson(res.data) : res.data
    if (data && typeof data === 'object' && 'error' in data) throw errorFrom(status, data)
    return data as RouteResponse<C>
  }
  const error = errorFrom(status, res.data, (res.header ?? {}) as Record<string, unknown>)
  if (status === 401) {
    clearSession()
    if (session) sessionLost()
    else goLogin()
  }
  throw error
}
