import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import { ulid } from 'ulid'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { functions } from '../../scripts/lib/invoke'
import { makeDeliberationWorld, propose } from '../helpers/deliberation'
import { call, expectOk } from '../helpers/factories'

/*
 * Plain regression tests for what the API fuzzer (fuzz.test.ts) found, and for the request forms it relies on:
 * bodies as serverless offline passes them, bodies on routes that take none, tokens in the wrong form.
 */
let w: Awaited<ReturnType<typeof makeDeliberationWorld>>
beforeAll(async () => {
  w = await makeDeliberationWorld({ households: 2 })
}, 60_000)

describe('a route that takes no body', () => {
  it('ignores one, even one that is not JSON (it answered request.malformedJson, which no such route lists)', async () => {
    const me = await call('GET', '/me', { token: w.residents[0]!.token, rawBody: '{' })
    expect(me.status).toBe(200)
    expect((await call('GET', '/openapi.json', { rawBody: 'false' })).status).toBe(200)
    const matterId = expectOk(await propose(w.residents[0]!.token, { type: 'building', id: w.buildings.A1 })).matterId
    const second = await call('POST', `/matters/${matterId}/seconds`, {
      token: w.residents[1]!.token,
      rawBody: `"${'x'.repeat(70_000)}"`,
    })
    expect(second.status).toBe(200)
  })
})

describe('proposing', () => {
  it('answers a scope that does not exist with its not-found code, which the contract lists', async () => {
    const token = w.residents[0]!.token
    for (const type of ['building', 'compound', 'community'] as const) {
      const res = await propose(token, { type, id: 'constructor' })
      expect(res.status).toBe(404)
      expect(res.body.error.code).toBe(`${type}.notFound`)
    }
  })
  it("answers another resident's matter id with request.idConflict, which the contract lists", async () => {
    const matterId = ulid()
    expect((await propose(w.residents[0]!.token, { type: 'building', id: w.buildings.A1 }, { matterId })).status).toBe(
      201,
    )
    const res = await propose(w.residents[1]!.token, { type: 'building', id: w.buildings.A1 }, { matterId })
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('request.idConflict')
  })
})

describe('pairing a volunteer unit', () => {
  it('refuses the same community twice with request.invalid (it was two writes of one item in a transaction: a 500)', async () => {
    const admin = w.admin.token
    const unit = { name: '区税务局', kind: 'organ', contact: { name: '张科长', phone: '13800138000' } }
    const created = expectOk(
      await call('POST', `/communities/${w.communityId}/volunteer-units`, {
        token: admin,
        body: { ...unit, unitId: ulid() },
      }),
    )
    const other = expectOk(
      await call('POST', `/streets/${w.street.streetId}/communities`, { token: admin, body: { name: '结对社区' } }),
    )
    const twice = await call('PUT', `/volunteer-units/${created.unitId}`, {
      token: admin,
      body: { ...unit, communityIds: [other.communityId, other.communityId] },
    })
    expect(twice.status).toBe(422)
    expect(twice.body.error.code).toBe('request.invalid')
    const once = expectOk(
      await call('PUT', `/volunteer-units/${created.unitId}`, {
        token: admin,
        body: { ...unit, communityIds: [other.communityId] },
      }),
    )
    expect(once.communityIds).toEqual([w.communityId, other.communityId])
  })
})

describe('a session token', () => {
  it('is refused without the Bearer scheme, or in any other form', async () => {
    const token = w.residents[0]!.token
    for (const authorization of [token, `bearer ${token}`, `Bearer  ${token}`, `Basic ${token}`]) {
      const res = await call('GET', '/me', { headers: { authorization } })
      expect(res.status, authorization.slice(0, 12)).toBe(401)
      expect(res.body.error.code).toBe('auth.invalidToken')
    }
    expect((await call('GET', '/me', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200)
  })
})

describe('a body that is not the object a route wants', () => {
  const login = (body: unknown) =>
    functions.identity.handler({
      version: '2.0',
      rawPath: '/auth/login',
      headers: { 'content-type': 'application/json' },
      requestContext: { http: { method: 'POST', path: '/auth/login' } },
      body,
      isBase64Encoded: false,
    } as unknown as APIGatewayProxyEventV2)
  const codeOf = async (body: unknown) => {
    const res = await login(body)
    return `${res.statusCode} ${JSON.parse(String(res.body)).error?.code}`
  }
  afterEach(() => {
    delete process.env.IS_OFFLINE
  })
  it('is request.invalid as API Gateway sends it (the text)', async () => {
    for (const text of ['false', '0', '"x"', 'null', '[]', 'true'])
      expect(await codeOf(text), text).toBe('422 request.invalid')
    expect(await codeOf('{')).toBe('400 request.malformedJson')
  })
  it('is request.invalid as serverless offline sends it (the parsed value)', async () => {
    process.env.IS_OFFLINE = 'true'
    for (const value of [false, 0, true, 'x', []])
      expect(await codeOf(value), JSON.stringify(value)).toBe('422 request.invalid')
  })
})
