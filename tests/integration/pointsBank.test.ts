import { UpdateItemCommand } from 'dynamodb-toolbox'
import { unzipSync, strFromU8 } from 'fflate'
import { ulid } from 'ulid'
import { describe, expect, it } from 'vitest'
import { beijingYearStart } from '../../functions/src/domain/ledger/expiry'
import { residentAccount } from '../../functions/src/domain/ledger/model'
import { LedgerEntryEntity } from '../../functions/src/storage/ledger/ledger'
import { dynamoNoticeStore } from '../../functions/src/storage/notifications/notices'
import { call, expectOk } from '../helpers/factories'
import { tickAt, uploadPhoto } from '../helpers/deliberation'
import { makePointsWorld, rules } from '../helpers/points'

/*
 * The points bank's ledger side through the HTTP handlers: awards by rule (cap, who may award, the budget),
 * reversal, the passbook, the ledger and its export, the checks finding a corrupted entry, optional expiry,
 * and bad input refused with a stable code and nothing changed.
 */
describe('the points bank', () => {
  it('awards by rule: paid from the pool, capped per resident, only by the roles the rule names, once per award id', async () => {
    const w = await makePointsWorld({ residents: 2, budget: 100 })
    const [a, b] = w.residents as [(typeof w.residents)[number], (typeof w.residents)[number]]
    const id = ulid()
    const twice = await Promise.all(
      [1, 2].map(() =>
        call('POST', `/communities/${w.communityId}/points/awards`, {
          token: w.committee.token,
          body: { awardId: id, ruleId: 'deliberate', userId: a.userId },
        }),
      ),
    )
    expect(twice.map((r) => r.status)).toEqual([201, 201])
    expect(twice.filter((r) => r.body.repeated)).toHaveLength(1)
    // 参加议事 is capped at once a day.
    expect((await w.award(w.committee.token, a.userId, 'deliberate')).body.error.code).toBe('points.capReached')
    // 见义勇为 is the admin's to award; 楼道清理 not the committee's.
    expect((await w.award(w.worker.token, a.userId, 'big')).body.error.code).toBe('auth.forbidden')
    expect((await w.award(w.committee.token, a.userId, 'clean')).body.error.code).toBe('auth.forbidden')
    expect((await w.award(w.admin.token, a.userId, 'nope')).body.error.code).toBe('points.ruleNotFound')
    expect(await w.balance(a.token)).toBe(2)

    // The budget spent: the 100-point award is refused and nothing is written.
    expect((await w.award(w.admin.token, b.userId, 'big')).body.error.code).toBe('points.budgetSpent')
    expect(await w.passbook(b.token)).toEqual([])
    const budget = expectOk(await call('GET', `/communities/${w.communityId}/points/budget`, { token: w.admin.token }))
    expect(budget).toMatchObject({ issued: 100, pool: 98, residents: 2 })
    expect(budget.topUps).toHaveLength(1)

    // The resident's view: balance, the passbook entry with its source and running balance, the rules.
    const mine = expectOk(await call('GET', '/me/points', { token: a.token }))
    expect(mine).toMatchObject({ communityId: w.communityId, balance: 2, expiry: 'none' })
    expect(mine.rules.map((r: any) => r.name)).toEqual(rules.map((r) => r.name))
    expect((await w.passbook(a.token))[0]).toMatchObject({
      kind: 'earn',
      delta: 2,
      balanceAfter: 2,
      reason: '参加议事',
      source: { kind: 'rule', label: '参加议事' },
      by: '周书记',
    })

    // Found by name or room for the next award, with their balance.
    const found = expectOk(
      await call('GET', `/communities/${w.communityId}/points/residents?q=${encodeURIComponent(a.name)}`, {
        token: w.worker.token,
      }),
    )
    expect(found.items[0]).toMatchObject({ userId: a.userId, balance: 2 })
    expect(
      expectOk(
        await call('GET', `/communities/${w.communityId}/points/residents?q=${a.room}`, { token: w.worker.token }),
      ).items.map((i: any) => i.userId),
    ).toContain(a.userId)
  })

  it('corrects a mistake by a reversing entry with the reason and the staff member; lists and exports the ledger; prints the passbook', async () => {
    const w = await makePointsWorld({ residents: 1, budget: 50 })
    const me = w.residents[0]!
    const mistaken = expectOk(await w.award(w.admin.token, me.userId, 'clean')).transfer
    expect(mistaken).toMatchObject({ kind: 'earn', reversible: true, by: { name: '社区管理员' } })
    const path = `/communities/${w.communityId}/points/transfers/${mistaken.transferId}/reversal`
    expect((await call('POST', path, { token: w.worker.token, body: { reason: '重复发放' } })).body.error.code).toBe(
      'auth.forbidden',
    )
    const undone = expectOk(await call('POST', path, { token: w.admin.token, body: { reason: '重复发放' } }))
    expect(undone).toMatchObject({
      kind: 'reverse',
      reverses: mistaken.transferId,
      reason: '重复发放',
      reversible: false,
    })
    expect(await w.balance(me.token)).toBe(0)
    expect((await w.passbook(me.token)).map((e) => [e.kind, e.delta, e.balanceAfter])).toEqual([
      ['reverse', -5, 0],
      ['earn', 5, 5],
    ])
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7)
    const ledger = expectOk(
      await call('GET', `/communities/${w.communityId}/points/transfers?month=${month}`, { token: w.committee.token }),
    )
    expect(ledger.items.map((t: any) => t.kind)).toEqual(['reverse', 'earn', 'topUp'])
    expect(ledger.items.find((t: any) => t.kind === 'earn').reversible).toBe(false)
    expect(
      expectOk(
        await call('GET', `/communities/${w.communityId}/points/transfers?month=${month}&kind=topUp`, {
          token: w.committee.token,
        }),
      ).items,
    ).toHaveLength(1)
    expect(
      (
        await call('GET', `/communities/${w.communityId}/points/transfers?month=${month}&cursor=abc`, {
          token: w.committee.token,
        })
      ).body.error.code,
    ).toBe('cursor.invalid')

    const xlsx = await call('GET', `/communities/${w.communityId}/points/transfers-export?month=${month}`, {
      token: w.admin.token,
    })
    expect(xlsx.status).toBe(200)
    const files = unzipSync(Buffer.from(xlsx.body as string, 'base64'))
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!)
    expect(sheet).toContain('楼道清理')
    expect(sheet).toContain('重复发放')
    expect(Object.keys(files)).toContain('[Content_Types].xml')

    const pdf = await call('GET', '/me/points/passbook-print', { token: me.token })
    expect(pdf.status).toBe(200)
    expect(pdf.headers['content-type']).toBe('application/pdf')
    expect(
      Buffer.from(pdf.body as string, 'base64')
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-')
  })

  it('the checks report zero discrepancies, and both find an entry corrupted in the table, naming the first broken link', async () => {
    const w = await makePointsWorld({ residents: 1, budget: 100 })
    const me = w.residents[0]!
    for (let i = 0; i < 3; i++) expectOk(await w.award(w.admin.token, me.userId, 'clean'))
    expect(await w.checks()).toMatchObject({ balanced: true, reconciliation: { ok: true }, chain: { ok: true } })
    // Someone with table access turns 5 points into 50 in the resident's second entry.
    await LedgerEntryEntity.build(UpdateItemCommand)
      .item({ communityId: w.communityId, account: residentAccount(me.userId), seq: 2, delta: 50, balanceAfter: 55 })
      .send()
    const report = await w.checks()
    expect(report.reconciliation.ok).toBe(false)
    expect(report.reconciliation.discrepancies).toEqual([
      expect.objectContaining({ account: residentAccount(me.userId), label: me.name, cached: 15, fromEntries: 60 }),
    ])
    expect(report.chain.broken).toEqual([
      expect.objectContaining({ account: residentAccount(me.userId), label: me.name, seq: 2 }),
    ])
    expect(
      expectOk(await call('GET', `/communities/${w.communityId}/points/checks`, { token: w.admin.token })).latest,
    ).toMatchObject({
      trigger: 'admin',
      chain: { ok: false },
    })
    expect(
      (await call('GET', `/communities/${w.communityId}/points/checks`, { token: w.worker.token })).body.error.code,
    ).toBe('auth.forbidden')
  })

  it('with expiry chosen, what is left of the year before last expires at the year start (by the scheduler, once)', async () => {
    const w = await makePointsWorld({ residents: 1, budget: 100 })
    const me = w.residents[0]!
    expectOk(
      await call('PUT', `/communities/${w.communityId}/points-settings`, {
        token: w.admin.token,
        body: { expiry: 'endOfNextYear', rules },
      }),
    )
    expectOk(await w.award(w.admin.token, me.userId, 'clean'))
    const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear()
    // Earned this year: good through next year, so nothing expires at the coming year start.
    expect(expectOk(await call('GET', '/me/points', { token: me.token })).expiring).toBeUndefined()
    // Next year's start: this year's points are still good. The year after: they expire.
    await tickAt(new Date(Date.parse(beijingYearStart(year + 1)) + 60_000))
    expect(await w.balance(me.token)).toBe(5)
    await tickAt(new Date(Date.parse(beijingYearStart(year + 2)) + 60_000))
    await tickAt(new Date(Date.parse(beijingYearStart(year + 2)) + 120_000))
    expect(await w.balance(me.token)).toBe(0)
    expect((await w.passbook(me.token))[0]).toMatchObject({ kind: 'expire', delta: -5, source: { label: '积分到期' } })
    const budget = expectOk(await call('GET', `/communities/${w.communityId}/points/budget`, { token: w.admin.token }))
    expect(budget).toMatchObject({ expired: 5, residents: 0 })
  })

  it('tells the resident the redemption is ready and a day before it expires, and the admin once when stock runs low', async () => {
    const w = await makePointsWorld({ residents: 1, budget: 100 })
    const me = w.residents[0]!
    for (let i = 0; i < 4; i++) expectOk(await w.award(w.admin.token, me.userId))
    const item = await w.item({ stock: 4, price: 5, lowStockAt: 2, pickupDays: 3 })
    const first = expectOk(await w.redeem(me.token, item.itemId))
    const ready = await dynamoNoticeStore.forSubject('redemption', first.redemptionId)
    expect(ready).toMatchObject([
      { topic: 'points', kind: 'redemptionReady', audience: { kind: 'users', userIds: [me.userId] } },
    ])
    const lowStock = async () => (await dynamoNoticeStore.forSubject('shopItem', item.itemId)).map((n) => n.text)
    expect(await lowStock()).toEqual([])
    expectOk(await w.redeem(me.token, item.itemId))
    expectOk(await w.redeem(me.token, item.itemId))
    expect(await lowStock()).toEqual(['库存只剩2件，请及时补货'])
    expectOk(
      await call('POST', `/shop-items/${item.itemId}/stock`, {
        token: w.admin.token,
        body: { changeId: ulid(), delta: 5, reason: '补货' },
      }),
    )
    expect(
      expectOk(await call('GET', `/communities/${w.communityId}/shop-items?all=true`, { token: w.admin.token }))
        .items[0].stock,
    ).toBe(6)
    // The reminder: a day before the deadline, once however often the scheduler runs.
    const remind = new Date(Date.parse(first.deadline) - 23 * 3600_000)
    await tickAt(remind)
    await tickAt(remind)
    expect((await dynamoNoticeStore.forSubject('redemption', first.redemptionId)).map((n) => n.kind)).toEqual([
      'redemptionReady',
      'pickupExpiring',
    ])
  })

  it("an item carries a photo its admin uploaded (shown through a signed URL); someone else's upload is refused", async () => {
    const w = await makePointsWorld({ residents: 1 })
    const key = await uploadPhoto(w.admin.token)
    const item = await w.item({ photoKey: key, donor: '幸福里便民超市', activeUntil: '2099-01-01T00:00:00Z' })
    expect(item).toMatchObject({ photoKey: key, donor: '幸福里便民超市', state: 'available' })
    const listed = expectOk(
      await call('GET', `/communities/${w.communityId}/shop-items`, { token: w.residents[0]!.token }),
    ).items[0]
    expect(listed.photo.url).toContain(encodeURIComponent(key.split('/').pop()!).slice(0, 10))
    const theirs = await uploadPhoto(w.residents[0]!.token)
    const refused = await call('POST', `/communities/${w.communityId}/shop-items`, {
      token: w.admin.token,
      body: {
        itemId: ulid(),
        name: '抽纸',
        kind: 'goods',
        price: 5,
        stock: 1,
        pickupPlace: '服务站',
        pickupDays: 7,
        photoKey: theirs,
      },
    })
    expect(refused.body.error.code).toBe('upload.missing')
  })

  it('bad input gets a 4xx with a stable code and changes nothing', async () => {
    const w = await makePointsWorld({ residents: 1, budget: 100 })
    const other = await makePointsWorld({ residents: 1, budget: 100 })
    const me = w.residents[0]!
    expectOk(await w.award(w.admin.token, me.userId))
    const item = await w.item()
    const foreign = await other.item()
    const topUp = (amount: unknown) =>
      call('POST', `/communities/${w.communityId}/points/top-ups`, {
        token: w.admin.token,
        body: { topUpId: ulid(), amount, reason: '预算' },
      })
    for (const amount of [-5, 2.5, 0, '10', 1e12]) expect((await topUp(amount)).body.error.code).toBe('request.invalid')
    const newItem = (fields: Record<string, unknown>) =>
      call('POST', `/communities/${w.communityId}/shop-items`, {
        token: w.admin.token,
        body: {
          itemId: ulid(),
          name: '抽纸',
          kind: 'goods',
          price: 5,
          stock: 10,
          pickupPlace: '服务站',
          pickupDays: 7,
          ...fields,
        },
      })
    for (const f of [
      { price: -1 },
      { price: 1.5 },
      { stock: -1 },
      { stock: 0.5 },
      { limit: { count: 0, period: 'month' } },
      { activeFrom: '2030-01-02T00:00:00Z', activeUntil: '2030-01-01T00:00:00Z' },
    ])
      expect((await newItem(f)).body.error.code).toBe('request.invalid')
    expect(
      (
        await call('POST', `/shop-items/${item.itemId}/stock`, {
          token: w.admin.token,
          body: { changeId: ulid(), delta: -11, reason: '盘点' },
        })
      ).body.error.code,
    ).toBe('shop.stockTooLow')
    expect(
      (
        await call('POST', `/shop-items/${item.itemId}/stock`, {
          token: w.admin.token,
          body: { changeId: ulid(), delta: 1.5, reason: '盘点' },
        })
      ).body.error.code,
    ).toBe('request.invalid')
    // Unknown items, another community's item, and its pickup code.
    expect((await w.redeem(me.token, ulid())).body.error.code).toBe('shop.itemNotFound')
    expect((await w.redeem(me.token, foreign.itemId)).body.error.code).toBe('shop.itemNotFound')
    expect(
      (
        await call('PUT', `/shop-items/${foreign.itemId}`, {
          token: w.admin.token,
          body: { name: 'x', kind: 'goods', price: 1, pickupPlace: 'x', pickupDays: 1 },
        })
      ).status,
    ).toBe(403)
    const theirs = other.residents[0]!
    expectOk(await other.award(other.admin.token, theirs.userId))
    const code = expectOk(await other.redeem(theirs.token, foreign.itemId)).pickup
    for (const c of [
      code.code,
      code.qr,
      '000000',
      'GLPK:01ARZ3NDEKTSV4RRFFQ69G5FAV:aaaaaaaaaaaaaaaaaaaa',
      "' OR 1=1 --",
    ])
      expect(
        (
          await call('POST', `/communities/${w.communityId}/pickups/lookup`, {
            token: w.worker.token,
            body: { code: c },
          })
        ).body.error.code,
      ).toBe('pickup.invalid')
    const forged = `${code.qr.slice(0, -4)}AAAA`
    expect(
      (
        await call('POST', `/communities/${other.communityId}/pickups/lookup`, {
          token: other.worker.token,
          body: { code: forged },
        })
      ).body.error.code,
    ).toBe('pickup.invalid')
    expect(
      (
        await call('POST', `/redemptions/${code.qr.split(':')[1]}/fulfil`, {
          token: w.worker.token,
          body: { code: code.qr },
        })
      ).body.error.code,
    ).toBe('auth.forbidden')
    expect(
      (await call('POST', `/redemptions/${code.qr.split(':')[1]}/cancel`, { token: me.token })).body.error.code,
    ).toBe('redemption.notFound')
    // A resident cannot hand over, nor reach the admin's pages.
    expect(
      (
        await call('POST', `/communities/${w.communityId}/pickups/lookup`, {
          token: me.token,
          body: { code: '123456' },
        })
      ).body.error.code,
    ).toBe('auth.forbidden')
    expect(
      (await call('GET', `/communities/${w.communityId}/points/budget`, { token: me.token })).body.error.code,
    ).toBe('auth.forbidden')
    // Nothing moved: balances, stock, the other community's redemption.
    expect(await w.balance(me.token)).toBe(5)
    expect(
      expectOk(await call('GET', `/communities/${w.communityId}/shop-items`, { token: me.token })).items[0].stock,
    ).toBe(10)
    expect(expectOk(await call('GET', `/redemptions/${code.qr.split(':')[1]}`, { token: theirs.token })).state).toBe(
      'ready',
    )
    expect((await w.checks()).reconciliation.ok).toBe(true)
  })
})
