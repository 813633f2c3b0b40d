import { beforeAll, describe, expect, it } from 'vitest'
import { uploadPhoto } from '../helpers/deliberation'
import { call, expectOk } from '../helpers/factories'
import { makeWishWorld, postWish, publishedWish } from '../helpers/microWishes'

/*
 * Micro-wishes through content safety (the local WeChat stand-in: 「违规测试」 is risky, 「待审测试」 wants a person):
 * a risky wish, report or thank-you is refused and nothing is stored; a held one is seen only by its writer and the
 * staff, with the mark, and is on no wall.
 */
let w: Awaited<ReturnType<typeof makeWishWorld>>
beforeAll(async () => {
  w = await makeWishWorld({ members: 2, settings: { openLimit: 10 } })
})
const get = (token: string, wishId: string) => call('GET', `/wishes/${wishId}`, { token })
const wallIds = async (query = '') =>
  expectOk(
    await call('GET', `/communities/${w.communityId}/wish-wall${query}`, { token: w.members[1]!.token }),
  ).items.map((c: { wishId: string }) => c.wishId)

describe('micro-wishes and content safety', () => {
  it('refuses a risky wish at its field and stores nothing', async () => {
    const [liu] = w.residents
    const before = expectOk(await call('GET', '/me/wishes', { token: liu!.token })).items.length
    const res = await postWish(liu!.token, { text: '这是一段违规测试的文字，想要一个助行器' })
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('content.risky')
    expect(res.body.error.details[0].path).toBe('body.text')
    expect(expectOk(await call('GET', '/me/wishes', { token: liu!.token })).items.length).toBe(before)
  })

  it('keeps a held wish off the wall: its poster and the grid worker see the mark, a member sees nothing', async () => {
    const [, chen] = w.residents
    const held = await publishedWish(w, chen!.token, {
      title: '想要一台收音机',
      text: '待审测试：老人想听广播，想要一台收音机。',
    })
    expect(held.moderation?.state).toBe('review')
    expect(expectOk(await get(chen!.token, held.wishId)).moderation).toMatchObject({
      state: 'review',
      label: '审核中，仅自己可见',
    })
    expect((await get(w.members[0]!.token, held.wishId)).body.error.code).toBe('wish.notFound')
    expect(await wallIds()).not.toContain(held.wishId)
    const clean = await publishedWish(w, chen!.token, { title: '想要一把雨伞' })
    expect(await wallIds()).toContain(clean.wishId)
  })

  it('refuses a risky report of delivery or thank-you; holds a thank-you for review off the wall’s card', async () => {
    const [, , wang] = w.residents
    const member = w.members[0]!
    const wish = await publishedWish(w, wang!.token, { title: '想要一个暖手宝' })
    expectOk(await call('POST', `/wishes/${wish.wishId}/claim`, { token: member.token }))
    const photo = await uploadPhoto(member.token)
    const risky = await call('POST', `/wishes/${wish.wishId}/fulfilment`, {
      token: member.token,
      body: { note: '违规测试', photoKeys: [photo] },
    })
    expect([risky.body.error.code, risky.body.error.details[0].path]).toEqual(['content.risky', 'body.note'])
    expect(expectOk(await get(member.token, wish.wishId)).status).toBe('claimed')
    expectOk(
      await call('POST', `/wishes/${wish.wishId}/fulfilment`, {
        token: member.token,
        body: { note: '已送到', photoKeys: [photo] },
      }),
    )
    const badThanks = await call('POST', `/wishes/${wish.wishId}/confirmation`, {
      token: wang!.token,
      body: { thanks: '违规测试的感谢' },
    })
    expect([badThanks.body.error.code, badThanks.body.error.details[0].path]).toEqual(['content.risky', 'body.thanks'])
    expect(expectOk(await get(wang!.token, wish.wishId)).status).toBe('fulfilled')
    const confirmed = expectOk(
      await call('POST', `/wishes/${wish.wishId}/confirmation`, {
        token: wang!.token,
        body: { thanks: '待审测试：谢谢你' },
      }),
    )
    expect(confirmed.thanks).toMatchObject({ text: '待审测试：谢谢你', moderation: { state: 'review' } })
    const seenByMember = expectOk(await get(member.token, wish.wishId))
    expect(seenByMember).not.toHaveProperty('thanks')
    expect(JSON.stringify(seenByMember.timeline)).not.toContain('待审测试')
    const card = expectOk(
      await call('GET', `/communities/${w.communityId}/wish-wall?show=done`, { token: member.token }),
    ).items.find((c: { wishId: string }) => c.wishId === wish.wishId)
    expect(card).toBeDefined()
    expect(card).not.toHaveProperty('thanks')
  })
})
