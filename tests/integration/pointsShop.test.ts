import { ulid } from 'ulid'
import { describe, expect, it } from 'vitest'
import { call, expectOk } from '../helpers/factories'
import { inBatches, makePointsWorld } from '../helpers/points'
import { tickAt } from '../helpers/deliberation'

/*
 * The points shop on DynamoDB Local through the HTTP handlers: redemption takes points and stock together or
 * not at all, whatever the concurrency; a pickup is fulfilled once; cancel, expiry and pickup race and exactly
 * one wins; and afterwards every balance is the sum of its entries.
 */
describe('the points shop under concurrency', () => {
  it('200 residents redeem one item with 10 in stock at once: exactly 10 redemptions, stock 0, 190 clear refusals', async () => {
    const w = await makePointsWorld({ residents: 200, budget: 10_000 })
    // 200 awards at once, through the HTTP API, from one pool: none lost or refused for contention.
    const awarded = await Promise.all(w.residents.map((r) => w.award(w.worker.token, r.userId)))
    expect(awarded.filter((a) => a.status === 201)).toHaveLength(200)
    const item = await w.item({ stock: 10, price: 5 })
    const results = await Promise.all(w.residents.map((r) => w.redeem(r.token, item.itemId)))
    expect(results.filter((r) => r.status === 201)).toHaveLength(10)
    const refusals = results.filter((r) => r.status !== 201)
    expect(refusals).toHaveLength(190)
    expect(new Set(refusals.map((r) => `${r.status} ${r.body.error.code}`))).toEqual(new Set(['409 shop.soldOut']))
    const listed = expectOk(
      await call('GET', `/communities/${w.communityId}/shop-items`, { token: w.residents[0]!.token }),
    ).items
    expect(listed.find((i: any) => i.itemId === item.itemId)).toMatchObject({ stock: 0, state: 'soldOut' })
    // Each winner paid 5; each pickup code is distinct.
    const winners = results.filter((r) => r.status === 201).map((r) => r.body)
    expect(new Set(winners.map((r: any) => r.pickup.code)).size).toBe(10)
    const balances = await inBatches(w.residents, 20, (r) => w.balance(r.token))
    expect(balances.filter((b) => b === 0)).toHaveLength(10)
    expect(balances.filter((b) => b === 5)).toHaveLength(190)
    const report = await w.checks()
    expect(report).toMatchObject({
      balanced: true,
      sum: 0,
      reconciliation: { ok: true, discrepancies: [] },
      chain: { ok: true, broken: [] },
    })
    const budget = expectOk(await call('GET', `/communities/${w.communityId}/points/budget`, { token: w.admin.token }))
    expect(budget).toMatchObject({ issued: 10_000, pool: 10_000 - 1000, residents: 950, shop: 50, expired: 0 })
  })

  it('one resident fires 50 redemptions at once with a limit of 2 and points for 3: exactly 2; the same id 5 times: one', async () => {
    const w = await makePointsWorld({ residents: 1, budget: 1000 })
    const me = w.residents[0]!
    for (let i = 0; i < 3; i++) expectOk(await w.award(w.worker.token, me.userId))
    const item = await w.item({ stock: 100, price: 5, limit: { count: 2, period: 'month' } })
    const results = await Promise.all(Array.from({ length: 50 }, () => w.redeem(me.token, item.itemId)))
    expect(results.filter((r) => r.status === 201)).toHaveLength(2)
    expect(new Set(results.filter((r) => r.status !== 201).map((r) => r.body.error.code))).toEqual(
      new Set(['shop.limitReached']),
    )
    expect(await w.balance(me.token)).toBe(5)
    const shop = expectOk(await call('GET', `/communities/${w.communityId}/shop-items`, { token: me.token })).items
    expect(shop[0]).toMatchObject({ stock: 98, mine: { used: 2, remaining: 0 } })

    // The same client id five times at once, on another item: one redemption, five equal answers.
    const other = await w.item({ stock: 5, price: 5, name: '抽纸' })
    const id = ulid()
    const same = await Promise.all(Array.from({ length: 5 }, () => w.redeem(me.token, other.itemId, id)))
    expect(same.map((r) => `${r.status} ${r.body.error?.code ?? ''}`)).toEqual(Array(5).fill('201 '))
    expect(new Set(same.map((r) => r.body.pickup.code)).size).toBe(1)
    expect(await w.balance(me.token)).toBe(0)
    expect((await w.passbook(me.token)).filter((e) => e.kind === 'redeem')).toHaveLength(3)
    // Another resident reusing the id is refused, and nothing moves.
    const [stranger] = (await makePointsWorld({ residents: 1 })).residents
    expect((await w.redeem(stranger!.token, other.itemId, id)).body.error.code).toBe('request.idConflict')
    expect((await w.checks()).reconciliation.ok).toBe(true)
  })

  it('two staff confirm one pickup code at once: fulfilled once; cancel racing pickup: exactly one wins and the ledger matches', async () => {
    const w = await makePointsWorld({ residents: 2, budget: 1000 })
    const [a, b] = w.residents as [(typeof w.residents)[number], (typeof w.residents)[number]]
    for (const r of [a, b]) for (let i = 0; i < 2; i++) expectOk(await w.award(w.worker.token, r.userId))
    const item = await w.item({ stock: 10, price: 5 })
    const mine = expectOk(await w.redeem(a.token, item.itemId))
    const looked = expectOk(
      await call('POST', `/communities/${w.communityId}/pickups/lookup`, {
        token: w.worker.token,
        body: { code: mine.pickup.code },
      }),
    )
    expect(looked).toMatchObject({ itemName: '洗衣液', state: 'ready', can: ['fulfil'], resident: { name: a.name } })
    expect(looked.pickup).toBeUndefined()
    const both = await Promise.all(
      [w.worker, w.committee].map((s) =>
        call('POST', `/redemptions/${mine.redemptionId}/fulfil`, { token: s.token, body: { code: mine.pickup.qr } }),
      ),
    )
    expect(both.map((r) => r.status).sort()).toEqual([200, 409])
    expect(both.find((r) => r.status === 409)!.body.error.code).toBe('redemption.fulfilled')
    expect(expectOk(await call('GET', `/redemptions/${mine.redemptionId}`, { token: a.token })).state).toBe('fulfilled')

    // Cancel races pickup, ten times: exactly one wins each time; refunds only follow cancels.
    let cancels = 0
    for (let i = 0; i < 10; i++) {
      const r = expectOk(await w.redeem(b.token, item.itemId))
      const [cancel, pickup] = await Promise.all([
        call('POST', `/redemptions/${r.redemptionId}/cancel`, { token: b.token }),
        call('POST', `/redemptions/${r.redemptionId}/fulfil`, { token: w.worker.token, body: { code: r.pickup.code } }),
      ])
      expect([cancel.status, pickup.status].filter((s) => s === 200)).toHaveLength(1)
      const state = expectOk(await call('GET', `/redemptions/${r.redemptionId}`, { token: b.token })).state
      expect(state).toBe(cancel.status === 200 ? 'cancelled' : 'fulfilled')
      if (cancel.status === 200) cancels++
      else expect(cancel.body.error.code).toBe('redemption.notReady')
      if ((await w.balance(b.token)) === 0) break
    }
    const entries = await w.passbook(b.token)
    const redeemed = entries.filter((e) => e.kind === 'redeem').length
    expect(entries.filter((e) => e.kind === 'refund')).toHaveLength(cancels)
    expect(await w.balance(b.token)).toBe(10 - 5 * (redeemed - cancels))
    const stock = expectOk(await call('GET', `/communities/${w.communityId}/shop-items`, { token: b.token })).items[0]
      .stock
    expect(stock).toBe(10 - 1 - (redeemed - cancels))
    expect(await w.checks()).toMatchObject({ reconciliation: { ok: true }, chain: { ok: true } })
  })

  it('a pickup code not collected by its deadline expires through the scheduler: points and stock come back once', async () => {
    const w = await makePointsWorld({ residents: 1, budget: 100 })
    const me = w.residents[0]!
    expectOk(await w.award(w.worker.token, me.userId))
    const item = await w.item({ stock: 1, price: 5, pickupDays: 1, limit: { count: 1, period: 'year' } })
    const r = expectOk(await w.redeem(me.token, item.itemId))
    expect(await w.balance(me.token)).toBe(0)
    const after = new Date(Date.parse(r.deadline) + 60_000)
    await tickAt(after)
    await tickAt(after)
    const expired = expectOk(await call('GET', `/redemptions/${r.redemptionId}`, { token: me.token }))
    expect(expired).toMatchObject({ state: 'expired', can: [] })
    expect(await w.balance(me.token)).toBe(5)
    const shop = expectOk(await call('GET', `/communities/${w.communityId}/shop-items`, { token: me.token })).items[0]
    expect(shop).toMatchObject({ stock: 1, mine: { used: 0, remaining: 1 } })
    // Too late to pick up, and the freed code names nothing.
    expect(
      (
        await call('POST', `/redemptions/${r.redemptionId}/fulfil`, {
          token: w.worker.token,
          body: { code: r.pickup.qr },
        })
      ).body.error.code,
    ).toBe('redemption.notReady')
    expect(
      (
        await call('POST', `/communities/${w.communityId}/pickups/lookup`, {
          token: w.worker.token,
          body: { code: r.pickup.code },
        })
      ).body.error.code,
    ).toBe('pickup.invalid')
    const entries = await w.passbook(me.token)
    expect(entries.map((e) => [e.kind, e.delta, e.balanceAfter])).toEqual([
      ['refund', 5, 5],
      ['redeem', -5, 0],
      ['earn', 5, 5],
    ])
  })
})
