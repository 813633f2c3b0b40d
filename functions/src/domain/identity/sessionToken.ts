import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Session tokens: `base64url(payload).base64url(HMAC-SHA256)`, expiring. Stateless, so a request needs no
 * session lookup; roles are still read per request, so a revoked role stops working at once.
 */
export interface TokenPayload {
  sub: string
  exp: number
}

const b64 = (buf: Buffer | string) => Buffer.from(buf).toString('base64url')

export const signToken = (secret: string, userId: string, now: Date, ttlSeconds: number) => {
  const payload: TokenPayload = { sub: userId, exp: Math.floor(now.getTime() / 1000) + ttlSeconds }
  const body = b64(JSON.stringify(payload))
  const mac = createHmac('sha256', secret).update(body).digest('base64url')
  return { token: `${body}.${mac}`, expiresAt: new Date(payload.exp * 1000).toISOString() }
}

/** The user id of a valid, unexpired token, or undefined. */
export const verifyToken = (secret: string, token: string, now: Date): string | undefined => {
  const [body, mac, extra] = token.split('.')
  if (!body || !mac || extra !== undefined) return undefined
  const expected = createHmac('sha256', secret).update(body).digest()
  const given = Buffer.from(mac, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
  try {
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<TokenPayload>
    if (typeof payload.sub !== 'string' || typeof payload.exp !== 'number') return undefined
    return payload.exp * 1000 > now.getTime() ? payload.sub : undefined
  } catch {
    return undefined
  }
}
