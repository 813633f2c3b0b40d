import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import type { z } from 'zod'
import type { ErrorCode, ErrorDetail } from '../../../contracts/errors'

/** Requests larger than this are refused before parsing (a proposal with text fits in a few KB; photos go to S3). */
export const MAX_BODY_BYTES = 64 * 1024

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; details?: ErrorDetail[] }

/**
 * The JSON body, as API Gateway sends it (a string, base64 when binary). serverless offline differs: it parses a
 * JSON body itself and passes a string value, or `false`/`0`/`null`, instead of the text; those are taken as the
 * value they are, so a body that is not the object a route wants is `request.invalid` locally as on AWS.
 */
export const readBody = (event: APIGatewayProxyEventV2): Parsed<unknown> => {
  const body = event.body as unknown
  if (body === undefined || body === null || body === '') return { ok: true, value: undefined }
  if (typeof body !== 'string') return { ok: true, value: body }
  const raw = event.isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8')
  if (raw.length > MAX_BODY_BYTES) return { ok: false, code: 'request.tooLarge' }
  try {
    return { ok: true, value: JSON.parse(raw.toString('utf8')) }
  } catch {
    // serverless offline hands over a JSON string's value, not its text: under it, a string that is not JSON was one.
    if (process.env.IS_OFFLINE === 'true' && !event.isBase64Encoded) return { ok: true, value: body }
    return { ok: false, code: 'request.malformedJson' }
  }
}

const zodDetails = (error: z.ZodError, prefix: string): ErrorDetail[] =>
  error.issues.map((i) => ({ path: [prefix, ...i.path].join('.'), message: i.message }))

/** Parses one part of the request with its contract schema; every problem of every part is reported together. */
export const parsePart = (
  schema: z.ZodTypeAny | undefined,
  value: unknown,
  prefix: string,
): { ok: true; data: unknown } | { ok: false; details: ErrorDetail[] } => {
  if (!schema) return { ok: true, data: undefined }
  const parsed = schema.safeParse(value)
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, details: zodDetails(parsed.error, prefix) }
}

/** The session token, only in the form the OpenAPI declares: `Authorization: Bearer <token>`. */
export const bearerToken = (event: APIGatewayProxyEventV2): string | undefined | null => {
  const header = event.headers?.authorization ?? event.headers?.Authorization
  if (!header) return undefined
  const m = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header)
  return m ? m[1]! : null
}

export const compilePath = (path: string) => {
  const names: string[] = []
  const pattern = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name)
    return '([^/]+)'
  })
  return { regex: new RegExp(`^${pattern}$`), names }
}

/** Path parameters, or undefined when one is not valid percent-encoding (a bad path is a 4xx, not a fault). */
export const matchPath = (
  compiled: { regex: RegExp; names: string[] },
  path: string,
): Record<string, string> | undefined | 'malformed' => {
  const m = compiled.regex.exec(path)
  if (!m) return undefined
  try {
    return Object.fromEntries(compiled.names.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? '')]))
  } catch {
    return 'malformed'
  }
}
