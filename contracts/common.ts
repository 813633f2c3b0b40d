import { z } from 'zod'
import type { ErrorCode } from './errors'

/** ULIDs for every id the server mints; short, URL-safe strings for everything else that names a thing. */
export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[0-9A-Za-z_-]+$/, '编号格式不正确')

/**
 * A ULID the client makes before it submits a create (TigerBeetle's habit): the server stores the new thing under
 * it with attribute_not_exists, so a double tap or a retry returns the first result instead of making a second.
 */
export const ClientId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, '请求编号格式不正确（应为 ULID）')

export const roles = [
  'resident',
  'buildingHead',
  'gridWorker',
  'partyHousehold',
  'inServiceMember',
  'committee',
  'propertyManager',
  'communityAdmin',
] as const
export const Role = z.enum(roles)
export type Role = z.infer<typeof Role>

export const roleLabels: Record<Role, string> = {
  resident: '居民',
  buildingHead: '楼长',
  gridWorker: '网格员',
  partyHousehold: '党员中心户',
  inServiceMember: '在职党员',
  committee: '两委',
  propertyManager: '物业',
  communityAdmin: '社区管理员',
}

export const placeTypes = ['street', 'community', 'compound', 'building', 'household', 'grid'] as const
export const PlaceType = z.enum(placeTypes)
export type PlaceType = z.infer<typeof PlaceType>

/** Where each role may be held: a building head heads a building, a grid worker serves a grid, and so on. */
export const rolePlaces: Record<Role, readonly PlaceType[]> = {
  resident: ['household'],
  buildingHead: ['building'],
  gridWorker: ['grid'],
  partyHousehold: ['household'],
  inServiceMember: ['community'],
  committee: ['compound', 'community'],
  propertyManager: ['compound'],
  communityAdmin: ['community', 'street'],
}

export const Place = z.object({ type: PlaceType, id: Id })
export type Place = z.infer<typeof Place>

export const RoleGrant = z.object({
  role: Role,
  place: Place,
  placeName: z.string(),
})
export type RoleGrant = z.infer<typeof RoleGrant>

export const ChinaMobile = z.string().regex(/^1[3-9]\d{9}$/, '请输入11位手机号')

export const Ok = z.object({ ok: z.literal(true) })

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * One HTTP operation as both sides see it. The functions parse requests with these schemas, the
 * mini-program builds its calls and types from them, and the OpenAPI document is generated from them.
 */
export interface RouteContract<
  P extends z.AnyZodObject | undefined = z.AnyZodObject | undefined,
  Q extends z.AnyZodObject | undefined = z.AnyZodObject | undefined,
  B extends z.ZodTypeAny | undefined = z.ZodTypeAny | undefined,
  R extends z.ZodTypeAny = z.ZodTypeAny,
  A extends 'public' | 'user' = 'public' | 'user',
> {
  operationId: string
  method: HttpMethod
  path: string
  summary: string
  /** `public`: readable without login; `user`: needs a session token. */
  auth: A
  params?: P
  query?: Q
  body?: B
  response: R
  /** The status a success returns. */
  status?: 200 | 201
  /** The body is not JSON (a PDF or PNG card): the response schema then describes nothing. */
  binary?: string
  errors: readonly ErrorCode[]
}

export const defineRoute = <
  P extends z.AnyZodObject | undefined = undefined,
  Q extends z.AnyZodObject | undefined = undefined,
  B extends z.ZodTypeAny | undefined = undefined,
  R extends z.ZodTypeAny = z.ZodTypeAny,
  A extends 'public' | 'user' = 'public' | 'user',
>(
  route: RouteContract<P, Q, B, R, A>,
): RouteContract<P, Q, B, R, A> => route

export type RouteBody<C> =
  C extends RouteContract<any, any, infer B, any> ? (B extends z.ZodTypeAny ? z.input<B> : undefined) : never
export type RouteParams<C> =
  C extends RouteContract<infer P, any, any, any> ? (P extends z.AnyZodObject ? z.input<P> : undefined) : never
export type RouteQuery<C> =
  C extends RouteContract<any, infer Q, any, any> ? (Q extends z.AnyZodObject ? z.input<Q> : undefined) : never
export type RouteResponse<C> = C extends RouteContract<any, any, any, infer R> ? z.output<R> : never

/**
 * Every error code a route can answer: its own (`errors`, what its use case can refuse) and those the HTTP layer
 * gives any route of its kind (no or a bad session, a body that is not JSON or too large, a request that does not
 * match the contract, a fault of ours). The OpenAPI lists these, and the tests fail on any code a route answers
 * that is not among them.
 */
export const routeErrors = (route: RouteContract): ErrorCode[] => [
  ...new Set<ErrorCode>([
    ...route.errors,
    ...(route.auth === 'user' ? (['auth.required', 'auth.invalidToken'] as const) : []),
    ...(route.params || route.query || route.body ? (['request.invalid'] as const) : []),
    ...(route.body ? (['request.malformedJson', 'request.tooLarge'] as const) : []),
    'internal',
  ]),
]
