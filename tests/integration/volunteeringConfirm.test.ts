import { ulid } from 'ulid'
import { afterEach, describe, expect, it } from 'vitest'
import { residentAccount } from '../../functions/src/domain/ledger/model'
import { dynamoLedgerStore } from '../../functions/src/storage/ledger/ledger'
import { dynamoNoticeStore } from '../../functions/src/storage/notifications/notices'
import { call, expectOk } from '../helpers/factories'
import { tickAt } from '../helpers/deliberation'
import { activityBody, clock, makeVolunteerWorld, onSite, publish, siteCodeAt } from '../helpers/volunteering'

/*
 * After the end: credited time by the rule (early arrival, late departure, a missed check-out, a short stay), one
 * confirmation however often it is sent, hours and points once each, the roll-ups, the exports, and corrections
 * as adjusting records.
 */
const MIN = 60_000
const balance = async (communityId: string, userId: string) =>
  (await dynamoLedgerStore.heads(communityId, [residentAccount(userId)])).get(residentAccount(userId))?.balance ?? 0
const quarterOf = (iso: string) => {
  const d = new Date(Date.parse(iso) + 8 * 3600_000)
  return `${d.getUTCFullYear()}-Q${Math.ceil((d.getUTCMonth() + 1) / 3)}`
}

describe('confirming an activity', () => {
  afterEach(() => clock.restore())

  it('credits by the rule, once, however often the organiser confirms; records, roll-ups and exports follow', async () => {
    // Half hours, 60% attendance, 8 hours a day; a two-hour activity at 10 points an hour.
    const w = await makeVolunteerWorld({
      volunteers: 4,
      rule: { unitMinutes: 30, attendanceShare: 0.6, dailyCapHours: 8 },
    })
    const a = await publish(w.organiser.token, activityBody(w.communityId, Date.now(), { capacity: 10 }))
    const [early, late, missed, short] = w.volunteers as [
      (typeof w.volunteers)[0],
      (typeof w.volunteers)[0],
      (typeof w.volunteers)[0],
      (typeof w.volunteers)[0],
    ]
    for (const v of w.volunteers)
      expectOk(await call('POST', `/activities/${a.activityId}/sign-up`, { token: v.token }))
    const start = Date.parse(a.startAt)
    const end = Date.parse(a.endAt)
    const scan = async (v: { token: string }, what: 'check-in' | 'check-out', at: number) => {
      await clock.set(at)
      return expectOk(
        await call('POST', `/activities/${a.activityId}/${what}`, {
          token: v.token,
          body: { code: siteCodeAt(a.activityId, at), location: onSite() },
        }),
      )
    }
    await scan(early, 'check-in', start - 20 * MIN) // early arrival: counted from the start
    await scan(early, 'check-out', end - 15 * MIN) // 105 minutes → 90
    await scan(late, 'check-in', start)
    await scan(late, 'check-out', end + 40 * MIN) // late departure: counted to the end, 120
    await scan(missed, 'check-in', start + 5 * MIN) // never checks out: closed at the end, 115 → 90, unconfirmed
    await scan(short, 'check-in', start + 60 * MIN)
    await scan(short, 'check-out', start + 90 * MIN) // 30 of 120 minutes: under 60%, nothing

    // The scheduler starts and ends it, and closes the missing check-out at the scheduled end.
    await tickAt(new Date(end + 121 * MIN))
    await clock.set(end + 125 * MIN)
    const preview = expectOk(await call('GET', `/activities/${a.activityId}/attendance`, { token: w.organiser.token }))
    expect(preview.activity).toMatchObject({ status: 'ended', can: expect.arrayContaining(['confirm']) })
    const minutesOf = (rows: any[], v: { userId: string }) => rows.find((r) => r.userId === v.userId).credited
    expect(minutesOf(preview.rows, early)).toMatchObject({
      minutes: 90,
      points: 15,
      note: expect.stringContaining('提前到达'),
    })
    expect(minutesOf(preview.rows, late)).toMatchObject({
      minutes: 120,
      points: 20,
      note: expect.stringContaining('超时离开'),
    })
    expect(minutesOf(preview.rows, missed)).toMatchObject({
      minutes: 90,
      points: 15,
      note: expect.stringContaining('未签退'),
    })
    expect(minutesOf(preview.rows, short)).toMatchObject({
      minutes: 0,
      points: 0,
      note: expect.stringContaining('不足'),
    })
    expect(preview.rows.find((r: any) => r.userId === missed.userId).checkOut).toMatchObject({
      at: a.endAt,
      by: 'system',
      missed: true,
    })

    // Two confirmations at once: one wins, both answer the same, hours and points are credited once.
    const [c1, c2] = await Promise.all(
      [0, 1].map(() => call('POST', `/activities/${a.activityId}/confirm`, { token: w.organiser.token, body: {} })),
    )
    expect([c1!.status, c2!.status]).toEqual([200, 200])
    expect(c1!.body.activity.status).toBe('confirmed')
    expectOk(await call('POST', `/activities/${a.activityId}/confirm`, { token: w.organiser.token, body: {} }))
    await tickAt(new Date(end + 130 * MIN))
    for (const [v, pts] of [
      [early, 15],
      [late, 20],
      [missed, 15],
      [short, 0],
    ] as const) {
      expect(await balance(w.communityId, v.userId)).toBe(pts)
      expect((await dynamoLedgerStore.allEntries(w.communityId, residentAccount(v.userId))).length).toBe(
        pts > 0 ? 1 : 0,
      )
    }
    const mine = expectOk(await call('GET', '/me/service-records', { token: early.token }))
    expect(mine).toMatchObject({ minutes: 90, points: 15 })
    expect(mine.records).toEqual([
      expect.objectContaining({
        kind: 'service',
        volunteer: { userId: early.userId, name: '志愿者1', kind: 'member', unitName: '区税务局' },
        activityTitle: '楼道清理',
        place: '阳光花园1号楼',
        minutes: 90,
        points: 15,
        pointsState: 'credited',
        organiser: '周书记',
        recordingUnit: '测试社区',
        recordedBy: '周书记',
        startAt: a.startAt,
      }),
    ])
    expect(expectOk(await call('GET', '/me/service-records', { token: missed.token })).records[0].notes).toContain(
      '未签退，按活动结束时间计（待确认）',
    )
    const credited = (await dynamoNoticeStore.forSubject('activity', a.activityId)).filter(
      (n) => n.kind === 'hoursCredited',
    )
    expect(credited).toHaveLength(4)

    // Roll-ups from the counters: 300 minutes, 3 services, 1 activity; 4 members reported, 3 of them serving.
    const quarter = quarterOf(a.startAt)
    const stats = expectOk(
      await call('GET', `/volunteer-stats?scope=community&id=${w.communityId}&period=${quarter}`, {
        token: w.admin.token,
      }),
    )
    expect(stats.totals).toMatchObject({
      minutes: 300,
      services: 3,
      activities: 1,
      points: 50,
      members: 4,
      servingMembers: 3,
      serviceRate: 0.75,
    })
    expect(stats.units).toEqual([
      expect.objectContaining({ unitId: w.unit.unitId, minutes: 300, members: 4, servingMembers: 3 }),
    ])
    expect(stats.people.map((p: any) => p.minutes)).toEqual([120, 90, 90, 0])
    const unitStats = expectOk(
      await call('GET', `/volunteer-stats?scope=unit&id=${w.unit.unitId}&period=${quarter}`, { token: w.admin.token }),
    )
    expect(unitStats.totals).toMatchObject({ minutes: 300, activities: 1, members: 4, reportRate: 0.1 })
    // The street's and the city-wide figures come from counters too (all: the sum of 16 shards), never a scan.
    const street = expectOk(
      await call('GET', `/volunteer-stats?scope=street&id=${w.street.streetId}&period=${quarter}`, {
        token: w.admin.token,
      }),
    )
    expect(street.totals).toMatchObject({ minutes: 300, services: 3, activities: 1, members: 4, servingMembers: 3 })
    const all = expectOk(await call('GET', `/volunteer-stats?scope=all&period=${quarter}`, { token: w.admin.token }))
    expect(all.totals.minutes).toBeGreaterThanOrEqual(300)
    expect(all.totals.members).toBeGreaterThanOrEqual(4)
    expect(
      (
        await call('GET', `/volunteer-stats?scope=community&id=${w.communityId}&period=${quarter}`, {
          token: early.token,
        })
      ).body.error.code,
    ).toBe('auth.forbidden')

    const xlsx = await call('GET', `/communities/${w.communityId}/service-records/export?period=${quarter}`, {
      token: w.admin.token,
    })
    expect(xlsx.status).toBe(200)
    expect(
      Buffer.from(xlsx.raw.body as string, 'base64')
        .subarray(0, 2)
        .toString(),
    ).toBe('PK')
    const card = await call(
      'GET',
      `/communities/${w.communityId}/volunteer-units/${w.unit.unitId}/feedback-card?period=${quarter}`,
      { token: w.admin.token },
    )
    expect(card.headers['content-type']).toBe('application/pdf')
    expect(
      Buffer.from(card.raw.body as string, 'base64')
        .subarray(0, 4)
        .toString(),
    ).toBe('%PDF')
  })

  it('corrects a record by a new adjusting record, with the points moved either way', async () => {
    const w = await makeVolunteerWorld({
      volunteers: 2,
      rule: { unitMinutes: 30, attendanceShare: 0.6, dailyCapHours: 8 },
    })
    const a = await publish(w.organiser.token, activityBody(w.communityId, Date.now(), { capacity: 10 }))
    const [short, full] = w.volunteers as [(typeof w.volunteers)[0], (typeof w.volunteers)[0]]
    for (const v of w.volunteers)
      expectOk(await call('POST', `/activities/${a.activityId}/sign-up`, { token: v.token }))
    const start = Date.parse(a.startAt)
    const end = Date.parse(a.endAt)
    await clock.set(start)
    for (const v of w.volunteers)
      expectOk(
        await call('POST', `/activities/${a.activityId}/attendance/${v.userId}/proxy`, {
          token: w.organiser.token,
          body: { action: 'checkIn' },
        }),
      )
    await clock.set(start + 30 * MIN)
    expectOk(
      await call('POST', `/activities/${a.activityId}/attendance/${short.userId}/proxy`, {
        token: w.organiser.token,
        body: { action: 'checkOut' },
      }),
    )
    await clock.set(end)
    expectOk(
      await call('POST', `/activities/${a.activityId}/attendance/${full.userId}/proxy`, {
        token: w.organiser.token,
        body: { action: 'checkOut' },
      }),
    )
    await clock.set(end + 5 * MIN)
    expectOk(await call('POST', `/activities/${a.activityId}/confirm`, { token: w.organiser.token, body: {} }))
    const recordOf = async (v: { token: string }) =>
      expectOk(await call('GET', '/me/service-records', { token: v.token }))

    // The short stay's volunteer says they stayed to the end; the organiser agrees.
    const [r0] = (await recordOf(short)).records
    expect(r0).toMatchObject({ minutes: 0, notes: expect.arrayContaining(['签到由周书记代签', '签退由周书记代签']) })
    const ask = expectOk(
      await call('POST', `/service-records/${r0.recordId}/correction-requests`, {
        token: short.token,
        body: { requestId: ulid(), text: '我一直在现场，签退时手机没电了' },
      }),
    )
    expect(
      (
        await call('POST', `/service-records/${r0.recordId}/correction-requests`, {
          token: full.token,
          body: { requestId: ulid(), text: '不是我的' },
        })
      ).body.error.code,
    ).toBe('record.notFound')
    const queue = expectOk(
      await call('GET', `/activities/${a.activityId}/correction-requests`, { token: w.organiser.token }),
    ).items
    expect(queue).toEqual([expect.objectContaining({ requestId: ask.requestId, status: 'pending', name: '志愿者1' })])
    const answer = { decision: 'accept', checkInAt: a.startAt, checkOutAt: a.endAt, answer: '经核实在场至结束' }
    expectOk(
      await call('POST', `/correction-requests/${ask.requestId}/answer`, { token: w.organiser.token, body: answer }),
    )
    expect(
      (await call('POST', `/correction-requests/${ask.requestId}/answer`, { token: w.organiser.token, body: answer }))
        .body.error.code,
    ).toBe('correction.notPending')
    const after = await recordOf(short)
    expect(after).toMatchObject({ minutes: 120, points: 20 })
    expect(after.records.find((r: any) => r.kind === 'adjustment')).toMatchObject({
      minutes: 120,
      points: 20,
      adjusts: r0.recordId,
      reason: '经核实在场至结束',
      recordedBy: '周书记',
    })
    expect(after.corrections[0]).toMatchObject({ status: 'accepted', answer: '经核实在场至结束' })
    expect(await balance(w.communityId, short.userId)).toBe(20)

    // A correction downwards takes the points back, by a partial reversal on the ledger.
    const [f0] = (await recordOf(full)).records
    const down = expectOk(
      await call('POST', `/service-records/${f0.recordId}/correction-requests`, {
        token: full.token,
        body: { requestId: ulid(), text: '我提前半小时离开了' },
      }),
    )
    const half = new Date(start + 90 * MIN).toISOString()
    expectOk(
      await call('POST', `/correction-requests/${down.requestId}/answer`, {
        token: w.organiser.token,
        body: { ...answer, checkOutAt: half, answer: '按实际离开时间' },
      }),
    )
    expect(await recordOf(full)).toMatchObject({ minutes: 90, points: 15 })
    expect(await balance(w.communityId, full.userId)).toBe(15)
    const bad = await call('POST', `/correction-requests/${ask.requestId}/answer`, {
      token: w.organiser.token,
      body: { decision: 'maybe' },
    })
    expect([bad.status, bad.body.error.code]).toEqual([422, 'request.invalid'])
  })
})
