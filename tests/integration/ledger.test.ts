import { UpdateItemCommand } from 'dynamodb-toolbox'
import { ulid } from 'ulid'
import { describe, expect, it } from 'vitest'
import { auditCommunity } from '../../functions/src/domain/ledger/audit'
import { residentAccount } from '../../functions/src/domain/ledger/model'
import { credit, reverse, runTransfer, topUp } from '../../functions/src/domain/ledger/transfer'
import { dynamoLedgerStore, LedgerEntryEntity } from '../../functions/src/storage/ledger/ledger'

/*
 * The points ledger's core against DynamoDB Local: double entry, one credit per key, no hot item, and a chain
 * that shows any change made behind its back. (The points bank's HTTP routes are tested in their own files.)
 */
const deps = { ledger: dynamoLedgerStore, now: () => new Date() }
const by = { userId: 'admin', displayName: '吴主任' }
const at = () => new Date().toISOString()
const community = () => `C${ulid()}`
const earn = (communityId: string, userId: string, amount: number, key = `award:${ulid()}`) =>
  credit(deps, {
    communityId,
    userId,
    amount,
    key,
    reason: '楼道清理',
    source: { kind: 'rule', id: 'clean', label: '楼道清理' },
    by,
    at: at(),
  })
const balance = async (communityId: string, userId: string) =>
  (await deps.ledger.heads(communityId, [residentAccount(userId)])).get(residentAccount(userId))?.balance ?? 0

describe('the points ledger', () => {
  it('credits 100 volunteers at once from one pool: 100 entries, none lost or refused for contention, the community summing to zero', async () => {
    const c = community()
    expect(
      (
        await topUp(deps, {
          communityId: c,
          amount: 10_000,
          key: `topup:${ulid()}`,
          reason: '年度积分预算',
          by,
          at: at(),
        })
      ).ok,
    ).toBe(true)
    const users = Array.from({ length: 100 }, () => ulid())
    const results = await Promise.all(users.map((u) => earn(c, u, 5, `service:A1:${u}`)))
    expect(results.filter((r) => r.ok && !r.value.repeated)).toHaveLength(100)
    for (const u of users) expect(await balance(c, u)).toBe(5)
    const audit = await auditCommunity(deps, c)
    expect(audit).toMatchObject({ balanced: true, sum: 0, discrepancies: [] })
    // The pool paid exactly what the volunteers got.
    const pool = (await deps.ledger.allHeads(c))
      .filter((h) => h.account.startsWith('pool:'))
      .reduce((s, h) => s + h.balance, 0)
    expect(pool).toBe(10_000 - 500)
  })

  it('credits one key once however often it is asked, at once or later', async () => {
    const c = community()
    await topUp(deps, { communityId: c, amount: 100, key: `topup:${ulid()}`, reason: '预算', by, at: at() })
    const u = ulid()
    const key = `wish:${ulid()}`
    const tries = await Promise.all(Array.from({ length: 5 }, () => earn(c, u, 10, key)))
    expect(tries.every((r) => r.ok)).toBe(true)
    expect(tries.filter((r) => r.ok && !r.value.repeated)).toHaveLength(1)
    const later = await earn(c, u, 10, key)
    expect(later.ok && later.value.repeated).toBe(true)
    expect(await balance(c, u)).toBe(10)
    expect((await deps.ledger.allEntries(c, residentAccount(u))).length).toBe(1)
  })

  it('refuses earning once the budget is spent and writes nothing; refuses fractional and negative amounts', async () => {
    const c = community()
    await topUp(deps, { communityId: c, amount: 12, key: `topup:${ulid()}`, reason: '预算', by, at: at() })
    const u = ulid()
    // 12 points spread over the pool's shards: paying 10 takes several of them.
    expect((await earn(c, u, 10)).ok).toBe(true)
    const spent = await earn(c, u, 5)
    expect(spent).toEqual({ ok: false, refused: 'budgetSpent' })
    expect(await balance(c, u)).toBe(10)
    for (const amount of [0, -3, 2.5, Number.NaN])
      expect(await earn(c, u, amount)).toEqual({ ok: false, refused: 'badAmount' })
    expect((await deps.ledger.allEntries(c, residentAccount(u))).length).toBe(1)
    expect((await auditCommunity(deps, c)).discrepancies).toEqual([])
  })

  it('corrects a mistake by a reversing entry, once, and never below what the resident still holds', async () => {
    const c = community()
    await topUp(deps, { communityId: c, amount: 100, key: `topup:${ulid()}`, reason: '预算', by, at: at() })
    const u = ulid()
    const mistaken = await earn(c, u, 30)
    if (!mistaken.ok) throw new Error('credit failed')
    const undone = await reverse(deps, {
      communityId: c,
      transferId: mistaken.value.transfer.transferId,
      reason: '重复发放',
      by,
      at: at(),
    })
    expect(undone.ok).toBe(true)
    expect(await balance(c, u)).toBe(0)
    // The original stays, the reversal names it; reversing again changes nothing.
    const again = await reverse(deps, {
      communityId: c,
      transferId: mistaken.value.transfer.transferId,
      reason: '重复发放',
      by,
      at: at(),
    })
    expect(again.ok && again.value.repeated).toBe(true)
    const entries = await deps.ledger.allEntries(c, residentAccount(u))
    expect(entries.map((e) => e.delta)).toEqual([30, -30])
    expect(entries[1]!.kind).toBe('reverse')

    // Points already spent cannot be taken back: the reversal is refused and nothing moves.
    const second = await earn(c, u, 20)
    if (!second.ok) throw new Error('credit failed')
    const spendKey = `redeem:${ulid()}`
    const spend = await runTransfer(deps, c, spendKey, async () => ({
      ok: true as const,
      value: {
        heads: await deps.ledger.heads(c, [residentAccount(u), 'shop:00']),
        input: {
          communityId: c,
          transferId: spendKey,
          kind: 'redeem' as const,
          legs: [
            { account: residentAccount(u), delta: -15 },
            { account: 'shop:00', delta: 15 },
          ],
          reason: '兑换',
          source: { kind: 'item', id: 'i', label: '洗衣液' },
          by,
          at: at(),
        },
      },
    }))
    expect(spend.ok).toBe(true)
    expect(
      await reverse(deps, {
        communityId: c,
        transferId: second.value.transfer.transferId,
        reason: '误发',
        by,
        at: at(),
      }),
    ).toEqual({
      ok: false,
      refused: 'insufficient',
    })
    expect(await balance(c, u)).toBe(5)
    expect((await auditCommunity(deps, c)).discrepancies).toEqual([])
  })

  it('names the first broken link when an entry is changed in the table behind the ledger’s back', async () => {
    const c = community()
    await topUp(deps, { communityId: c, amount: 100, key: `topup:${ulid()}`, reason: '预算', by, at: at() })
    const u = ulid()
    for (let i = 0; i < 3; i++) await earn(c, u, 5)
    expect((await auditCommunity(deps, c)).discrepancies).toEqual([])
    // Someone with table access turns 5 points into 50 in the second entry.
    await LedgerEntryEntity.build(UpdateItemCommand)
      .item({ communityId: c, account: residentAccount(u), seq: 2, delta: 50, balanceAfter: 55 })
      .send()
    const audit = await auditCommunity(deps, c)
    const found = audit.discrepancies.find((d) => d.account === residentAccount(u))
    expect(found?.brokenAt).toMatchObject({ seq: 2 })
    expect(found?.problems.join()).toContain('余额缓存 15')
    expect(audit.balanced).toBe(false)
  })
})
