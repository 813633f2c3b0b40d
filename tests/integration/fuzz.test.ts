import fc from 'fast-check'
import { ulid } from 'ulid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allRoutes } from '../../contracts'
import type { RouteContract } from '../../contracts/common'
import { errorCatalog, isErrorCode } from '../../contracts/errors'
import { signToken } from '../../functions/src/domain/identity/sessionToken'
import { routeFor } from '../../scripts/lib/invoke'
import { makeDeliberationWorld, propose, tickAt, uploadPhoto } from '../helpers/deliberation'
import { call, expectOk, makeUser } from '../helpers/factories'
import { fixedRequestsFor, nastyStrings, requestsFor, type FuzzRequest, type FuzzWorld } from '../helpers/fuzzRequests'

/*
 * Property-based fuzzing of the whole API through the real handlers on DynamoDB Local. For every route of
 * contracts/index.ts `allRoutes` (new routes are picked up as they land), requests are generated from the route's
 * own schemas, valid and mutated (tests/helpers/fuzzRequests.ts), with and without a real session token. Whatever
 * is sent: never a fault of ours (5xx other than those the contract documents, such as card.fontMissing), every
 * error in the one shape with a code the route's contract lists, and every success in the shape it documents.
 *
 * CI runs a fixed seed and a modest number of runs; `npm run fuzz` runs more with a fresh seed:
 * FUZZ_RUNS (requests per route, generated), FUZZ_SEED (a number to replay a run, or `random`).
 */
const runs = Number(process.env.FUZZ_RUNS ?? 20)
const seed =
  process.env.FUZZ_SEED === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FUZZ_SEED ?? 20260601)
const routes = Object.values(allRoutes).flatMap((group) => Object.values(group as Record<string, RouteContract>))
/** Each route its own stream, so one route's failure replays alone with the same seed. */
const seedFor = (operationId: string) => [...operationId].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, seed)

let world: FuzzWorld
let ids: Record<string, string[]>
let validToken: Record<string, string>

/** What each route answered (status or error code → count), printed with FUZZ_STATS=1 to see how deep the requests reach. */
const answered = new Map<string, Map<string, number>>()
const tally = (operationId: string, outcome: string) => {
  const counts = answered.get(operationId) ?? new Map<string, number>()
  answered.set(operationId, counts.set(outcome, (counts.get(outcome) ?? 0) + 1))
}

/**
 * Ids the API hands out (`activityId`, `wishId`, `redemptionId`, … in any success body) join the real ids, so a
 * capability's later routes reach the items its earlier routes made, without this file knowing the capability.
 */
const harvest = (value: unknown, depth = 0) => {
  if (depth > 6 || typeof value !== 'object' || value === null) return
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string' && /Id$/.test(key) && /^[0-9A-Za-z_-]{1,64}$/.test(v)) {
      const pool = (ids[key] ??= [])
      if (pool.length < 6 && !pool.includes(v)) pool.push(v)
    } else harvest(v, depth + 1)
  }
}

/** One request, checked beyond what `call` checks (the error shape, a listed code, no 500). */
const send = async (route: RouteContract, r: FuzzRequest) => {
  const res = await call(route.method, r.path, {
    query: r.query,
    headers: r.headers,
    ...(r.rawBody === undefined ? {} : { rawBody: r.rawBody }),
  }).catch((e: Error) => {
    throw new Error(`${route.operationId} (${r.label}): ${e.message.slice(0, 2000)}`)
  })
  const where = `${route.method} ${r.path.slice(0, 200)} (${r.label})`
  tally(route.operationId, res.status >= 400 ? String(res.body?.error?.code) : String(res.status))
  if (res.status >= 400) {
    const { error, ...rest } = res.body as { error: { code: string; message: string } }
    expect(Object.keys(rest), where).toEqual([])
    expect(
      Object.keys(error).filter((k) => !['code', 'message', 'details', 'requestId'].includes(k)),
      where,
    ).toEqual([])
    const code = error.code
    expect(
      isErrorCode(code) && res.status === errorCatalog[code].status && error.message === errorCatalog[code].message,
      `${where}: ${res.status} ${code}`,
    ).toBe(true)
    const served = routeFor(route.method, r.path).contract
    // A 5xx only where the contract says so: a fault of ours is a bug, whatever the request.
    if (res.status >= 500) expect(served?.errors ?? [], `${where}: ${res.status} ${code}`).toContain(code)
  } else if (!route.binary) {
    harvest(res.body)
    const parsed = route.response.safeParse(res.body)
    expect(
      parsed.success,
      `${where}: the success body does not match the contract: ${parsed.error?.message.slice(0, 500)}`,
    ).toBe(true)
  }
  return res
}

describe('fuzzing every route', () => {
  beforeAll(async () => {
    console.log(
      `fuzz: seed ${seed} (FUZZ_SEED=${seed} replays it), ${runs} generated requests per route, ${routes.length} routes`,
    )
    const w = await makeDeliberationWorld({ households: 3, secondsNeeded: 1 })
    const [rep, neighbour, third] = w.residents
    const outsider = await makeUser('外来居民')
    const applicant = await makeUser('申请人')
    const request = expectOk(
      await call('POST', '/bindings', {
        token: applicant.token,
        body: { buildingId: w.buildings.B1, unit: '1', room: '101' },
      }),
    )
    const A1 = { type: 'building', id: w.buildings.A1 }
    const seconding = expectOk(await propose(rep!.token, A1)).matterId as string
    const accepted = expectOk(await propose(rep!.token, A1)).matterId as string
    expectOk(await call('POST', `/matters/${accepted}/seconds`, { token: neighbour!.token }))
    const review = { decision: 'accept', triage: 'major', responsibleParty: { organisationId: w.orgs.property } }
    expectOk(await call('POST', `/matters/${accepted}/review`, { token: w.committee.token, body: review }))
    const polled = expectOk(await propose(third!.token, A1)).matterId as string
    expectOk(await call('POST', `/matters/${polled}/seconds`, { token: neighbour!.token }))
    expectOk(await call('POST', `/matters/${polled}/review`, { token: w.committee.token, body: review }))
    const poll = expectOk(
      await call('POST', `/matters/${polled}/poll`, {
        token: w.head.token,
        body: {
          options: ['同意', '不同意'],
          opensAt: new Date().toISOString(),
          closesAt: new Date(Date.now() + 3_600_000).toISOString(),
          secret: true,
          rule: { minTurnout: 0.5, passShare: 0.5 },
        },
      }),
    )
    const card = expectOk(await call('GET', `/grids/${w.gridId}/card-code`, { token: w.admin.token }))
    const photo = await uploadPhoto(rep!.token)

    const users = [w.admin, w.committee, w.head, w.property, ...w.residents, outsider, applicant]
    ids = {
      streetId: [w.street.streetId],
      communityId: [w.communityId],
      compoundId: [w.compoundA, w.compoundB],
      buildingId: Object.values(w.buildings),
      gridId: [w.gridId],
      householdId: w.residents.map((r) => r.householdId),
      userId: users.map((u) => u.userId),
      requestId: [request.requestId],
      matterId: [seconding, accepted, polled],
      pollId: [poll.poll.pollId],
      code: [card.code],
      categoryId: ['shared-facilities', 'against-law'],
      key: ['representative', 'committee'],
    }
    ids.placeId = [...ids.communityId!, ...ids.compoundId!, ...ids.buildingId!]
    world = {
      // Real values where the key names them (`buildingIds` takes building ids), any real id for another `…Id`, and nasty strings anywhere.
      hint: (key) => {
        const own =
          key === 'photoKeys' || key === 'photoKey'
            ? [photo]
            : key
              ? (ids[key] ?? ids[key.replace(/s$/, '')])
              : undefined
        return [
          { values: own ?? (key && /Ids?$/.test(key) ? Object.values(ids).flat() : []), weight: 6 },
          { values: nastyStrings, weight: 1 },
        ]
      },
      auth: [],
    }
    const secret = process.env.SESSION_SECRET!
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
    const tokens = {
      admin: w.admin.token,
      committee: w.committee.token,
      head: w.head.token,
      representative: rep!.token,
      outsider: outsider.token,
    }
    const broken: { label: string; headers: Record<string, string> }[] = [
      { label: 'no token', headers: {} },
      { label: 'a token without the Bearer scheme', headers: { authorization: rep!.token } },
      { label: 'lowercase bearer', headers: { authorization: `bearer ${rep!.token}` } },
      { label: 'Bearer and two spaces', headers: { authorization: `Bearer  ${rep!.token}` } },
      { label: 'a trailing space', headers: { authorization: `Bearer ${rep!.token} ` } },
      { label: 'Bearer alone', headers: { authorization: 'Bearer ' } },
      { label: 'Basic credentials', headers: { authorization: 'Basic dXNlcjpwYXNz' } },
      { label: 'a forged token', headers: bearer(rep!.token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))) },
      {
        label: 'an expired token',
        headers: bearer(signToken(secret, rep!.userId, new Date(Date.now() - 86_400_000), 60).token),
      },
      { label: 'a signed token of nobody', headers: bearer(signToken(secret, ulid(), new Date(), 3600).token) },
      {
        label: 'a signed token of "constructor"',
        headers: bearer(signToken(secret, 'constructor', new Date(), 3600).token),
      },
      { label: 'a 10 KB token', headers: bearer('x'.repeat(10_000)) },
    ]
    // Mostly real callers, so requests reach the use cases; a third of the time no token or a broken one.
    world.auth = [
      ...Object.entries(tokens).map(([who, token]) => ({ label: `${who}'s token`, headers: bearer(token), weight: 6 })),
      {
        label: "the admin's token, the header capitalised",
        headers: { Authorization: `Bearer ${w.admin.token}` },
        weight: 2,
      },
      ...broken.map((b) => ({ ...b, weight: 1 })),
    ]
    validToken = bearer(w.admin.token)
  }, 120_000)

  it('serves every route of the contracts (a route no handler serves cannot be fuzzed)', () => {
    const unserved = routes
      .filter((r) => routeFor(r.method, r.path.replace(/\{\w+\}/g, 'x')).contract !== r)
      .map((r) => `${r.method} ${r.path}`)
    expect(unserved).toEqual([])
  })

  for (const route of routes) {
    it(
      `${route.operationId}: ${route.method} ${route.path}`,
      async () => {
        const validPath = route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
          encodeURIComponent(ids[name]?.[0] ?? 'x'),
        )
        for (const r of fixedRequestsFor(route, { path: validPath, token: validToken })) await send(route, r)
        await fc.assert(
          fc.asyncProperty(requestsFor(route, world), async (r) => {
            await send(route, r)
          }),
          // A PDF takes a second to print: the card routes (one id in the path, no body) get a fifth of the runs.
          { seed: seedFor(route.operationId), numRuns: route.binary ? Math.ceil(runs / 5) : runs, endOnFailure: true },
        )
      },
      Math.max(60_000, runs * 1_000),
    )
  }

  // The fuzzed requests queued notices and due work: they run now, and none may fail.
  afterAll(async () => {
    if (process.env.FUZZ_STATS)
      for (const [op, counts] of answered)
        console.log(
          `${op}: ${[...counts]
            .sort((a, b) => b[1] - a[1])
            .map(([k, n]) => `${k} ${n}`)
            .join(', ')}`,
        )
    const report = await tickAt(new Date(Date.now() + 400 * 86_400_000))
    expect(report.failed).toEqual([])
  }, 120_000)
})
