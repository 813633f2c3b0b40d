import { beforeAll, describe, expect, it } from 'vitest'
import { uploadPhoto } from '../helpers/deliberation'
import { call, expectOk } from '../helpers/factories'
import { makeWishWorld, postWish, publishedWish } from '../helpers/microWishes'

/*
 * 举报 on micro-wishes (the wish ContentSource, domain/microWishes/content.ts): residents and members who can read a
 * wish report its text, its photos or its thank-you; at the community's number of reports the piece is hidden from
 * the wall and the wish's page until a committee member restores or removes it.
 */
let w: Awaited<ReturnType<typeof makeWishWorld>>
let committee: { token: string }
beforeAll(async () => {
  w = await makeWishWorld({ members: 2, settings: { openLimit: 10 } })
  committee = await w.withRole('committee', 'community', w.communityId, '周书记')
  expectOk(
    await call('PUT', `/communities/${w.communityId}/moderation-settings`, {
      token: w.admin.token,
      body: { reportsToHide: 2 },
    }),
  )
})

const report = (token: string, wishId: string, contentKey: string, reason = 'false', kind = 'wish') =>
  call('POST', '/moderation/reports', { token, body: { subject: { kind, id: wishId }, contentKey, reason } })
const decide = (contentKey: string, decision: 'restore' | 'remove', reason: string) =>
  call('POST', '/moderation/decisions', { token: committee.token, body: { contentKey, decision, reason } })
const wall = async (token: string, show: 'open' | 'done' = 'open') =>
  expectOk(await call('GET', `/communities/${w.communityId}/wish-wall?show=${show}`, { token })).items as {
    wishId: string
    photo?: unknown
    thanks?: string
  }[]
const card = async (token: string, wishId: string, show: 'open' | 'done' = 'open') =>
  (await wall(token, show)).find((c) => c.wishId === wishId)
const get = (token: string, wishId: string) => call('GET', `/wishes/${wishId}`, { token })

describe('举报 on a wish', () => {
  it('refuses bad reports with stable codes and counts nothing', async () => {
    const [liu, chen] = w.residents
    const wish = await publishedWish(w, liu!.token, { title: '想要一个台灯' })
    const body = `wish:${wish.wishId}:body`
    expect((await report(liu!.token, wish.wishId, body)).body.error.code).toBe('content.ownReport')
    expect((await report(chen!.token, wish.wishId, `wish:${wish.wishId}:nope`)).body.error.code).toBe(
      'content.notFound',
    )
    // Nothing to report yet: no thank-you, no such photo.
    expect((await report(chen!.token, wish.wishId, `wish:${wish.wishId}:thanks`)).body.error.code).toBe(
      'content.notFound',
    )
    expect((await report(chen!.token, wish.wishId, 'photo:uploads/x/y.jpg')).body.error.code).toBe('content.notFound')
    // Another wish's key under this wish.
    expect((await report(chen!.token, '01J0000000000000000000000Z', body)).body.error.code).toBe('content.notFound')
    const bad = await report(chen!.token, wish.wishId, body, 'abuse', 'activity')
    expect([bad.status, bad.body.error.code]).toEqual([422, 'request.invalid'])
    // A wish not yet on the wall is not for a neighbour to see, nor to report.
    const waiting = expectOk(await postWish(liu!.token, { title: '想要一个收纳箱' }))
    const early = await report(chen!.token, waiting.wishId, `wish:${waiting.wishId}:body`)
    expect([early.status, early.body.error.code]).toEqual([404, 'content.notFound'])
    // None of these counted: one report now does not hide it.
    expect(expectOk(await report(chen!.token, wish.wishId, body))).toEqual({
      accepted: true,
      already: false,
      hidden: false,
    })
    expect(await card(w.members[0]!.token, wish.wishId)).toBeDefined()
  })

  it('hides the wish from the wall and its page at the community’s number; the committee restores it', async () => {
    const [liu, chen, wang] = w.residents
    const photo = await uploadPhoto(liu!.token)
    const wish = await publishedWish(w, liu!.token, { title: '想要一副象棋', photoKeys: [photo] })
    const body = `wish:${wish.wishId}:body`
    expect(expectOk(await report(chen!.token, wish.wishId, body, 'ads')).hidden).toBe(false)
    // The same person twice counts once.
    expect(expectOk(await report(chen!.token, wish.wishId, body, 'ads'))).toMatchObject({
      already: true,
      hidden: false,
    })
    expect(await card(w.members[0]!.token, wish.wishId)).toBeDefined()
    expect(expectOk(await report(wang!.token, wish.wishId, body, 'false')).hidden).toBe(true)

    expect(await card(w.members[0]!.token, wish.wishId)).toBeUndefined()
    expect((await get(w.members[0]!.token, wish.wishId)).body.error.code).toBe('wish.notFound')
    expect(expectOk(await get(liu!.token, wish.wishId)).moderation).toMatchObject({
      state: 'reported',
      label: '被举报，待社区处理，仅自己可见',
    })
    const q = expectOk(await call('GET', `/communities/${w.communityId}/moderation-queue`, { token: committee.token }))
    expect(q.items.find((i: { contentKey: string }) => i.contentKey === body)).toMatchObject({
      state: 'reported',
      reports: 2,
      kind: 'text',
      subject: { kind: 'wish', id: wish.wishId, title: '想要一副象棋' },
      authorName: liu!.name,
    })
    expect(q.items.find((i: { contentKey: string }) => i.contentKey === body).text).toContain('想要一副象棋')

    expectOk(await decide(body, 'restore', '属于正常心愿'))
    expect(await card(w.members[0]!.token, wish.wishId)).toMatchObject({ photo: expect.anything() })
    expect(expectOk(await get(w.members[0]!.token, wish.wishId)).title).toBe('想要一副象棋')
    // Restored stays shown: a later report is counted, nothing more.
    expect(expectOk(await report(w.members[1]!.token, wish.wishId, body)).hidden).toBe(false)

    // Its photo, reported enough, leaves the card and the page; the text stays.
    await report(chen!.token, wish.wishId, `photo:${photo}`, 'privacy')
    expect(expectOk(await report(wang!.token, wish.wishId, `photo:${photo}`, 'privacy')).hidden).toBe(true)
    expect(await card(w.members[0]!.token, wish.wishId)).not.toHaveProperty('photo')
    expect(expectOk(await get(w.members[0]!.token, wish.wishId))).toMatchObject({ photos: [], photosWithheld: 1 })
  })

  it('hides a reported thank-you from the wall’s 已实现 card; a removal keeps it off, marked for its writer', async () => {
    const [liu, chen, wang] = w.residents
    const member = w.members[0]!
    const wish = await publishedWish(w, wang!.token, { title: '想要一个暖水袋' })
    expectOk(await call('POST', `/wishes/${wish.wishId}/claim`, { token: member.token }))
    const photo = await uploadPhoto(member.token)
    expectOk(
      await call('POST', `/wishes/${wish.wishId}/fulfilment`, {
        token: member.token,
        body: { note: '已送到王阿姨家', photoKeys: [photo] },
      }),
    )
    expectOk(
      await call('POST', `/wishes/${wish.wishId}/confirmation`, {
        token: wang!.token,
        body: { thanks: '谢谢党员同志，暖水袋很好用' },
      }),
    )
    const thanks = `wish:${wish.wishId}:thanks`
    expect((await card(chen!.token, wish.wishId, 'done'))?.thanks).toBe('谢谢党员同志，暖水袋很好用')
    expect((await report(wang!.token, wish.wishId, thanks)).body.error.code).toBe('content.ownReport')
    expectOk(await report(chen!.token, wish.wishId, thanks, 'abuse'))
    expect(expectOk(await report(liu!.token, wish.wishId, thanks, 'abuse')).hidden).toBe(true)

    const done = await card(chen!.token, wish.wishId, 'done')
    expect(done).toBeDefined()
    expect(done).not.toHaveProperty('thanks')
    const seen = expectOk(await get(chen!.token, wish.wishId))
    expect(seen).not.toHaveProperty('thanks')
    expect(JSON.stringify(seen.timeline)).not.toContain('暖水袋很好用')

    expectOk(await decide(thanks, 'remove', '核实为不实内容'))
    expect(await card(chen!.token, wish.wishId, 'done')).not.toHaveProperty('thanks')
    expect(expectOk(await get(wang!.token, wish.wishId)).thanks).toMatchObject({
      moderation: { state: 'removed', reason: '核实为不实内容' },
    })
    const log = expectOk(
      await call('GET', `/communities/${w.communityId}/moderation-decisions`, { token: committee.token }),
    )
    expect(log.items[0]).toMatchObject({ contentKey: thanks, outcome: 'remove', byName: '周书记' })
    // The claimant's report of delivery is reportable too; the claimant cannot report their own.
    expect((await report(member.token, wish.wishId, `wish:${wish.wishId}:fulfilment`)).body.error.code).toBe(
      'content.ownReport',
    )
    expect(expectOk(await report(chen!.token, wish.wishId, `wish:${wish.wishId}:fulfilment`)).accepted).toBe(true)
  })
})
