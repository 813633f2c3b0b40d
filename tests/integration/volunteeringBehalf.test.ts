import { ulid } from 'ulid'
import { afterEach, describe, expect, it } from 'vitest'
import { guestIdOf } from '../../functions/src/domain/volunteering/model'
import { dynamoNoticeStore } from '../../functions/src/storage/notifications/notices'
import { dynamoRecordStore } from '../../functions/src/storage/volunteering/records'
import { tickAt } from '../helpers/deliberation'
import { call, expectOk, makeUser } from '../helpers/factories'
import { activityBody, clock, dayToken, makeVolunteerWorld, onSite, publish, siteCodeAt } from '../helpers/volunteering'

/*
 * 代报名 and 取消活动 through the real handlers. The organiser signs up a resident found by name or room, or a
 * volunteer without WeChat by name and phone, through the same conditional append as a self sign-up (capacity and
 * the waiting list hold), checks them in and out, and confirms: hours credited once, the volunteer and the
 * organiser named in the record, points only where there is an account. A cancelled activity tells everyone on
 * its lists, refuses everything with `activity.cancelled`, and its scheduled work does nothing.
 */
const MIN = 60_000
const noticesOf = async (activityId: string) =>
  (await dynamoNoticeStore.forSubject('activity', activityId)).map((n) => ({ kind: n.kind, audience: n.audience }))

/** A resident bound in A1 (approved by the grid's worker), not registered as a volunteer: 张大爷 of 1-101. */
const boundResident = async (w: Awaited<ReturnType<typeof makeVolunteerWorld>>, name: string, room: string) => {
  const worker = await w.withRole('gridWorker', 'grid', w.gridId, '李网格')
  const user = await makeUser(name)
  const req = expectOk(
    await call('POST', '/bindings', { token: user.token, body: { buildingId: w.buildings.A1, unit: '1', room } }),
  )
  expectOk(
    await call('POST', `/bindings/${req.requestId}/decision`, { token: worker.token, body: { decision: 'approve' } }),
  )
  return { ...user, token: dayToken(user.userId) }
}

describe('signing up on behalf (代报名)', () => {
  afterEach(() => clock.restore())

  it('places by capacity then the waiting list in order, once per request, only by the organiser', async () => {
    const w = await makeVolunteerWorld({ volunteers: 1 })
    const elder = await boundResident(w, '张大爷', '101')
    const a = await publish(
      w.organiser.token,
      activityBody(w.communityId, Date.now(), { capacity: 2, audience: 'all' }),
    )
    const behalf = (volunteer: object, token = w.organiser.token, requestId = ulid()) =>
      call('POST', `/activities/${a.activityId}/sign-ups-on-behalf`, { token, body: { requestId, volunteer } })

    // The organiser finds him by name or by room, as 积分发放 does.
    for (const q of ['张大爷', '101'])
      expect(
        expectOk(
          await call('GET', `/activities/${a.activityId}/residents?q=${encodeURIComponent(q)}`, {
            token: w.organiser.token,
          }),
        ).items,
      ).toContainEqual({ userId: elder.userId, name: '张大爷', household: 'A1栋 1单元 101室' })

    expectOk(await call('POST', `/activities/${a.activityId}/sign-up`, { token: w.volunteers[0]!.token }))
    expectOk(await behalf({ kind: 'resident', userId: elder.userId }))
    const grannyId = ulid()
    const granny = { kind: 'guest', name: '王奶奶', phone: '13800001111' }
    expectOk(await behalf(granny, w.organiser.token, grannyId))
    const twice = expectOk(await behalf(granny, w.organiser.token, grannyId))
    const last = expectOk(await behalf({ kind: 'guest', name: '李爷爷', phone: '13800002222' }))
    expect(last.rows.map((r: any) => [r.name, r.state, r.position])).toEqual([
      ['志愿者1', 'placed', undefined],
      ['张大爷', 'placed', undefined],
      ['王奶奶', 'waiting', 1],
      ['李爷爷', 'waiting', 2],
    ])
    expect(twice.rows).toHaveLength(3)
    const rowOf = (name: string) => last.rows.find((r: any) => r.name === name)
    expect(rowOf('张大爷').signedUpBy).toMatchObject({ byName: '周书记' })
    expect(rowOf('王奶奶')).toMatchObject({ signedUpBy: { byName: '周书记' }, guest: { phone: '138****1111' } })
    expect(rowOf('志愿者1').signedUpBy).toBeUndefined()
    // The resident is told (his account may be read by his family); a volunteer without WeChat is told in person.
    const notices = await noticesOf(a.activityId)
    expect(notices).toContainEqual({ kind: 'signUpPlaced', audience: { kind: 'users', userIds: [elder.userId] } })
    expect(notices.filter((n) => n.kind === 'signUpWaiting')).toEqual([])

    // Only the organiser (or the community's leads) signs others up.
    expect((await behalf(granny, w.volunteers[0]!.token)).body.error.code).toBe('auth.forbidden')
    expect(
      (await call('GET', `/activities/${a.activityId}/residents?q=101`, { token: elder.token })).body.error.code,
    ).toBe('auth.forbidden')
    // Bad input: each a 4xx with its code, nothing changed.
    const bad: [object, number, string][] = [
      [{ kind: 'guest', name: '王奶奶', phone: '12345' }, 422, 'request.invalid'],
      [{ kind: 'guest', name: '', phone: '13800003333' }, 422, 'request.invalid'],
      [{ kind: 'someone' }, 422, 'request.invalid'],
      [{ kind: 'resident', userId: (await makeUser('外社区居民')).userId }, 404, 'volunteer.notResident'],
    ]
    for (const [volunteer, status, code] of bad) {
      const r = await behalf(volunteer)
      expect([r.status, r.body.error.code]).toEqual([status, code])
    }
    const badId = await call('POST', `/activities/${a.activityId}/sign-ups-on-behalf`, {
      token: w.organiser.token,
      body: { requestId: 'x', volunteer: granny },
    })
    expect([badId.status, badId.body.error.code]).toEqual([422, 'request.invalid'])
    const members = await publish(w.organiser.token, activityBody(w.communityId, Date.now()))
    const guestInMembers = await call('POST', `/activities/${members.activityId}/sign-ups-on-behalf`, {
      token: w.organiser.token,
      body: { requestId: ulid(), volunteer: granny },
    })
    expect(guestInMembers.body.error.code).toBe('volunteer.membersOnly')
    const after = expectOk(await call('GET', `/activities/${a.activityId}/attendance`, { token: w.organiser.token }))
    expect(after.rows).toHaveLength(4)
  })

  it('checks them in and out and credits the hours once, naming them and the organiser; no points without an account', async () => {
    const w = await makeVolunteerWorld({ volunteers: 0 })
    const elder = await boundResident(w, '张大爷', '102')
    const a = await publish(
      w.organiser.token,
      activityBody(w.communityId, Date.now(), { capacity: 5, audience: 'all' }),
    )
    const behalf = (volunteer: object) =>
      call('POST', `/activities/${a.activityId}/sign-ups-on-behalf`, {
        token: w.organiser.token,
        body: { requestId: ulid(), volunteer },
      })
    expectOk(await behalf({ kind: 'resident', userId: elder.userId }))
    const list = expectOk(await behalf({ kind: 'guest', name: '王奶奶', phone: '13800001111' }))
    const guestId = list.rows.find((r: any) => r.name === '王奶奶').userId
    expect(guestId).toBe(guestIdOf(w.communityId, '13800001111'))

    const start = Date.parse(a.startAt)
    const end = Date.parse(a.endAt)
    const proxy = (userId: string, action: string) =>
      call('POST', `/activities/${a.activityId}/attendance/${userId}/proxy`, {
        token: w.organiser.token,
        body: { action },
      })
    await clock.set(start - 10 * MIN)
    for (const id of [elder.userId, guestId]) expectOk(await proxy(id, 'checkIn'))
    await clock.set(end + 5 * MIN)
    for (const id of [elder.userId, guestId]) expectOk(await proxy(id, 'checkOut'))
    const confirm = () =>
      call('POST', `/activities/${a.activityId}/confirm`, { token: w.organiser.token, body: { excluded: [] } })
    const [first, second] = await Promise.all([confirm(), confirm()])
    expectOk(first)
    expectOk(second)
    expectOk(await confirm())

    const records = expectOk(await call('GET', '/me/service-records', { token: elder.token })).records
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({
      volunteer: { userId: elder.userId, name: '张大爷', kind: 'volunteer' },
      minutes: 120,
      points: 20,
      organiser: '周书记',
      recordedBy: '周书记',
      notes: expect.arrayContaining(['由周书记代报名', '签到由周书记代签', '签退由周书记代签']),
    })
    expect(expectOk(await call('GET', '/me/points', { token: elder.token })).balance).toBe(20)

    const guestRecords = await dynamoRecordStore.forUser(guestId)
    expect(guestRecords).toHaveLength(1)
    expect(guestRecords[0]).toMatchObject({
      volunteer: { userId: guestId, name: '王奶奶', guest: true },
      minutes: 120,
      points: 0,
      pointsState: 'none',
      recordedBy: '周书记',
      notes: expect.arrayContaining([
        '由周书记代报名（无微信账号）',
        '签到由周书记代签',
        '无微信账号，只记时长不计积分',
      ]),
    })
    const rows = expectOk(
      await call('GET', `/activities/${a.activityId}/attendance`, { token: w.organiser.token }),
    ).rows
    expect(rows.find((r: any) => r.userId === guestId)).toMatchObject({
      credited: { minutes: 120, points: 0 },
      points: 'none',
    })
    expect(rows.find((r: any) => r.userId === elder.userId)).toMatchObject({
      credited: { minutes: 120, points: 20 },
      points: 'credited',
    })
    // Nobody tells a volunteer without an account; the resident is told once.
    const credited = (await noticesOf(a.activityId)).filter((n) => n.kind === 'hoursCredited')
    expect(credited).toEqual([{ kind: 'hoursCredited', audience: { kind: 'users', userIds: [elder.userId] } }])
  })
})

describe('cancelling an activity (取消活动)', () => {
  afterEach(() => clock.restore())

  it('tells everyone on the lists once, refuses sign-up and check-in with activity.cancelled, and its schedule does nothing', async () => {
    const w = await makeVolunteerWorld({ volunteers: 4 })
    const [v1, v2, v3, v4] = w.volunteers as [
      (typeof w.volunteers)[0],
      (typeof w.volunteers)[0],
      (typeof w.volunteers)[0],
      (typeof w.volunteers)[0],
    ]
    // Three hours ahead, so a reminder (two hours before) is scheduled.
    const a = await publish(w.organiser.token, activityBody(w.communityId, Date.now(), { capacity: 2 }, 180))
    for (const v of [v1, v2, v3])
      expectOk(await call('POST', `/activities/${a.activityId}/sign-up`, { token: v.token }))
    const cancel = (token: string, reason: unknown = '暴雨预警，活动取消，改期另行通知') =>
      call('POST', `/activities/${a.activityId}/cancel`, { token, body: { reason } })

    expect((await cancel(v1.token)).body.error.code).toBe('auth.forbidden')
    const empty = await cancel(w.organiser.token, '  ')
    expect([empty.status, empty.body.error.code]).toEqual([422, 'request.invalid'])
    const long = await cancel(w.organiser.token, '雨'.repeat(101))
    expect([long.status, long.body.error.code]).toEqual([422, 'request.invalid'])
    expect(expectOk(await call('GET', `/activities/${a.activityId}`, { token: v1.token })).status).toBe('full')

    const done = expectOk(await cancel(w.organiser.token))
    expect(done).toMatchObject({
      status: 'cancelled',
      cancelled: { byName: '周书记', reason: '暴雨预警，活动取消，改期另行通知' },
    })
    expect(done.can).toEqual(['manage'])
    // A second cancel changes nothing (the first reason stays, nobody is told twice).
    expect(expectOk(await cancel(w.organiser.token, '又一次')).cancelled.reason).toBe(done.cancelled.reason)
    const told = (await noticesOf(a.activityId)).filter((n) => n.kind === 'activityCancelled')
    expect(told).toEqual([
      { kind: 'activityCancelled', audience: { kind: 'users', userIds: [v1.userId, v2.userId, v3.userId] } },
    ])

    const refused = async (r: Promise<any>) => {
      const x = await r
      return [x.status, x.body.error.code]
    }
    const cancelled = [409, 'activity.cancelled']
    expect(await refused(call('POST', `/activities/${a.activityId}/sign-up`, { token: v4.token }))).toEqual(cancelled)
    expect(await refused(call('DELETE', `/activities/${a.activityId}/sign-up`, { token: v1.token }))).toEqual(cancelled)
    expect(
      await refused(
        call('POST', `/activities/${a.activityId}/sign-ups-on-behalf`, {
          token: w.organiser.token,
          body: { requestId: ulid(), volunteer: { kind: 'guest', name: '王奶奶', phone: '13800001111' } },
        }),
      ),
    ).toEqual(cancelled)
    expect(
      await refused(call('PATCH', `/activities/${a.activityId}`, { token: w.organiser.token, body: { capacity: 5 } })),
    ).toEqual(cancelled)

    const start = Date.parse(a.startAt)
    const end = Date.parse(a.endAt)
    // The reminder two hours ahead comes due: nothing is sent.
    await tickAt(new Date(start - 2 * 3600_000 + MIN))
    await clock.set(start - 20 * MIN)
    const t = start - 20 * MIN
    expect(
      await refused(
        call('POST', `/activities/${a.activityId}/check-in`, {
          token: v1.token,
          body: { code: siteCodeAt(a.activityId, t), location: onSite() },
        }),
      ),
    ).toEqual(cancelled)
    expect(
      await refused(
        call('POST', `/activities/${a.activityId}/attendance/${v1.userId}/proxy`, {
          token: w.organiser.token,
          body: { action: 'checkIn' },
        }),
      ),
    ).toEqual(cancelled)
    // Start, end and the closing of check-outs come due: the activity stays 已取消, nobody is asked to confirm.
    await tickAt(new Date(end + 130 * MIN))
    await clock.set(end + 10 * MIN)
    const later = expectOk(await call('GET', `/activities/${a.activityId}`, { token: w.organiser.token }))
    expect([later.status, later.can]).toEqual(['cancelled', ['manage']])
    expect(
      await refused(
        call('POST', `/activities/${a.activityId}/confirm`, { token: w.organiser.token, body: { excluded: [] } }),
      ),
    ).toEqual(cancelled)
    const kinds = (await noticesOf(a.activityId)).map((n) => n.kind)
    expect(kinds.filter((k) => ['reminder', 'confirmDue', 'hoursCredited'].includes(k))).toEqual([])
    const list = expectOk(await call('GET', `/activities/${a.activityId}/attendance`, { token: w.organiser.token }))
    expect(list.rows.every((r: any) => !r.checkIn && r.credited.minutes === 0)).toBe(true)
    expect(await dynamoRecordStore.forUser(v1.userId)).toEqual([])
  })
})
