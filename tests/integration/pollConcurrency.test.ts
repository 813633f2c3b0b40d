import { BatchPutRequest, BatchWriteCommand, executeBatchWrite, UpdateItemCommand } from 'dynamodb-toolbox'
import { ulid } from 'ulid'
import { describe, expect, it } from 'vitest'
import { MembershipEntity, UserEntity } from '../../functions/src/storage/identity/users'
import { HouseholdEntity } from '../../functions/src/storage/structure/places'
import { GridLinkTable } from '../../functions/src/storage/table'
import { dynamoStructureStore } from '../../functions/src/storage/structure/store'
import { call, expectOk, tokenFor } from '../helpers/factories'
import { makeDeliberationWorld, propose, tickAt } from '../helpers/deliberation'

const HOUSEHOLDS = Number(process.env.POLL_HOUSEHOLDS ?? 2000)
const SECOND_MEMBERS = Math.floor(HOUSEHOLDS / 5) // every fifth household has a second member racing the representative
const DOUBLE_TAPS = Math.floor(HOUSEHOLDS / 10) // and some representatives send their vote twice at once

/** Runs `tasks` with at most `limit` in flight: "at once", within what one process can hold open. */
const pool = async <T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> => {
  const results: T[] = new Array(tasks.length)
  let next = 0
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) {
        const i = next++
        results[i] = await tasks[i]!()
      }
    }),
  )
  return results
}

const batchPut = async (requests: any[]) => {
  for (let i = 0; i < requests.length; i += 25)
    await executeBatchWrite(
      { maxAttempts: 10 },
      GridLinkTable.build(BatchWriteCommand).requests(...(requests.slice(i, i + 25) as [any])),
    )
}

describe('one household, one vote, under load', () => {
  it(`counts ${HOUSEHOLDS} households voting at once exactly once each, with members racing`, async () => {
    const w = await makeDeliberationWorld({ households: 1, secondsNeeded: 0 })
    // A tower block of its own: HOUSEHOLDS registered rooms, registered through the API.
    const tower = expectOk(
      await call('POST', `/compounds/${w.compoundB}/buildings`, { token: w.admin.token, body: { name: '幸福大厦' } }),
    ).buildingId as string
    const rooms = Array.from({ length: HOUSEHOLDS }, (_, i) => ({
      unit: String(1 + Math.floor(i / 400)),
      room: String(1000 + (i % 400)),
    }))
    await pool(
      Array.from(
        { length: Math.ceil(rooms.length / 200) },
        (_, k) => () =>
          call('POST', `/buildings/${tower}/households`, {
            token: w.admin.token,
            body: { households: rooms.slice(k * 200, k * 200 + 200) },
          }).then(expectOk),
      ),
      4,
    )
    const head = await w.withRole('buildingHead', 'building', tower, '大厦楼长')
    const households = await dynamoStructureStore.listHouseholdAddresses(tower)
    expect(households).toHaveLength(HOUSEHOLDS)

    // Residents bound in bulk (the binding flow itself is tested elsewhere): a representative per household. Each has
    // the WeChat openid a login gives, which content safety checks a proposal's text against.
    const reps = households.map((h) => ({ userId: ulid(), householdId: h.householdId, unit: h.unit, room: h.room }))
    const seconds = reps.slice(0, SECOND_MEMBERS).map((r) => ({ ...r, userId: ulid() }))
    await batchPut(
      [...reps, ...seconds].map((u) =>
        UserEntity.build(BatchPutRequest).item({
          userId: u.userId,
          displayName: `住户${u.room}`,
          openid: `load-${u.userId}`,
        }),
      ),
    )
    await batchPut(
      [...reps, ...seconds].map((u) =>
        MembershipEntity.build(BatchPutRequest).item({
          userId: u.userId,
          householdId: u.householdId,
          buildingId: tower,
          buildingName: '幸福大厦',
          unit: u.unit,
          room: u.room,
        }),
      ),
    )
    await pool(
      reps.map(
        (r) => () =>
          HouseholdEntity.build(UpdateItemCommand)
            .item({ householdId: r.householdId, representativeUserId: r.userId, memberCount: SECOND_MEMBERS })
            .send(),
      ),
      32,
    )

    // A matter of the tower, accepted, and a poll over its households.
    const proposer = reps[0]!
    const m = expectOk(await propose(tokenFor(proposer.userId), { type: 'building', id: tower }))
    expectOk(
      await call('POST', `/matters/${m.matterId}/review`, {
        token: w.committee.token,
        body: { decision: 'accept', triage: 'small', responsibleParty: { organisationId: w.orgs.property } },
      }),
    )
    const closesAt = new Date(Date.now() + 40 * 86_400_000)
    const opened = expectOk(
      await call('POST', `/matters/${m.matterId}/poll`, {
        token: head.token,
        body: {
          options: ['同意', '不同意', '弃权'],
          opensAt: new Date().toISOString(),
          closesAt: closesAt.toISOString(),
          secret: true,
          rule: { minTurnout: 0.5, passShare: 0.5, passOption: 0 },
        },
      }),
    )
    expect(opened.poll.electorate).toBe(HOUSEHOLDS)
    const pollId = opened.poll.pollId

    // Everyone at once: every representative, every second member, and a second tap from some representatives.
    const option = (i: number) => (i % 10 < 6 ? 0 : i % 10 < 9 ? 1 : 2)
    const attempts = [
      ...reps.map((r, i) => ({ userId: r.userId, householdId: r.householdId, option: option(i) })),
      ...seconds.map((s, i) => ({ userId: s.userId, householdId: s.householdId, option: option(i + 1) })),
      ...reps
        .slice(0, DOUBLE_TAPS)
        .map((r, i) => ({ userId: r.userId, householdId: r.householdId, option: option(i) })),
    ].sort(() => Math.random() - 0.5)
    const started = Date.now()
    const results = await pool(
      attempts.map(
        (a) => () =>
          call('POST', `/polls/${pollId}/votes`, { token: tokenFor(a.userId), body: { option: a.option } }).then(
            (res) => ({ ...a, res }),
          ),
      ),
      64,
    )
    console.log(`${attempts.length} vote attempts in ${((Date.now() - started) / 1000).toFixed(1)} s`)

    const accepted = results.filter((r) => r.res.status === 201)
    const codes = new Map<string, number>()
    for (const r of results)
      if (r.res.status !== 201) codes.set(r.res.body.error.code, (codes.get(r.res.body.error.code) ?? 0) + 1)
    // No 500s, only the refusals that belong here.
    expect([...codes.keys()].sort()).toEqual(['vote.already', 'vote.notRepresentative'])
    expect(codes.get('vote.notRepresentative')).toBe(SECOND_MEMBERS)
    expect(codes.get('vote.already')).toBe(DOUBLE_TAPS)
    // Every household's vote accepted once, by its representative.
    expect(accepted).toHaveLength(HOUSEHOLDS)
    expect(new Set(accepted.map((r) => r.res.body.householdId)).size).toBe(HOUSEHOLDS)
    expect(accepted.every((r) => reps.some((rep) => rep.userId === r.userId))).toBe(true)

    // While open, the turnout shown equals the households accepted (how they voted stays hidden).
    const open = expectOk(await call('GET', `/matters/${m.matterId}`, { token: w.committee.token }))
    expect(open.poll.votedHouseholds).toBe(HOUSEHOLDS)
    expect(open.poll.result).toBeUndefined()

    // At close, the tally equals the votes accepted, option by option.
    await tickAt(new Date(closesAt.getTime() + 2 * 60_000))
    const closed = expectOk(await call('GET', `/matters/${m.matterId}`, { token: w.committee.token }))
    const expectedCounts = [0, 1, 2].map((o) => accepted.filter((r) => r.option === o).length)
    expect(closed.poll.result.counts).toEqual(expectedCounts)
    expect(closed.poll.result.ballots).toBe(HOUSEHOLDS)
    expect(closed.status).toBe('awaitingResolution')
  }, 600_000)
})
