import { describe, expect, it } from 'vitest'
import { call, expectOk, makeCommunity, makeUser } from '../helpers/factories'

describe('login', () => {
  it('exchanges a wx.login code through jscode2session for a session, the same user each time', async () => {
    const first = expectOk(await call('POST', '/auth/login', { body: { code: 'device-code-alpha' } }))
    const again = expectOk(await call('POST', '/auth/login', { body: { code: 'device-code-alpha' } }))
    expect(first.userId).toBe(again.userId)
    expect(new Date(first.expiresAt).getTime()).toBeGreaterThan(Date.now())
    const me = expectOk(await call('GET', '/me', { token: first.token }))
    expect(me).toMatchObject({ userId: first.userId, displayName: '微信用户', grants: [], households: [] })
    expect(JSON.stringify(first)).not.toMatch(/session_key/)
  })

  it('refuses a code WeChat rejects with auth.codeInvalid', async () => {
    const res = await call('POST', '/auth/login', { body: { code: 'invalid-code' } })
    expect(res.status).toBe(401)
    expect(res.body.error.code).toBe('auth.codeInvalid')
    expect(res.body.error.message).toMatch(/微信/)
  })

  it('creates one user when two first logins of one openid race', async () => {
    const [a, b] = await Promise.all([
      call('POST', '/auth/login', { body: { code: 'race-code' } }),
      call('POST', '/auth/login', { body: { code: 'race-code' } }),
    ])
    // Both logins must succeed (two failures would also agree: undefined === undefined), for one user.
    const first = expectOk(a)
    const second = expectOk(b)
    expect(first.userId).toMatch(/^[0-9A-Z]{26}$/)
    expect(second.userId).toBe(first.userId)
    const me = expectOk(await call('GET', '/me', { token: second.token }))
    expect(me.userId).toBe(first.userId)
  })

  it('answers a missing, forged or expired token with 401 and a stable code', async () => {
    expect((await call('GET', '/me')).body.error.code).toBe('auth.required')
    const user = await makeUser()
    const forged = user.token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))
    const res = await call('GET', '/me', { token: forged })
    expect(res.status).toBe(401)
    expect(res.body.error.code).toBe('auth.invalidToken')
    expect((await call('GET', '/me', { token: 'not-a-token' })).body.error.code).toBe('auth.invalidToken')
  })
})

describe('roles and places', () => {
  it('lets a community admin grant roles only inside their own community', async () => {
    const here = await makeCommunity()
    const there = await makeCommunity()
    const user = await makeUser()
    const ok = await call('POST', '/role-grants', {
      token: here.admin.token,
      body: { userId: user.userId, role: 'buildingHead', place: { type: 'building', id: here.buildings.A1 } },
    })
    expect(ok.status).toBe(201)
    const refused = await call('POST', '/role-grants', {
      token: here.admin.token,
      body: { userId: user.userId, role: 'buildingHead', place: { type: 'building', id: there.buildings.A1 } },
    })
    expect(refused.status).toBe(403)
    expect(refused.body.error.code).toBe('auth.forbidden')
    const me = expectOk(await call('GET', '/me', { token: user.token }))
    expect(me.grants).toEqual([
      { role: 'buildingHead', place: { type: 'building', id: here.buildings.A1 }, placeName: 'A1栋' },
    ])
  })

  it('refuses a role at the wrong kind of place', async () => {
    const c = await makeCommunity()
    const user = await makeUser()
    const res = await call('POST', '/role-grants', {
      token: c.admin.token,
      body: { userId: user.userId, role: 'gridWorker', place: { type: 'building', id: c.buildings.A1 } },
    })
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('role.placeMismatch')
  })

  it('does not let a resident grant roles', async () => {
    const c = await makeCommunity()
    const user = await makeUser()
    const res = await call('POST', '/role-grants', {
      token: user.token,
      body: { userId: user.userId, role: 'communityAdmin', place: { type: 'community', id: c.communityId } },
    })
    expect(res.status).toBe(403)
    expect(expectOk(await call('GET', '/me', { token: user.token })).grants).toEqual([])
  })
})
