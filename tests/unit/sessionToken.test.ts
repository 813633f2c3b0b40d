import { describe, expect, it } from 'vitest'
import { signToken, verifyToken } from '../../functions/src/domain/identity/sessionToken'

describe('session token', () => {
  const now = new Date('2026-11-23T08:00:00Z')
  it('names its user until it expires', () => {
    const { token, expiresAt } = signToken('k', 'U1', now, 3600)
    expect(expiresAt).toBe('2026-11-23T09:00:00.000Z')
    expect(verifyToken('k', token, now)).toBe('U1')
    expect(verifyToken('k', token, new Date('2026-11-23T09:00:01Z'))).toBeUndefined()
  })
  it('is refused when signed with another key or tampered with', () => {
    const { token } = signToken('k', 'U1', now, 3600)
    const [body, mac] = token.split('.')
    const forgedBody = Buffer.from(JSON.stringify({ sub: 'ADMIN', exp: 9999999999 })).toString('base64url')
    expect(verifyToken('other', token, now)).toBeUndefined()
    expect(verifyToken('k', `${forgedBody}.${mac}`, now)).toBeUndefined()
    expect(verifyToken('k', `${body}.`, now)).toBeUndefined()
    expect(verifyToken('k', `${token}.x`, now)).toBeUndefined()
  })
})
