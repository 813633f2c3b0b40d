import type { APIGatewayProxyEventV2 } from 'aws-lambda'
import { afterEach, describe, expect, it } from 'vitest'
import { bearerToken, compilePath, matchPath, MAX_BODY_BYTES, readBody } from '../../functions/src/http/request'

/*
 * Request parsing, on events built by hand: the body as API Gateway sends it (the text, base64 when binary) and
 * as serverless offline sends it (it parses a JSON body itself and passes `false`, `0`, `null` or a string's
 * value instead of the text). Both must come out as the same value, so a body that is not the object a route
 * wants is `request.invalid` locally as on AWS, never a fault.
 */
const event = (body: unknown, isBase64Encoded = false, headers: Record<string, string> = {}) =>
  ({
    body,
    isBase64Encoded,
    headers,
    rawPath: '/',
    requestContext: { http: { method: 'POST' } },
  }) as unknown as APIGatewayProxyEventV2

describe('readBody, as API Gateway sends the body (text)', () => {
  it('parses JSON text, objects and primitives alike', () => {
    expect(readBody(event('{"code":"abc"}'))).toEqual({ ok: true, value: { code: 'abc' } })
    expect(readBody(event('false'))).toEqual({ ok: true, value: false })
    expect(readBody(event('0'))).toEqual({ ok: true, value: 0 })
    expect(readBody(event('"x"'))).toEqual({ ok: true, value: 'x' })
    expect(readBody(event('null'))).toEqual({ ok: true, value: null })
    expect(readBody(event('[]'))).toEqual({ ok: true, value: [] })
  })
  it('takes no body and an empty one as none', () => {
    expect(readBody(event(undefined))).toEqual({ ok: true, value: undefined })
    expect(readBody(event(''))).toEqual({ ok: true, value: undefined })
  })
  it('refuses text that is not JSON with request.malformedJson', () => {
    for (const text of ['{', 'x', 'undefined', "{'a':1}", '{"a":1}{"b":2}', ' '])
      expect(readBody(event(text)), text).toEqual({ ok: false, code: 'request.malformedJson' })
  })
  it('decodes a base64 body, and refuses one that is not JSON', () => {
    expect(readBody(event(Buffer.from('{"a":"楼"}').toString('base64'), true))).toEqual({
      ok: true,
      value: { a: '楼' },
    })
    expect(readBody(event(Buffer.from('not json').toString('base64'), true))).toEqual({
      ok: false,
      code: 'request.malformedJson',
    })
  })
  it('counts bytes, not characters, against the 64 KB limit', () => {
    const fits = `"${'a'.repeat(MAX_BODY_BYTES - 2)}"`
    expect(readBody(event(fits))).toMatchObject({ ok: true })
    expect(readBody(event(`"${'a'.repeat(MAX_BODY_BYTES - 1)}"`))).toEqual({ ok: false, code: 'request.tooLarge' })
    // 21,846 characters of three bytes each: under the limit in characters, over it in bytes
    expect(readBody(event(`"${'楼'.repeat(21_846)}"`))).toEqual({ ok: false, code: 'request.tooLarge' })
    expect(readBody(event(Buffer.from(fits.padEnd(MAX_BODY_BYTES + 1, ' ')).toString('base64'), true))).toEqual({
      ok: false,
      code: 'request.tooLarge',
    })
  })
  it('parses deep nesting without a fault (either a value or malformedJson)', () => {
    const deep = `${'['.repeat(30_000)}${']'.repeat(30_000)}`
    const r = readBody(event(deep))
    expect(r.ok || (!r.ok && r.code === 'request.malformedJson')).toBe(true)
  })
})

describe('readBody, as serverless offline sends the body (values)', () => {
  afterEach(() => {
    delete process.env.IS_OFFLINE
  })
  it('takes the values it passes as they are', () => {
    process.env.IS_OFFLINE = 'true'
    expect(readBody(event(false))).toEqual({ ok: true, value: false })
    expect(readBody(event(0))).toEqual({ ok: true, value: 0 })
    expect(readBody(event(true))).toEqual({ ok: true, value: true })
    expect(readBody(event({ code: 'abc' }))).toEqual({ ok: true, value: { code: 'abc' } })
    expect(readBody(event(null))).toEqual({ ok: true, value: undefined })
  })
  it('takes a JSON string’s value (it passes "x" as x), and still parses JSON text', () => {
    process.env.IS_OFFLINE = 'true'
    expect(readBody(event('x'))).toEqual({ ok: true, value: 'x' })
    expect(readBody(event('{"a":1}'))).toEqual({ ok: true, value: { a: 1 } })
  })
  it('treats a string that is not JSON as malformed when not offline', () => {
    expect(readBody(event('x'))).toEqual({ ok: false, code: 'request.malformedJson' })
    // a value passed by something other than offline is still a value, not a fault
    expect(readBody(event(false))).toEqual({ ok: true, value: false })
  })
})

describe('bearerToken: only `Authorization: Bearer <token>`', () => {
  const withAuth = (value: string, name = 'authorization') => event(undefined, false, { [name]: value })
  it('reads the token of the one declared form, under either header spelling', () => {
    expect(bearerToken(withAuth('Bearer abc.def'))).toBe('abc.def')
    expect(bearerToken(withAuth('Bearer abc.def', 'Authorization'))).toBe('abc.def')
  })
  it('tells no header (undefined) from a header in another form (null)', () => {
    expect(bearerToken(event(undefined))).toBeUndefined()
    expect(bearerToken(withAuth(''))).toBeUndefined()
    for (const v of [
      'abc.def',
      'bearer abc.def',
      'Bearer  abc.def',
      'Bearer abc.def ',
      'Bearer ',
      'Basic dXNlcjpwYXNz',
      'Bearer a b',
      'Bearer 楼',
    ])
      expect(bearerToken(withAuth(v)), v).toBeNull()
  })
})

describe('matchPath: path parameters', () => {
  const route = compilePath('/places/{placeType}/{placeId}')
  it('decodes each parameter', () => {
    expect(matchPath(route, '/places/building/B1')).toEqual({ placeType: 'building', placeId: 'B1' })
    expect(matchPath(route, `/places/building/${encodeURIComponent('楼 1')}`)).toEqual({
      placeType: 'building',
      placeId: '楼 1',
    })
    expect(matchPath(route, '/places/building/a%2Fb')).toEqual({ placeType: 'building', placeId: 'a/b' })
  })
  it('answers malformed for broken percent-encoding, and no match for an empty or extra segment', () => {
    for (const bad of ['%', '%zz', '%E6%A5']) expect(matchPath(route, `/places/building/${bad}`), bad).toBe('malformed')
    expect(matchPath(route, '/places/building/')).toBeUndefined()
    expect(matchPath(route, '/places/building/a/b')).toBeUndefined()
  })
})
