import { describe, expect, inject, it } from 'vitest'
import { ulid } from 'ulid'
import { call, expectOk, makeUser } from '../helpers/factories'
import { makeDeliberationWorld, propose, tickAt } from '../helpers/deliberation'

const stack = inject('stack')
const sink = async (openid: string) =>
  (
    (await (await fetch(`${stack.wechatApiBase}/_sink/subscribe-messages?touser=${openid}`)).json()) as {
      items: { template_id: string; page: string; data: Record<string, { value: string }> }[]
    }
  ).items
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000)
const remaining = async (token: string, topic: string) =>
  (expectOk(await call('GET', '/me/subscriptions', { token })).items as { topic: string; remaining: number }[]).find(
    (i) => i.topic === topic,
  )!.remaining

describe('notifications as WeChat subscribe messages', () => {
  it('sends each queued notification to the consenting users of its audience, one message per consent', async () => {
    const w = await makeDeliberationWorld({ households: 3, secondsNeeded: 0 })
    const [proposer, neighbour, quiet] = w.residents
    const b1 = await makeUser('B1栋居民')
    const bind = expectOk(
      await call('POST', '/bindings', {
        token: b1.token,
        body: { buildingId: w.buildings.B1, unit: '1', room: '101' },
      }),
    )
    const b1Head = await w.withRole('buildingHead', 'building', w.buildings.B1)
    expectOk(
      await call('POST', `/bindings/${bind.requestId}/decision`, {
        token: b1Head.token,
        body: { decision: 'approve' },
      }),
    )

    // Before any consent the topics are listed with this stage's template ids and nothing to receive.
    const before = expectOk(await call('GET', '/me/subscriptions', { token: proposer!.token }))
    expect(before).toMatchObject({ communityId: w.communityId })
    expect(before.items).toEqual([
      { topic: 'progress', label: '我的议题进展', templateId: 'tmpl-progress', remaining: 0 },
      { topic: 'community', label: '议事投票与公示', templateId: 'tmpl-community', remaining: 0 },
      { topic: 'task', label: '待办提醒（工作人员）', templateId: 'tmpl-task', remaining: 0 },
      { topic: 'points', label: '积分兑换提醒', templateId: 'tmpl-points', remaining: 0 },
      { topic: 'volunteer', label: '志愿活动提醒', templateId: 'tmpl-volunteer', remaining: 0 },
      { topic: 'wish', label: '微心愿进展', templateId: 'tmpl-wish', remaining: 0 },
    ])
    // "允许" tapped: the proposer for their matter's progress (twice), the neighbour and the B1 resident for community news, the committee for tasks.
    expectOk(await call('POST', '/me/subscriptions', { token: proposer!.token, body: { topics: ['progress'] } }))
    expect(
      expectOk(await call('POST', '/me/subscriptions', { token: proposer!.token, body: { topics: ['progress'] } }))
        .items[0].remaining,
    ).toBe(2)
    expectOk(await call('POST', '/me/subscriptions', { token: neighbour!.token, body: { topics: ['community'] } }))
    expectOk(await call('POST', '/me/subscriptions', { token: b1.token, body: { topics: ['community'] } }))
    expectOk(
      await call('POST', '/me/subscriptions', {
        token: w.committee.token,
        body: { topics: ['task'], communityId: w.communityId },
      }),
    )

    // The proposal reaches review at once (no seconds needed): the committee gets a task message; then it is accepted.
    const m = expectOk(await propose(proposer!.token, { type: 'building', id: w.buildings.A1 }))
    await tickAt(later(1))
    const toCommittee = await sink(w.committee.openid)
    expect(toCommittee).toEqual([
      expect.objectContaining({
        template_id: 'tmpl-task',
        page: `packages/resident/pages/matter/index?matterId=${m.matterId}`,
      }),
    ])
    expect(toCommittee[0]!.data.thing1!.value).toBe(m.title.slice(0, 20))

    expectOk(
      await call('POST', `/matters/${m.matterId}/review`, {
        token: w.committee.token,
        body: { decision: 'accept', triage: 'small', responsibleParty: { organisationId: w.orgs.property } },
      }),
    )
    await tickAt(later(2))
    // The proposer hears of the acceptance (one of two consents spent); the building's residents who agreed hear
    // that consultation opened; the B1 resident's consent is not spent on an A1 matter; nobody unconsenting gets anything.
    expect((await sink(proposer!.openid)).map((x) => x.template_id)).toEqual(['tmpl-progress'])
    expect(await remaining(proposer!.token, 'progress')).toBe(1)
    expect((await sink(neighbour!.openid)).map((x) => x.template_id)).toEqual(['tmpl-community'])
    expect(await remaining(neighbour!.token, 'community')).toBe(0)
    expect(await sink(b1.openid)).toEqual([])
    expect(await remaining(b1.token, 'community')).toBe(1)
    expect(await sink(quiet!.openid)).toEqual([])

    // Every notification records what became of it; running the scheduler again sends nothing twice.
    const log = expectOk(await call('GET', `/matters/${m.matterId}/notifications`, { token: w.committee.token })).items
    expect(log.length).toBeGreaterThanOrEqual(3)
    for (const n of log) expect(n.delivery).toMatchObject({ audience: expect.any(Number), failed: 0 })
    expect(log.reduce((sum: number, n: { delivery: { sent: number } }) => sum + n.delivery.sent, 0)).toBe(3)
    await tickAt(later(3))
    expect(await sink(neighbour!.openid)).toHaveLength(1)
  })

  it('reaches each user once even when two runs of the scheduler overlap', async () => {
    const w = await makeDeliberationWorld({ households: 2, secondsNeeded: 1 })
    const [proposer, neighbour] = w.residents
    // Three taps on 允许 (one request names a topic once, however often it is listed).
    for (let i = 0; i < 3; i++)
      expectOk(
        await call('POST', '/me/subscriptions', {
          token: neighbour!.token,
          body: { topics: ['community', 'community'] },
        }),
      )
    expect(await remaining(neighbour!.token, 'community')).toBe(3)
    // Proposing opens seconding in the building: one notice for its households.
    expectOk(await propose(proposer!.token, { type: 'building', id: w.buildings.A1 }))
    await Promise.all([tickAt(later(1)), tickAt(later(1)), tickAt(later(1))])
    expect(await sink(neighbour!.openid)).toHaveLength(1)
    expect(await remaining(neighbour!.token, 'community')).toBe(2)
  })

  it('stops spending consent on a user who turned the messages off in WeChat, and refuses consent without a community or openid', async () => {
    const w = await makeDeliberationWorld({ households: 1, secondsNeeded: 0 })
    const refusing = await makeUser('拒收的居民', undefined, `refuse-${ulid()}`)
    const bind = expectOk(
      await call('POST', '/bindings', {
        token: refusing.token,
        body: { buildingId: w.buildings.A1, unit: '1', room: '202' },
      }),
    )
    expectOk(
      await call('POST', `/bindings/${bind.requestId}/decision`, {
        token: w.head.token,
        body: { decision: 'approve' },
      }),
    )
    expectOk(
      await call('POST', '/me/subscriptions', {
        token: refusing.token,
        body: { topics: ['progress', 'progress', 'community'] },
      }),
    )
    expect(await remaining(refusing.token, 'progress')).toBe(1)
    const m = expectOk(await propose(refusing.token, { type: 'building', id: w.buildings.A1 }))
    expectOk(
      await call('POST', `/matters/${m.matterId}/review`, {
        token: w.committee.token,
        body: { decision: 'return', note: '请补充位置' },
      }),
    )
    await tickAt(later(1))
    // WeChat answered 43101 for the "returned" message: nothing sent, and the consent left is not spent on more tries.
    expect(await sink(refusing.openid)).toEqual([])
    expect(await remaining(refusing.token, 'progress')).toBe(0)
    const log = expectOk(await call('GET', `/matters/${m.matterId}/notifications`, { token: refusing.token })).items
    expect(log.find((n: { template: string }) => n.template === 'matterProgress').delivery).toMatchObject({
      audience: 1,
      sent: 0,
      skipped: 1,
    })

    const homeless = await makeUser('未绑定的用户')
    const res = await call('POST', '/me/subscriptions', { token: homeless.token, body: { topics: ['community'] } })
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('subscription.noCommunity')
    const bad = await call('POST', '/me/subscriptions', { token: homeless.token, body: { topics: ['everything'] } })
    expect(bad.status).toBe(422)
    expect(bad.body.error.code).toBe('request.invalid')
  })
})
