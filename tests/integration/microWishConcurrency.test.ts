import { beforeAll, describe, expect, it } from 'vitest'
import { residentAccount } from '../../functions/src/domain/ledger/model'
import { dynamoLedgerStore } from '../../functions/src/storage/ledger/ledger'
import { dynamoNoticeStore } from '../../functions/src/storage/notifications/notices'
import { tickAt, uploadPhoto } from '../helpers/deliberation'
import { call, expectOk } from '../helpers/factories'
import { makeWishWorld, publishedWish } from '../helpers/microWishes'

/*
 * Micro-wishes under concurrency and over time: one claimant among fifty, the active-claim limit, claims that lapse
 * through the scheduler (the wish back on the wall, the contact gone), confirmations racing, the auto-confirmation
 * and a dispute the grid worker settles; the points are paid exactly once.
 */
let w: Awaited<ReturnType<typeof makeWishWorld>>
beforeAll(async () => {
  w = await makeWishWorld({
    members: 50,
    settings: { openLimit: 10, activeClaimLimit: 2, claimDays: 7, reminderHours: 24, autoConfirmDays: 3 },
  })
}, 300_000)

const get = async (token: string, wishId: string) => expectOk(await call('GET', `/wishes/${wishId}`, { token }))
const onWall = async (token: string, wishId: string) =>
  expectOk(await call('GET', `/grids/${w.gridId}/wish-wall?limit=50`, { token })).items.some(
    (c: { wishId: string }) => c.wishId === wishId,
  )
const entriesOf = async (userId: string) => dynamoLedgerStore.allEntries(w.communityId, residentAccount(userId))
const fulfil = async (token: string, wishId: string) =>
  expectOk(
    await call('POST', `/wishes/${wishId}/fulfilment`, {
      token,
      body: { note: '已送到', photoKeys: [await uploadPhoto(token)] },
    }),
  )

describe('micro-wishes under concurrency and over time', () => {
  it('gives a wish to exactly one of 50 members claiming it at once; the 49 others are told it is taken', async () => {
    const wish = await publishedWish(w, w.residents[0]!.token, { title: '想要一台收音机' })
    const results = await Promise.all(
      w.members.map((m) => call('POST', `/wishes/${wish.wishId}/claim`, { token: m.token })),
    )
    const won = results.filter((r) => r.status === 200)
    expect(won).toHaveLength(1)
    const lost = results.filter((r) => r.status !== 200)
    expect(lost).toHaveLength(49)
    for (const r of lost) expect([r.status, r.body.error.code]).toEqual([409, 'wish.taken'])
    const winner = w.members[results.indexOf(won[0]!)]!
    const seen = await get(w.worker.token, wish.wishId)
    expect(seen.claim.claimantName).toBe(winner.name)
    expect(seen.timeline.filter((e: { action: string }) => e.action === 'claim')).toHaveLength(1)
    const records = await Promise.all(
      w.members.map(
        async (m) => expectOk(await call('GET', '/me/wish-claims', { token: m.token })).record.claimed as number,
      ),
    )
    expect(records.reduce((a, b) => a + b, 0)).toBe(1)
    // Release it, so the rest of the file starts from no active claims.
    expectOk(await call('POST', `/wishes/${wish.wishId}/release`, { token: winner.token, body: {} }))
  })

  it('refuses a member at the active-claim limit, even when their claims race', async () => {
    const member = w.members[1]!
    const wishes = [] as { wishId: string }[]
    for (const title of ['想要一个热水袋', '想要一副棉手套', '想要一盏台灯'])
      wishes.push(await publishedWish(w, w.residents[1]!.token, { title }, {}))
    const results = await Promise.all(
      wishes.map((x) => call('POST', `/wishes/${x.wishId}/claim`, { token: member.token })),
    )
    expect(results.filter((r) => r.status === 200)).toHaveLength(2)
    expect(results.filter((r) => r.body.error?.code === 'wish.claimLimit')).toHaveLength(1)
    const left = wishes[results.findIndex((r) => r.status !== 200)]!
    expect((await get(member.token, left.wishId)).can).toEqual([])
    expect((await call('POST', `/wishes/${left.wishId}/claim`, { token: member.token })).body.error.code).toBe(
      'wish.claimLimit',
    )
    expect(await onWall(member.token, left.wishId)).toBe(true)
    for (const [i, r] of results.entries())
      if (r.status === 200)
        expectOk(await call('POST', `/wishes/${wishes[i]!.wishId}/release`, { token: member.token, body: {} }))
  })

  it('reminds the claimant a day before, and at the deadline the claim lapses: back on the wall, the contact gone, the lapse on the record', async () => {
    const member = w.members[2]!
    const wish = await publishedWish(w, w.residents[2]!.token, { title: '想要一个保温杯' }, { claimDays: 2 })
    const claimed = expectOk(await call('POST', `/wishes/${wish.wishId}/claim`, { token: member.token }))
    expect(claimed.contact.name).toBe('王阿姨')
    const deadline = new Date(claimed.claim.deadline).getTime()
    expect(await onWall(member.token, wish.wishId)).toBe(false)

    const early = await tickAt(new Date(deadline - 23 * 3_600_000))
    expect(early.ran['microWishes.remind']).toBe(1)
    expect((await get(member.token, wish.wishId)).status).toBe('claimed')
    const reminders = (await dynamoNoticeStore.forSubject('wish', wish.wishId)).filter((n) => n.kind === 'wishReminder')
    expect(reminders).toHaveLength(1)
    expect(reminders[0]!.audience).toEqual({ kind: 'users', userIds: [member.userId] })
    // The reminder is sent once, however often the scheduler passes.
    await tickAt(new Date(deadline - 22 * 3_600_000))
    expect(
      (await dynamoNoticeStore.forSubject('wish', wish.wishId)).filter((n) => n.kind === 'wishReminder'),
    ).toHaveLength(1)

    const lapse = await tickAt(new Date(deadline + 60_000))
    expect(lapse.ran['microWishes.lapse']).toBe(1)
    expect(lapse.failed).toEqual([])
    const after = await get(member.token, wish.wishId)
    expect(after.status).toBe('published')
    expect(after).not.toHaveProperty('contact')
    expect(after.iClaimed).toBe(false)
    expect(after.can).toEqual(['claim'])
    expect(await onWall(member.token, wish.wishId)).toBe(true)
    const mine = expectOk(await call('GET', '/me/wish-claims', { token: member.token }))
    expect(mine.record).toMatchObject({ active: 0, lapsed: 1 })
    expect(mine.items.find((c: { wishId: string }) => c.wishId === wish.wishId)).toMatchObject({ outcome: 'lapsed' })
    expect(
      (
        await call('POST', `/wishes/${wish.wishId}/fulfilment`, {
          token: member.token,
          body: { note: '晚了', photoKeys: [await uploadPhoto(member.token)] },
        })
      ).body.error.code,
    ).toBe('auth.forbidden')
    // Another member can claim it now, and is the one who sees how to reach her.
    const again = expectOk(await call('POST', `/wishes/${wish.wishId}/claim`, { token: w.members[3]!.token }))
    expect(again.contact.name).toBe('王阿姨')
    expect(await get(member.token, wish.wishId)).not.toHaveProperty('contact')
    const figures = expectOk(await call('GET', `/communities/${w.communityId}/wish-figures`, { token: w.worker.token }))
    expect(figures.community.lapsed).toBe(1)
  })

  it('credits the points once when the confirmation is sent twice at once', async () => {
    const member = w.members[4]!
    const wish = await publishedWish(w, w.residents[0]!.token, { title: '想要一把折叠椅' }, { points: 30 })
    expectOk(await call('POST', `/wishes/${wish.wishId}/claim`, { token: member.token }))
    await fulfil(member.token, wish.wishId)
    const both = await Promise.all(
      [0, 1].map(() => call('POST', `/wishes/${wish.wishId}/confirmation`, { token: w.residents[0]!.token, body: {} })),
    )
    for (const r of both) expect(expectOk(r).status).toBe('confirmed')
    expect((await entriesOf(member.userId)).map((e) => e.delta)).toEqual([30])
    // The scheduler's credit job finds it paid.
    await tickAt(new Date(Date.now() + 60_000))
    expect((await entriesOf(member.userId)).map((e) => e.delta)).toEqual([30])
    const record = expectOk(await call('GET', '/me/wish-claims', { token: member.token }))
    expect(record).toMatchObject({ balance: 30, record: { pointsEarned: 30, fulfilled: 1 } })
    expect((await get(member.token, wish.wishId)).credit).toMatchObject({ amount: 30, pending: false })
  })

  it('confirms by itself after the community’s days unless disputed; a dispute goes to the grid worker, who decides', async () => {
    const [m5, m6] = [w.members[5]!, w.members[6]!]
    const quiet = await publishedWish(w, w.residents[1]!.token, { title: '想要一个小药箱' }, { points: 10 })
    expectOk(await call('POST', `/wishes/${quiet.wishId}/claim`, { token: m5.token }))
    const reported = await fulfil(m5.token, quiet.wishId)
    const disputed = await publishedWish(w, w.residents[2]!.token, { title: '想要一双棉鞋' }, { points: 15 })
    const firstDeadline = new Date(
      expectOk(await call('POST', `/wishes/${disputed.wishId}/claim`, { token: m6.token })).claim.deadline,
    ).getTime()
    await fulfil(m6.token, disputed.wishId)
    const d = expectOk(
      await call('POST', `/wishes/${disputed.wishId}/dispute`, {
        token: w.residents[2]!.token,
        body: { reason: '鞋子小了一码' },
      }),
    )
    expect(d).toMatchObject({ status: 'disputed', dispute: { reason: '鞋子小了一码' } })
    expect(
      expectOk(await call('GET', '/me/wish-queue', { token: w.worker.token })).disputes.map(
        (x: { wishId: string }) => x.wishId,
      ),
    ).toContain(disputed.wishId)

    const report = await tickAt(new Date(new Date(reported.fulfilment.autoConfirmAt).getTime() + 60_000))
    expect(report.failed).toEqual([])
    expect(await get(w.residents[1]!.token, quiet.wishId)).toMatchObject({
      status: 'confirmed',
      confirmation: { auto: true },
      credit: { amount: 10, pending: false },
    })
    expect((await entriesOf(m5.userId)).map((e) => e.delta)).toEqual([10])
    expect((await get(m6.token, disputed.wishId)).status).toBe('disputed')

    const redo = expectOk(
      await call('POST', `/wishes/${disputed.wishId}/dispute-decision`, {
        token: w.worker.token,
        body: { decision: 'redo', note: '请换大一码' },
      }),
    )
    expect(redo).toMatchObject({ status: 'claimed' })
    expect(new Date(redo.claim.deadline).getTime()).toBeGreaterThan(firstDeadline)
    // The first claim's deadline comes (its lapse runs), but the claim's deadline has moved: nothing lapses.
    const stale = await tickAt(new Date(firstDeadline + 1))
    expect(stale.ran['microWishes.lapse']).toBeGreaterThanOrEqual(1)
    expect(stale.failed).toEqual([])
    expect((await get(m6.token, disputed.wishId)).status).toBe('claimed')
    await fulfil(m6.token, disputed.wishId)
    expectOk(
      await call('POST', `/wishes/${disputed.wishId}/dispute`, {
        token: w.residents[2]!.token,
        body: { reason: '还是不合适' },
      }),
    )
    const settled = expectOk(
      await call('POST', `/wishes/${disputed.wishId}/dispute-decision`, {
        token: w.worker.token,
        body: { decision: 'confirm', note: '已当面核实，鞋子合适' },
      }),
    )
    expect(settled).toMatchObject({ status: 'confirmed', credit: { amount: 15, pending: false } })
    expect((await entriesOf(m6.userId)).map((e) => e.delta)).toEqual([15])
    expect(
      (
        await call('POST', `/wishes/${disputed.wishId}/dispute-decision`, {
          token: w.worker.token,
          body: { decision: 'reopen', note: '再看' },
        })
      ).body.error.code,
    ).toBe('wish.wrongState')
    const thanked = expectOk(
      await call('POST', `/wishes/${disputed.wishId}/thanks`, {
        token: w.residents[2]!.token,
        body: { text: '谢谢，鞋子很暖和' },
      }),
    )
    expect(thanked.thanks.text).toBe('谢谢，鞋子很暖和')
    const done = expectOk(
      await call('GET', `/communities/${w.communityId}/wish-wall?show=done`, { token: m5.token }),
    ).items
    expect(done.find((c: { wishId: string }) => c.wishId === disputed.wishId)).toMatchObject({
      thanks: '谢谢，鞋子很暖和',
    })
  })
})
