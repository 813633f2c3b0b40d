import { describe, expect, it } from 'vitest'
import { dynamoNoticeStore } from '../../functions/src/storage/notifications/notices'
import { call, expectOk, makeUser } from '../helpers/factories'
import { activityBody, dayToken, makeVolunteerWorld, publish } from '../helpers/volunteering'

/*
 * 线上认领 on DynamoDB Local through the real handlers: places exactly up to capacity under any concurrency, the rest
 * waiting in order, a cancellation promoting the first in line (and telling them), capacity lowered keeping the earliest.
 */
const noticesOf = async (activityId: string) =>
  (await dynamoNoticeStore.forSubject('activity', activityId)).map((n) => ({ kind: n.kind, audience: n.audience }))

describe('signing up for an activity', () => {
  it('gives 100 volunteers signing up at once for 20 places exactly 20 places, the rest waiting in order; a cancellation promotes the first', async () => {
    const w = await makeVolunteerWorld({ volunteers: 0 })
    // 100 members of the unit, registered and approved (ten at a time, to spare the two cores).
    const volunteers: Awaited<ReturnType<typeof w.register>>[] = []
    for (let i = 0; i < 100; i += 10)
      volunteers.push(...(await Promise.all(Array.from({ length: 10 }, (_, j) => w.register(`志愿者${i + j + 1}`)))))
    const a = await publish(w.organiser.token, activityBody(w.communityId, Date.now(), { capacity: 20 }))

    const answers = await Promise.all(
      volunteers.map((v) => call('POST', `/activities/${a.activityId}/sign-up`, { token: v.token })),
    )
    expect(answers.every((r) => r.status === 200)).toBe(true)
    const placedAnswers = answers.filter((r) => r.body.me.state === 'placed')
    const waitingAnswers = answers.filter((r) => r.body.me.state === 'waiting')
    expect(placedAnswers).toHaveLength(20)
    expect(waitingAnswers).toHaveLength(80)
    // Each waiting volunteer was told a position, and together they are 1…80: no two share a place in line.
    expect(waitingAnswers.map((r) => r.body.me.position).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 80 }, (_, i) => i + 1),
    )

    const after = expectOk(await call('GET', `/activities/${a.activityId}`, { token: w.organiser.token }))
    expect(after).toMatchObject({ placed: 20, waiting: 80, capacity: 20, status: 'full' })
    const list = expectOk(await call('GET', `/activities/${a.activityId}/attendance`, { token: w.organiser.token }))
    const waitingRows = list.rows.filter((r: any) => r.state === 'waiting')
    // The list's order is the order the positions were given in.
    const byUser = new Map(volunteers.map((v, i) => [v.userId, answers[i]!.body.me]))
    expect(waitingRows.map((r: any) => byUser.get(r.userId)!.position)).toEqual(
      Array.from({ length: 80 }, (_, i) => i + 1),
    )

    // A placed volunteer cancels: the first in line gets the place and is told so.
    const leaving = volunteers.find((v) => byUser.get(v.userId)!.state === 'placed')!
    const first = waitingRows[0].userId as string
    const second = waitingRows[1].userId as string
    const cancelled = expectOk(await call('DELETE', `/activities/${a.activityId}/sign-up`, { token: leaving.token }))
    expect(cancelled).toMatchObject({ placed: 20, waiting: 79, me: { state: 'none' } })
    const promoted = volunteers.find((v) => v.userId === first)!
    expect(expectOk(await call('GET', `/activities/${a.activityId}`, { token: promoted.token })).me).toEqual({
      state: 'placed',
    })
    expect(
      expectOk(
        await call('GET', `/activities/${a.activityId}`, { token: volunteers.find((v) => v.userId === second)!.token }),
      ).me,
    ).toEqual({
      state: 'waiting',
      position: 1,
    })
    expect(await noticesOf(a.activityId)).toContainEqual({
      kind: 'promoted',
      audience: { kind: 'users', userIds: [first] },
    })

    // Cancelling again, and signing up again while on a list, change nothing.
    expect(
      expectOk(await call('DELETE', `/activities/${a.activityId}/sign-up`, { token: leaving.token })),
    ).toMatchObject({ placed: 20, waiting: 79 })
    expect(
      expectOk(await call('POST', `/activities/${a.activityId}/sign-up`, { token: promoted.token })),
    ).toMatchObject({
      placed: 20,
      waiting: 79,
      me: { state: 'placed' },
    })
  })

  it('keeps the earliest when the capacity is lowered and tells the rest; raising it promotes the first in line', async () => {
    const w = await makeVolunteerWorld({ volunteers: 6 })
    const a = await publish(w.organiser.token, activityBody(w.communityId, Date.now(), { capacity: 4 }))
    for (const v of w.volunteers)
      expectOk(await call('POST', `/activities/${a.activityId}/sign-up`, { token: v.token }))
    const ids = w.volunteers.map((v) => v.userId)

    const lowered = expectOk(
      await call('PATCH', `/activities/${a.activityId}`, { token: w.organiser.token, body: { capacity: 2 } }),
    )
    expect(lowered).toMatchObject({ capacity: 2, placed: 2, waiting: 4 })
    const rows = expectOk(
      await call('GET', `/activities/${a.activityId}/attendance`, { token: w.organiser.token }),
    ).rows
    // The two earliest keep their places; the two who lost theirs wait first, ahead of those already waiting.
    expect(rows.map((r: any) => [r.userId, r.state])).toEqual([
      [ids[0], 'placed'],
      [ids[1], 'placed'],
      [ids[2], 'waiting'],
      [ids[3], 'waiting'],
      [ids[4], 'waiting'],
      [ids[5], 'waiting'],
    ])
    expect(await noticesOf(a.activityId)).toContainEqual({
      kind: 'capacityLowered',
      audience: { kind: 'users', userIds: [ids[2], ids[3]] },
    })

    expectOk(await call('PATCH', `/activities/${a.activityId}`, { token: w.organiser.token, body: { capacity: 3 } }))
    expect(await noticesOf(a.activityId)).toContainEqual({
      kind: 'promoted',
      audience: { kind: 'users', userIds: [ids[2]] },
    })
    // Only the organiser or the community's leads change it.
    expect(
      (await call('PATCH', `/activities/${a.activityId}`, { token: w.volunteers[0]!.token, body: { capacity: 10 } }))
        .body.error.code,
    ).toBe('auth.forbidden')
  })

  it('refuses who may not sign up, with stable codes, and changes nothing', async () => {
    const w = await makeVolunteerWorld({ volunteers: 1 })
    const a = await publish(w.organiser.token, activityBody(w.communityId, Date.now(), { capacity: 2 }))
    const stranger = await makeUser('未登记的居民')
    const code = async (token: string, path = `/activities/${a.activityId}/sign-up`) =>
      (await call('POST', path, { token })).body.error?.code
    expect(await code(dayToken(stranger.userId))).toBe('volunteer.notRegistered')

    // A resident volunteer (not a party member), approved, may not take a members-only activity.
    const resident = await makeUser('居民志愿者')
    const rt = dayToken(resident.userId)
    expectOk(
      await call('PUT', '/me/volunteer-registration', {
        token: rt,
        body: { communityId: w.communityId, kind: 'volunteer', skills: [], availability: [] },
      }),
    )
    expect(await code(rt)).toBe('volunteer.notRegistered')
    expectOk(
      await call('POST', `/volunteer-registrations/${resident.userId}/decision`, {
        token: w.admin.token,
        body: { decision: 'approve' },
      }),
    )
    expect(await code(rt)).toBe('volunteer.membersOnly')
    expect(await code(rt, `/activities/01ARZ3NDEKTSV4RRFFQ69G5FAV/sign-up`)).toBe('activity.notFound')

    // Bad input: a 4xx with a stable code, nothing written.
    const bad = await call('POST', '/activities', {
      token: w.organiser.token,
      body: { ...activityBody(w.communityId, Date.now()), capacity: 0 },
    })
    expect(bad.status).toBe(422)
    expect(bad.body.error.code).toBe('request.invalid')
    const past = activityBody(w.communityId, Date.now() - 3 * 3600_000)
    expect((await call('POST', '/activities', { token: w.organiser.token, body: past })).body.error.code).toBe(
      'activity.timeInvalid',
    )
    expect((await call('GET', `/activities/${past.activityId}`, { token: w.organiser.token })).body.error.code).toBe(
      'activity.notFound',
    )
    expect(
      (
        await call('POST', '/activities', {
          token: w.volunteers[0]!.token,
          body: activityBody(w.communityId, Date.now()),
        })
      ).body.error.code,
    ).toBe('auth.forbidden')
    expect(
      (
        await call('PUT', '/me/volunteer-registration', {
          token: rt,
          body: { communityId: w.communityId, kind: 'member', skills: [] },
        })
      ).body.error.code,
    ).toBe('registration.unitRequired')
    // Texts residents read go through content safety first: a risky one is refused at its field, nothing published.
    const risky = activityBody(w.communityId, Date.now(), { description: '这是一段违规测试文字' })
    const refusedText = await call('POST', '/activities', { token: w.organiser.token, body: risky })
    expect([refusedText.status, refusedText.body.error.code, refusedText.body.error.details[0].path]).toEqual([
      422,
      'content.risky',
      'body.description',
    ])
    expect((await call('GET', `/activities/${risky.activityId}`, { token: w.organiser.token })).body.error.code).toBe(
      'activity.notFound',
    )
    expect(expectOk(await call('GET', `/activities/${a.activityId}`, { token: w.organiser.token }))).toMatchObject({
      placed: 0,
      waiting: 0,
    })
  })
})
