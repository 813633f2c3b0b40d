import { createHash } from 'node:crypto'
import { inject, beforeAll, describe, expect, it } from 'vitest'
import { ulid } from 'ulid'
import { call, expectOk } from '../helpers/factories'
import { makeDeliberationWorld, propose } from '../helpers/deliberation'
import type { MediaCheck } from '../../scripts/lib/wechatStandIn'

/*
 * Content safety through the real handlers, with the WeChat stand-in playing msgSecCheck and mediaCheckAsync: its
 * test words 「违规测试」 (risky), 「待审测试」 (review) and 「故障测试」 (WeChat fails), and images carrying the
 * bytes GRIDLINK-RISKY-IMAGE / GRIDLINK-REVIEW-IMAGE. The handlers run in-process, so a photo's verdict is delivered
 * by the test: it takes the signed push the stand-in keeps at /_sink/media-checks and sends it to POST /wechat/push.
 */
const wechat = () => inject('stack').wechatApiBase
type World = Awaited<ReturnType<typeof makeDeliberationWorld>>
let w: World
const A1 = () => ({ type: 'building', id: w.buildings.A1 })

beforeAll(async () => {
  w = await makeDeliberationWorld({ secondsNeeded: 0 })
})

const comment = (token: string, matterId: string, text: string) =>
  call('POST', `/matters/${matterId}/comments`, { token, body: { commentId: ulid(), text } })
const comments = async (token: string, matterId: string) =>
  expectOk(await call('GET', `/matters/${matterId}/comments`, { token })).items as any[]
const matter = (token: string, matterId: string) => call('GET', `/matters/${matterId}`, { token })
const queue = async (token: string) =>
  expectOk(await call('GET', `/communities/${w.communityId}/moderation-queue`, { token }))

/** A JPEG whose bytes carry a marker the stand-in reads (or none). */
const uploadImage = async (token: string, marker = '') => {
  const body = Buffer.concat([Buffer.from('ffd8ffe000104a464946000101', 'hex'), Buffer.from(marker, 'latin1')])
  const upload = expectOk(
    await call('POST', '/uploads', { token, body: { contentType: 'image/jpeg', size: body.length } }),
  )
  expect((await fetch(upload.uploadUrl, { method: 'PUT', body, headers: upload.headers })).ok).toBe(true)
  return upload.key as string
}

/** The stand-in's pending verdicts for one writer (it judged the image when asked; the push waits for us). */
const pendingChecks = async (openid: string, count = 1): Promise<MediaCheck[]> => {
  for (let i = 0; i < 50; i++) {
    const { items } = (await (await fetch(`${wechat()}/_sink/media-checks?pending=true&openid=${openid}`)).json()) as {
      items: MediaCheck[]
    }
    if (items.length >= count) return items
    await new Promise((r) => setTimeout(r, 50))
  }
  return []
}
const deliver = (check: MediaCheck) =>
  call('POST', `/wechat/push?${new URLSearchParams(check.push.query)}`, { body: check.push.body })
const text = (res: { raw: { body?: string; isBase64Encoded?: boolean } }) =>
  Buffer.from(res.raw.body ?? '', res.raw.isBase64Encoded ? 'base64' : 'utf8').toString('utf8')

describe('content safety: texts', () => {
  it('refuses a risky proposal at its field and stores nothing', async () => {
    const [writer] = w.residents
    const matterId = ulid()
    const refused = await propose(writer!.token, A1(), {
      matterId,
      text: '这是一段违规测试的内容，用来检查内容安全是否拦截。',
    })
    expect(refused.status).toBe(422)
    expect(refused.body.error).toMatchObject({ code: 'content.risky', details: [{ path: 'body.text' }] })
    expect(refused.body.error.message).toMatch(/违规/)
    expect((await matter(writer!.token, matterId)).status).toBe(404)
    const mine = expectOk(await call('GET', '/matters?mine=true', { token: writer!.token }))
    expect(mine.items.map((m: any) => m.matterId)).not.toContain(matterId)
    // A risky title is named as the title.
    const title = await propose(writer!.token, A1(), { title: '违规测试标题' })
    expect(title.body.error).toMatchObject({ code: 'content.risky', details: [{ path: 'body.title' }] })
  })

  it('refuses a risky revision and leaves the returned matter as it was', async () => {
    const [writer] = w.residents
    const m = expectOk(await propose(writer!.token, A1()))
    expectOk(
      await call('POST', `/matters/${m.matterId}/review`, {
        token: w.committee.token,
        body: { decision: 'return', note: '请补充具体位置' },
      }),
    )
    const body = {
      categoryId: 'shared-facilities',
      title: '更换1单元楼道照明',
      text: '补充：1单元3楼到5楼，违规测试内容。',
      photoKeys: [],
    }
    const refused = await call('PUT', `/matters/${m.matterId}`, { token: writer!.token, body })
    expect(refused.status).toBe(422)
    expect(refused.body.error).toMatchObject({ code: 'content.risky', details: [{ path: 'body.text' }] })
    const after = expectOk(await matter(writer!.token, m.matterId))
    expect(after).toMatchObject({ status: 'returned', text: m.text })
    // A revision WeChat holds for review goes to the committee, held from the neighbours.
    const held = expectOk(
      await call('PUT', `/matters/${m.matterId}`, {
        token: writer!.token,
        body: { ...body, text: '补充：1单元3楼到5楼，待审测试。' },
      }),
    )
    expect(held).toMatchObject({ status: 'awaitingReview', moderation: { state: 'review' } })
    expect((await matter(w.residents[1]!.token, m.matterId)).status).toBe(404)
  })

  it('refuses a risky comment, and stores nothing when WeChat cannot be asked (503)', async () => {
    const [writer, neighbour] = w.residents
    const m = expectOk(await propose(writer!.token, A1()))
    const risky = await comment(neighbour!.token, m.matterId, '违规测试评论')
    expect(risky.status).toBe(422)
    expect(risky.body.error.code).toBe('content.risky')
    const down = await comment(neighbour!.token, m.matterId, '故障测试：微信不可用')
    expect(down.status).toBe(503)
    expect(down.body.error.code).toBe('content.checkUnavailable')
    expect(await comments(writer!.token, m.matterId)).toEqual([])
    expect(await comments(neighbour!.token, m.matterId)).toEqual([])
  })

  it('holds a comment WeChat sends for review: its writer and the staff see it marked, neighbours do not, until a committee member restores it', async () => {
    const [writer, author, neighbour] = w.residents
    const m = expectOk(await propose(writer!.token, A1()))
    const held = expectOk(await comment(author!.token, m.matterId, '待审测试：楼道灯的事情'))
    expect(held.moderation).toMatchObject({ state: 'review', label: '审核中，仅自己可见' })
    expect((await comments(author!.token, m.matterId)).map((c) => [c.text, c.moderation?.label])).toEqual([
      ['待审测试：楼道灯的事情', '审核中，仅自己可见'],
    ])
    expect(await comments(neighbour!.token, m.matterId)).toEqual([])
    expect((await comments(w.committee.token, m.matterId))[0]).toMatchObject({
      text: '待审测试：楼道灯的事情',
      moderation: { state: 'review' },
    })

    const q = await queue(w.committee.token)
    const key = `matter:${m.matterId}:comment:${held.commentId}`
    expect(q.items.find((i: any) => i.contentKey === key)).toMatchObject({
      kind: 'text',
      state: 'review',
      authorName: author!.name,
      text: '待审测试：楼道灯的事情',
      wechat: { suggest: 'review' },
    })
    expect(q.counts.review).toBeGreaterThanOrEqual(1)
    // A resident may not decide; the committee member does, with a reason, and it is on the record.
    expect(
      (
        await call('POST', '/moderation/decisions', {
          token: neighbour!.token,
          body: { contentKey: key, decision: 'restore', reason: '无' },
        })
      ).body.error.code,
    ).toBe('auth.forbidden')
    const decided = expectOk(
      await call('POST', '/moderation/decisions', {
        token: w.committee.token,
        body: { contentKey: key, decision: 'restore', reason: '内容正常，恢复显示' },
      }),
    )
    expect(decided).toMatchObject({
      outcome: 'restore',
      byId: w.committee.userId,
      byName: '周书记',
      reason: '内容正常，恢复显示',
    })
    expect((await comments(neighbour!.token, m.matterId)).map((c) => [c.text, c.moderation])).toEqual([
      ['待审测试：楼道灯的事情', undefined],
    ])
    expect((await queue(w.committee.token)).items.map((i: any) => i.contentKey)).not.toContain(key)
    // The same decision again answers the first; another is refused.
    expect(
      expectOk(
        await call('POST', '/moderation/decisions', {
          token: w.committee.token,
          body: { contentKey: key, decision: 'restore', reason: '再次' },
        }),
      ).at,
    ).toBe(decided.at)
    expect(
      (
        await call('POST', '/moderation/decisions', {
          token: w.committee.token,
          body: { contentKey: key, decision: 'remove', reason: '改主意' },
        })
      ).body.error.code,
    ).toBe('moderation.notPending')
    const log = expectOk(
      await call('GET', `/communities/${w.communityId}/moderation-decisions`, { token: w.committee.token }),
    )
    expect(log.items[0]).toMatchObject({
      contentKey: key,
      outcome: 'restore',
      byName: '周书记',
      reason: '内容正常，恢复显示',
      subject: { kind: 'matter', id: m.matterId },
    })
  })

  it('holds a proposal WeChat sends for review: listed and shown only to its proposer and the staff', async () => {
    const [writer, neighbour] = w.residents
    const m = expectOk(await propose(writer!.token, A1(), { text: '待审测试：小区东门的停车秩序需要大家一起商量。' }))
    expect(m.moderation).toMatchObject({ state: 'review', label: '审核中，仅自己可见' })
    expect((await matter(neighbour!.token, m.matterId)).status).toBe(404)
    const listed = expectOk(await call('GET', `/matters?communityId=${w.communityId}`, { token: neighbour!.token }))
    expect(listed.items.map((i: any) => i.matterId)).not.toContain(m.matterId)
    expect(expectOk(await matter(w.committee.token, m.matterId)).moderation.state).toBe('review')
    const key = `matter:${m.matterId}:body`
    expectOk(
      await call('POST', '/moderation/decisions', {
        token: w.committee.token,
        body: { contentKey: key, decision: 'restore', reason: '属正常议事' },
      }),
    )
    expect(expectOk(await matter(neighbour!.token, m.matterId)).moderation).toBeUndefined()
  })
})

describe('content safety: photos', () => {
  it('shows a photo once submitted; a late risky verdict hides it from the matter everywhere, a review verdict until staff decide', async () => {
    const [writer, neighbour] = w.residents
    const risky = await uploadImage(writer!.token, 'GRIDLINK-RISKY-IMAGE')
    const doubtful = await uploadImage(writer!.token, 'GRIDLINK-REVIEW-IMAGE')
    const fine = await uploadImage(writer!.token)
    const m = expectOk(await propose(writer!.token, A1(), { photoKeys: [risky, doubtful, fine] }))
    expect(m.photos.map((p: any) => p.key)).toEqual([risky, doubtful, fine])
    expect(expectOk(await matter(neighbour!.token, m.matterId)).photos).toHaveLength(3)

    const checks = await pendingChecks(writer!.openid, 3)
    expect(checks.map((c) => c.suggest).sort()).toEqual(['pass', 'review', 'risky'])
    for (const c of checks) {
      const res = await deliver(c)
      expect(res.status).toBe(200)
      expect(text(res)).toBe('success')
    }
    // A push delivered twice changes nothing.
    expect((await deliver(checks[0]!)).status).toBe(200)

    const seen = expectOk(await matter(neighbour!.token, m.matterId))
    expect(seen.photos.map((p: any) => p.key)).toEqual([fine])
    expect(seen.photosWithheld).toBe(2)
    const own = expectOk(await matter(writer!.token, m.matterId))
    expect(own.photos.map((p: any) => [p.key, p.moderation?.state])).toEqual([
      [doubtful, 'review'],
      [fine, undefined],
    ])
    expect(own.photosWithheld).toBe(1)
    const q = await queue(w.committee.token)
    expect(q.items.find((i: any) => i.contentKey === `photo:${doubtful}`)).toMatchObject({
      kind: 'photo',
      state: 'review',
      photoUrl: expect.stringMatching(/^http/),
    })
    expect(q.items.map((i: any) => i.contentKey)).not.toContain(`photo:${risky}`)
    const log = expectOk(
      await call('GET', `/communities/${w.communityId}/moderation-decisions`, { token: w.committee.token }),
    )
    expect(log.items.find((d: any) => d.contentKey === `photo:${risky}`)).toMatchObject({
      outcome: 'block',
      byName: '微信内容安全',
    })

    expectOk(
      await call('POST', '/moderation/decisions', {
        token: w.committee.token,
        body: { contentKey: `photo:${doubtful}`, decision: 'restore', reason: '普通照片' },
      }),
    )
    expect(expectOk(await matter(neighbour!.token, m.matterId)).photos.map((p: any) => p.key)).toEqual([doubtful, fine])
  })

  it('refuses a push whose signature is not WeChat’s, and answers the console’s URL check', async () => {
    const [writer] = w.residents
    const photo = await uploadImage(writer!.token, 'GRIDLINK-RISKY-IMAGE')
    const m = expectOk(await propose(writer!.token, A1(), { photoKeys: [photo] }))
    const [check] = await pendingChecks(writer!.openid)
    const forged = await call(
      'POST',
      `/wechat/push?${new URLSearchParams({ ...check!.push.query, signature: 'f'.repeat(40) })}`,
      { body: check!.push.body },
    )
    expect(forged.status).toBe(401)
    expect(forged.body.error.code).toBe('wechat.badSignature')
    const unsigned = await call('POST', '/wechat/push?signature=&timestamp=1&nonce=2', { body: check!.push.body })
    expect(unsigned.body.error.code).toBe('wechat.badSignature')
    // Nothing changed: the photo is still shown.
    expect(expectOk(await matter(w.residents[1]!.token, m.matterId)).photos).toHaveLength(1)

    const timestamp = '1700000000'
    const nonce = 'abc'
    const signature = createHash('sha1').update(['test-push-token', timestamp, nonce].sort().join('')).digest('hex')
    const ok = await call(
      'GET',
      `/wechat/push?${new URLSearchParams({ signature, timestamp, nonce, echostr: 'echo-123' })}`,
    )
    expect(ok.status).toBe(200)
    expect(text(ok)).toBe('echo-123')
    expect(
      (
        await call(
          'GET',
          `/wechat/push?${new URLSearchParams({ signature: 'x', timestamp, nonce, echostr: 'echo-123' })}`,
        )
      ).status,
    ).toBe(401)
    await deliver(check!)
  })
})

describe('reports (举报)', () => {
  it('hides a comment at the community’s number of reports (one per person), and a committee decision restores or removes it, on the record', async () => {
    const [writer, author, r1, r2, r3] = w.residents
    expectOk(
      await call('PUT', `/communities/${w.communityId}/moderation-settings`, {
        token: w.admin.token,
        body: { reportsToHide: 2 },
      }),
    )
    expect(
      (
        await call('PUT', `/communities/${w.communityId}/moderation-settings`, {
          token: r1!.token,
          body: { reportsToHide: 1 },
        })
      ).status,
    ).toBe(403)
    expect(
      expectOk(await call('GET', `/communities/${w.communityId}/moderation-settings`, { token: r1!.token })),
    ).toEqual({ reportsToHide: 2 })
    const m = expectOk(await propose(writer!.token, A1()))
    const c1 = expectOk(await comment(author!.token, m.matterId, '物业都是骗子'))
    const c2 = expectOk(await comment(author!.token, m.matterId, '我觉得可以再讨论'))
    const report = (token: string, commentId: string, reason = 'abuse') =>
      call('POST', '/moderation/reports', {
        token,
        body: {
          subject: { kind: 'matter', id: m.matterId },
          contentKey: `matter:${m.matterId}:comment:${commentId}`,
          reason,
        },
      })

    expect((await report(author!.token, c1.commentId)).body.error.code).toBe('content.ownReport')
    expect((await report(r1!.token, 'NOPE')).body.error.code).toBe('content.notFound')
    expect(expectOk(await report(r1!.token, c1.commentId))).toEqual({ accepted: true, already: false, hidden: false })
    // The same person twice counts once.
    expect(expectOk(await report(r1!.token, c1.commentId, 'ads'))).toEqual({
      accepted: true,
      already: true,
      hidden: false,
    })
    expect((await comments(r3!.token, m.matterId)).map((c) => c.commentId)).toContain(c1.commentId)
    expect(expectOk(await report(r2!.token, c1.commentId, 'ads'))).toEqual({
      accepted: true,
      already: false,
      hidden: true,
    })

    expect((await comments(r3!.token, m.matterId)).map((c) => c.commentId)).toEqual([c2.commentId])
    expect(
      (await comments(author!.token, m.matterId)).find((c) => c.commentId === c1.commentId).moderation,
    ).toMatchObject({ state: 'reported' })
    const q = await queue(w.committee.token)
    const key1 = `matter:${m.matterId}:comment:${c1.commentId}`
    expect(q.items.find((i: any) => i.contentKey === key1)).toMatchObject({
      state: 'reported',
      reports: 2,
      text: '物业都是骗子',
    })
    expect(q.items.find((i: any) => i.contentKey === key1).reasons.sort()).toEqual(['abuse', 'ads'])
    expect(q.counts.reported).toBeGreaterThanOrEqual(1)
    // Oldest first.
    const times = q.items.map((i: any) => i.queuedAt)
    expect([...times].sort()).toEqual(times)

    const removed = expectOk(
      await call('POST', '/moderation/decisions', {
        token: w.committee.token,
        body: { contentKey: key1, decision: 'remove', reason: '人身攻击，违反居民公约' },
      }),
    )
    expect(removed).toMatchObject({ outcome: 'remove', byName: '周书记', reason: '人身攻击，违反居民公约' })
    expect((await comments(r3!.token, m.matterId)).map((c) => c.commentId)).toEqual([c2.commentId])
    expect((await comments(author!.token, m.matterId)).find((c) => c.commentId === c1.commentId)).toMatchObject({
      text: '',
      moderation: { state: 'removed', reason: '人身攻击，违反居民公约' },
    })
    // A later report of a removed comment changes nothing.
    expect(expectOk(await report(r3!.token, c1.commentId)).hidden).toBe(true)

    // The other comment: reported, hidden, then restored; reports after a restore do not hide it again.
    await report(r1!.token, c2.commentId, 'false')
    expect(expectOk(await report(r2!.token, c2.commentId, 'false')).hidden).toBe(true)
    const key2 = `matter:${m.matterId}:comment:${c2.commentId}`
    expectOk(
      await call('POST', '/moderation/decisions', {
        token: w.committee.token,
        body: { contentKey: key2, decision: 'restore', reason: '属于正常意见' },
      }),
    )
    expect(expectOk(await report(r3!.token, c2.commentId, 'false')).hidden).toBe(false)
    expect((await comments(r3!.token, m.matterId)).map((c) => c.commentId)).toEqual([c2.commentId])

    const log = expectOk(
      await call('GET', `/communities/${w.communityId}/moderation-decisions`, { token: w.committee.token }),
    )
    expect(log.items.slice(0, 2).map((d: any) => [d.contentKey, d.outcome, d.byName, d.reason])).toEqual([
      [key2, 'restore', '周书记', '属于正常意见'],
      [key1, 'remove', '周书记', '人身攻击，违反居民公约'],
    ])
    expect((await call('GET', `/communities/${w.communityId}/moderation-queue`, { token: r1!.token })).status).toBe(403)
  })

  it('hides a reported photo until the committee decides', async () => {
    const [writer, r1, r2, r3] = w.residents
    const photo = await uploadImage(writer!.token)
    const m = expectOk(await propose(writer!.token, A1(), { photoKeys: [photo] }))
    for (const c of await pendingChecks(writer!.openid)) await deliver(c)
    const report = (token: string) =>
      call('POST', '/moderation/reports', {
        token,
        body: { subject: { kind: 'matter', id: m.matterId }, contentKey: `photo:${photo}`, reason: 'privacy' },
      })
    expectOk(await report(r1!.token))
    expect(expectOk(await report(r2!.token)).hidden).toBe(true)
    expect(expectOk(await matter(r3!.token, m.matterId))).toMatchObject({ photos: [], photosWithheld: 1 })
    expect(expectOk(await matter(writer!.token, m.matterId)).photos[0].moderation.state).toBe('reported')
    expectOk(
      await call('POST', '/moderation/decisions', {
        token: w.committee.token,
        body: { contentKey: `photo:${photo}`, decision: 'remove', reason: '照片含门牌号，泄露隐私' },
      }),
    )
    expect(expectOk(await matter(writer!.token, m.matterId))).toMatchObject({ photos: [], photosWithheld: 1 })
  })
})
