import { describe, expect, it } from 'vitest'
import { beijingYearStart, expiringAtYearStart, expiringNext } from '../../functions/src/domain/ledger/expiry'
import { GENESIS, type Entry } from '../../functions/src/domain/ledger/model'
import {
  itemState,
  nextReconcileAt,
  parsePickup,
  periodKey,
  pickupDeadline,
  pickupMatches,
  spread,
  type RedemptionRecord,
} from '../../functions/src/domain/pointsBank/model'
import { redemptionActions, redemptionGuard } from '../../functions/src/domain/pointsBank/states'

/* The points bank's pure rules, with no network: periods and deadlines on the Beijing clock, stock shards, pickup
 * codes, the redemption state table, and the expiry sum (points spent oldest first). */
const entry = (seq: number, at: string, delta: number, balanceAfter: number): Entry => ({
  communityId: 'C',
  account: 'user:U',
  seq,
  transferId: `t${seq}`,
  kind: delta > 0 ? 'earn' : 'redeem',
  delta,
  balanceAfter,
  counterparties: [],
  reason: '',
  source: { kind: 'rule', id: 'r', label: 'r' },
  by: { userId: 'a', displayName: 'a' },
  at,
  prevHash: GENESIS,
  hash: GENESIS,
})

describe('the points bank rules', () => {
  it('reads periods and deadlines on the Beijing clock', () => {
    // 2026-05-31 20:00 UTC is 2026-06-01 04:00 in Beijing.
    const t = new Date('2026-05-31T20:00:00Z')
    expect([periodKey('day', t), periodKey('month', t), periodKey('year', t)]).toEqual([
      '2026-06-01',
      '2026-06',
      '2026',
    ])
    // Redeemed on 6月1日 with 7 days: valid until 6月8日 24:00 Beijing = 6月8日 16:00 UTC.
    expect(pickupDeadline(t, 7)).toBe('2026-06-08T16:00:00.000Z')
    expect(nextReconcileAt(new Date('2026-05-31T18:00:00Z'))).toBe('2026-05-31T19:00:00.000Z')
    expect(nextReconcileAt(new Date('2026-05-31T19:00:00Z'))).toBe('2026-06-01T19:00:00.000Z')
    expect(beijingYearStart(2027)).toBe('2026-12-31T16:00:00.000Z')
  })

  it('spreads stock evenly over the shards and says when an item can be redeemed', () => {
    expect(spread(10)).toEqual([2, 2, 1, 1, 1, 1, 1, 1])
    expect(spread(3).reduce((a, b) => a + b)).toBe(3)
    const now = new Date('2026-05-01T00:00:00Z')
    expect(itemState({ active: true }, 1, now)).toBe('available')
    expect(itemState({ active: true }, 0, now)).toBe('soldOut')
    expect(itemState({ active: false }, 5, now)).toBe('offShelf')
    expect(itemState({ active: true, activeFrom: '2026-06-01T00:00:00Z' }, 5, now)).toBe('notYet')
    expect(itemState({ active: true, activeUntil: '2026-05-01T00:00:00Z' }, 5, now)).toBe('ended')
  })

  it('takes six digits or the QR text, and nothing else, as a pickup code', () => {
    const r = {
      redemptionId: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
      code: '042137',
      token: 'abcdefghijklmnopqrst',
    } as RedemptionRecord
    expect(pickupMatches(r, parsePickup(' 042137 ')!)).toBe(true)
    expect(pickupMatches(r, parsePickup(`GLPK:${r.redemptionId}:${r.token}`)!)).toBe(true)
    expect(pickupMatches(r, parsePickup(`GLPK:${r.redemptionId}:abcdefghijklmnopqrsX`)!)).toBe(false)
    for (const bad of ['42137', '0421370', 'GLPK:x:y', '', "1' OR '1'='1"]) expect(parsePickup(bad)).toBeUndefined()
  })

  it('lets exactly the owner cancel and the staff hand over a waiting redemption, and nothing after it settled', () => {
    const r = { state: 'ready', deadline: '2026-06-08T16:00:00.000Z' } as RedemptionRecord
    const before = new Date('2026-06-01T00:00:00Z')
    const after = new Date('2026-06-09T00:00:00Z')
    expect(redemptionActions(r, { isOwner: true, isStaff: false, now: before })).toEqual(['cancel'])
    expect(redemptionActions(r, { isOwner: false, isStaff: true, now: before })).toEqual(['fulfil'])
    expect(redemptionGuard('fulfil', r, { isOwner: false, isStaff: true, now: after })).toBe('redemption.expired')
    expect(redemptionGuard('expire', r, { isOwner: false, isStaff: false, now: before })).toBe('redemption.notReady')
    expect(redemptionGuard('expire', r, { isOwner: false, isStaff: false, now: after })).toBeUndefined()
    expect(
      redemptionGuard('fulfil', { ...r, state: 'fulfilled' }, { isOwner: false, isStaff: true, now: before }),
    ).toBe('redemption.fulfilled')
    for (const state of ['fulfilled', 'cancelled', 'expired'] as const)
      expect(redemptionActions({ ...r, state }, { isOwner: true, isStaff: true, now: before })).toEqual([])
    expect(redemptionGuard('cancel', r, { isOwner: false, isStaff: true, now: before })).toBe('redemption.notFound')
  })

  it('expires what is left from before the previous year, spending the oldest points first', () => {
    // Earned 30 in 2025, spent 10 in 2026, earned 5 in 2026: at 2027's start, 20 of 2025 are left and expire.
    const es = [
      entry(1, '2025-03-01T00:00:00Z', 30, 30),
      entry(2, '2026-02-01T00:00:00Z', -10, 20),
      entry(3, '2026-08-01T00:00:00Z', 5, 25),
    ]
    expect(expiringAtYearStart(es, 2026)).toBe(0)
    expect(expiringAtYearStart(es, 2027)).toBe(20)
    // Spending 25 of them in 2026 leaves 5 of 2025 beside 2026's 5: those 5 expire.
    expect(
      expiringAtYearStart(
        [
          entry(1, '2025-03-01T00:00:00Z', 30, 30),
          entry(2, '2026-02-01T00:00:00Z', -25, 5),
          entry(3, '2026-08-01T00:00:00Z', 5, 10),
        ],
        2027,
      ),
    ).toBe(5)
    // Spending all of 2025's leaves nothing to expire.
    expect(
      expiringAtYearStart(
        [
          entry(1, '2025-03-01T00:00:00Z', 30, 30),
          entry(2, '2026-02-01T00:00:00Z', -30, 0),
          entry(3, '2026-08-01T00:00:00Z', 5, 5),
        ],
        2027,
      ),
    ).toBe(0)
    // Spent after the year's start but before the run: those were the expiring ones.
    expect(expiringAtYearStart([...es, entry(4, '2027-01-01T00:00:05Z', -8, 17)], 2027)).toBe(12)
    expect(expiringNext(es, new Date('2026-09-01T00:00:00Z'))).toEqual({ amount: 20, at: beijingYearStart(2027) })
  })
})
