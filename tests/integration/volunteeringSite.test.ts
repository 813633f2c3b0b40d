import { afterEach, describe, expect, it } from 'vitest'
import { dynamoAttendanceStore } from '../../functions/src/storage/volunteering/attendance'
import { call, expectOk, makeUser } from '../helpers/factories'
import { activityBody, clock, dayToken, makeVolunteerWorld, onSite, publish, siteCodeAt } from '../helpers/volunteering'

/*
 * 实地报到 through the real handlers: the organiser's rotating code, the phone's location and its accuracy. Every
 * refusal leaves the attendance as it was and is logged for the organiser; a second check-in changes nothing.
 */
const MIN = 60_000

describe('checking in on site', () => {
  afterEach(() => clock.restore())

  it('refuses an old code, another activity’s code, a place outside the radius and a vague location, writing no attendance', async () => {
    const w = await makeVolunteerWorld({ volunteers: 2 })
    const now = Date.now()
    const a = await publish(w.organiser.token, activityBody(w.communityId, now))
    const other = await publish(w.organiser.token, activityBody(w.communityId, now))
    const [v, proxied] = w.volunteers as [(typeof w.volunteers)[0], (typeof w.volunteers)[0]]
    for (const x of [v, proxied])
      expectOk(await call('POST', `/activities/${a.activityId}/sign-up`, { token: x.token }))
    const start = Date.parse(a.startAt)
    const t = start - 20 * MIN
    await clock.set(t)
    const scan = (code: string, location = onSite(), token = v.token) =>
      call('POST', `/activities/${a.activityId}/check-in`, { token, body: { code, location } })

    const refusals: [string, Promise<any>][] = [
      ['checkin.codeExpired', scan(siteCodeAt(a.activityId, t, 2))],
      ['checkin.wrongActivity', scan(siteCodeAt(other.activityId, t))],
      // About 1.1 km north of the point; the radius is 100 m.
      ['checkin.outside', scan(siteCodeAt(a.activityId, t), onSite({ latitude: 22.5531 }))],
      ['checkin.inaccurate', scan(siteCodeAt(a.activityId, t), onSite({ accuracy: 150 }))],
      ['checkin.badCode', scan(siteCodeAt(a.activityId, t).slice(0, -3) + 'xyz')],
    ]
    for (const [code, res] of refusals) {
      const r = await res
      expect([r.status, r.body.error.code]).toEqual([422, code])
    }
    expect(await dynamoAttendanceStore.get(a.activityId, v.userId)).toBeUndefined()
    expect(expectOk(await call('GET', `/activities/${a.activityId}`, { token: v.token })).me).toEqual({
      state: 'placed',
    })

    // Someone who did not sign up, with a good code, is refused too.
    const stranger = await makeUser('路人')
    const st = dayToken(stranger.userId)
    expect((await scan(siteCodeAt(a.activityId, t), onSite(), st)).body.error.code).toBe('checkin.notSignedUp')
    expect(await dynamoAttendanceStore.get(a.activityId, stranger.userId)).toBeUndefined()

    // The organiser sees who was refused, most often first.
    const list = expectOk(await call('GET', `/activities/${a.activityId}/attendance`, { token: w.organiser.token }))
    expect(list.refusals[0]).toMatchObject({ userId: v.userId, count: 5, lastReason: expect.any(String) })
    expect(list.refusals).toContainEqual(
      expect.objectContaining({ userId: stranger.userId, count: 1, lastReason: '未报名或仍在候补' }),
    )

    // The code of the window before (the turn of the window) is good; a second check-in changes nothing.
    const inAt = expectOk(await scan(siteCodeAt(a.activityId, t, 1), onSite({ latitude: 22.5435, accuracy: 30 }))).me
      .checkInAt
    expect(inAt).toBe(new Date(t).toISOString())
    await clock.set(t + 5 * MIN)
    expect(expectOk(await scan(siteCodeAt(a.activityId, t + 5 * MIN))).me.checkInAt).toBe(inAt)
    const stored = await dynamoAttendanceStore.get(a.activityId, v.userId)
    expect(stored?.checkIn).toMatchObject({ at: inAt, by: 'self', location: { accuracy: 30, distance: 44 } })

    // A check-out before the check-in is refused; the organiser checks in the volunteer without a smartphone, by name.
    const early = await call('POST', `/activities/${a.activityId}/check-out`, {
      token: proxied.token,
      body: { code: siteCodeAt(a.activityId, t + 5 * MIN), location: onSite() },
    })
    expect(early.body.error.code).toBe('checkin.notCheckedIn')
    const proxy = expectOk(
      await call('POST', `/activities/${a.activityId}/attendance/${proxied.userId}/proxy`, {
        token: w.organiser.token,
        body: { action: 'checkIn' },
      }),
    )
    expect(proxy.rows.find((r: any) => r.userId === proxied.userId).checkIn).toMatchObject({
      by: 'proxy',
      byName: '周书记',
    })
    expect(
      (
        await call('POST', `/activities/${a.activityId}/attendance/${proxied.userId}/proxy`, {
          token: v.token,
          body: { action: 'checkOut' },
        })
      ).body.error.code,
    ).toBe('auth.forbidden')
    expect(
      (
        await call('POST', `/activities/${a.activityId}/attendance/${stranger.userId}/proxy`, {
          token: w.organiser.token,
          body: { action: 'checkIn' },
        })
      ).body.error.code,
    ).toBe('checkin.notSignedUp')

    // Check-out: the same code rules; a second one changes nothing.
    const end = Date.parse(a.endAt)
    await clock.set(end + 10 * MIN)
    const out = expectOk(
      await call('POST', `/activities/${a.activityId}/check-out`, {
        token: v.token,
        body: { code: siteCodeAt(a.activityId, end + 10 * MIN), location: onSite() },
      }),
    )
    expect(out.me.checkOutAt).toBe(new Date(end + 10 * MIN).toISOString())
    await clock.set(end + 11 * MIN)
    const again = expectOk(
      await call('POST', `/activities/${a.activityId}/check-out`, {
        token: v.token,
        body: { code: 'anything', location: onSite() },
      }),
    )
    expect(again.me.checkOutAt).toBe(out.me.checkOutAt)
    // Past the check-out window (two hours after the end) the site is closed.
    await clock.set(end + 121 * MIN)
    const late = await call('POST', `/activities/${a.activityId}/check-out`, {
      token: proxied.token,
      body: { code: siteCodeAt(a.activityId, end + 121 * MIN), location: onSite() },
    })
    expect(late.body.error.code).toBe('checkin.notOpen')
  })

  it('shows the organiser a code that changes every 30 seconds, and only to them', async () => {
    const w = await makeVolunteerWorld({ volunteers: 1 })
    const a = await publish(w.organiser.token, activityBody(w.communityId, Date.now()))
    const start = Date.parse(a.startAt)
    await clock.set(start - 10 * MIN)
    const first = expectOk(await call('GET', `/activities/${a.activityId}/site-code`, { token: w.organiser.token }))
    expect(first).toMatchObject({
      periodSeconds: 30,
      code: siteCodeAt(a.activityId, start - 10 * MIN),
      qr: expect.stringMatching(/^data:image\/png;base64,/),
    })
    await clock.set(start - 10 * MIN + 30_000)
    expect(
      expectOk(await call('GET', `/activities/${a.activityId}/site-code`, { token: w.organiser.token })).code,
    ).not.toBe(first.code)
    expect(
      (await call('GET', `/activities/${a.activityId}/site-code`, { token: w.volunteers[0]!.token })).body.error.code,
    ).toBe('auth.forbidden')
    // Bad input: a 4xx with a stable code.
    const bad = await call('POST', `/activities/${a.activityId}/check-in`, {
      token: w.volunteers[0]!.token,
      body: { code: 'x', location: { latitude: 200, longitude: 0, accuracy: 5 } },
    })
    expect([bad.status, bad.body.error.code]).toEqual([422, 'request.invalid'])
  })
})
