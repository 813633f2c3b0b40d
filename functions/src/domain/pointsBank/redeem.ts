import { homesOf, type Actor } from '../identity/actor'
import { residentAccount, shopAccounts } from '../ledger/model'
import { runTransfer } from '../ledger/transfer'
import { queued } from '../notifications/deliver'
import { fail, found } from '../shared/errors'
import { done, orFail, refused } from '../shared/outcome'
import { isWithin } from '../shared/places'
import { byOf, communityPlace } from './access'
import {
  itemState,
  JOB,
  newPickupCode,
  newPickupToken,
  periodKey,
  pickupDeadline,
  redeemKey,
  REMINDER_BEFORE_MS,
  type RedemptionRecord,
} from './model'
import { redemptionReady } from './notices'
import type { PointsBankDeps } from './ports'
import { householdLabel } from './residents'
import { tellLowStock } from './shop'
import { redemptionView } from './pickup'

const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)]!

/**
 * 兑换: the points and one unit of stock are taken together, in one transaction, or not at all — the balance never
 * goes below zero, the stock never below zero, the per-person limit is never passed, whatever the concurrency:
 * each is a condition of the same transaction (the resident's ledger head at the sequence read, a stock shard
 * holding a unit, the limit counter under the limit). A lost race re-reads and plans again; a refusal is final
 * and clear (`shop.soldOut`, `shop.limitReached`, `points.insufficient`). The client names the redemption, so a
 * repeat returns the first result. The stock is spread over shards, so 200 residents at once do not queue on one
 * item (docs/access-patterns.md).
 */
export const redeemItem = async (
  deps: PointsBankDeps,
  actor: Actor,
  input: { itemId: string; redemptionId: string },
) => {
  const me = actor.principal.userId
  const earlier = await deps.redemptions.get(input.redemptionId)
  if (earlier) return earlier.userId === me ? redemptionView(deps, actor, earlier) : fail('request.idConflict')
  const item = found(await deps.shop.get(input.itemId), 'shop.itemNotFound')
  const homes = await homesOf(deps, actor)
  if (homes.length === 0) fail('points.notResident')
  const community = await communityPlace(deps, item.communityId)
  // Another community's item is not in this resident's shop: the same answer as an unknown one.
  const home = homes.find((h) => isWithin(h.path, community.path)) ?? fail('shop.itemNotFound')
  const now = deps.now()
  const state = itemState(item, 1, now)
  if (state !== 'available') fail('shop.itemInactive')
  const membership = actor.user.memberships.find((m) => m.householdId === home.householdId)
  const account = residentAccount(me)
  const key = redeemKey(input.redemptionId)
  const at = now.toISOString()
  const deadline = pickupDeadline(now, item.pickupDays)
  let stockLeft = 0
  let record: RedemptionRecord | undefined

  const moved = await runTransfer<'soldOut' | 'limitReached' | 'insufficient'>(
    deps,
    item.communityId,
    key,
    async () => {
      const shop = pick(shopAccounts())
      const limitPeriod = item.limit ? periodKey(item.limit.period, now) : undefined
      const [stock, used, heads] = await Promise.all([
        deps.shop.stock(item.itemId),
        limitPeriod
          ? deps.shop.limitsUsed(me, [{ itemId: item.itemId, period: limitPeriod }])
          : Promise.resolve(new Map<string, number>()),
        deps.ledger.heads(item.communityId, [account, shop]),
      ])
      if (item.limit && (used.get(`${item.itemId}|${limitPeriod}`) ?? 0) >= item.limit.count)
        return refused('limitReached')
      const open = stock.filter((s) => s.count > 0)
      if (open.length === 0) return refused('soldOut')
      if ((heads.get(account)?.balance ?? 0) < item.price) return refused('insufficient')
      stockLeft = open.reduce((s, x) => s + x.count, 0) - 1
      record = {
        redemptionId: input.redemptionId,
        communityId: item.communityId,
        itemId: item.itemId,
        itemName: item.name,
        itemKind: item.kind,
        price: item.price,
        pickupPlace: item.pickupPlace,
        ...(item.photoKey ? { photoKey: item.photoKey } : {}),
        userId: me,
        userName: actor.principal.displayName,
        ...(membership ? { household: householdLabel(membership) } : {}),
        state: 'ready',
        createdAt: at,
        deadline,
        code: newPickupCode(),
        token: newPickupToken(),
        stockShard: pick(open).shard,
        ...(limitPeriod ? { limitPeriod } : {}),
        transferId: key,
      }
      return done({
        heads,
        input: {
          communityId: item.communityId,
          transferId: key,
          kind: 'redeem' as const,
          legs: [
            { account, delta: -item.price },
            { account: shop, delta: item.price },
          ],
          reason: `兑换「${item.name}」`,
          source: { kind: 'shopItem', id: item.itemId, label: item.name },
          by: byOf(actor),
          at,
        },
      })
    },
    (plan) => {
      const r = record!
      const remindAt = new Date(Date.parse(deadline) - REMINDER_BEFORE_MS)
      return deps.redemptions.redeem(plan, {
        redemption: r,
        ...(item.limit ? { limit: item.limit.count } : {}),
        notices: [queued(redemptionReady(r, at), deps.newId)],
        due: [
          { kind: JOB.expirePickup, at: deadline, subjectId: r.redemptionId },
          ...(remindAt > now
            ? [{ kind: JOB.remindPickup, at: remindAt.toISOString(), subjectId: r.redemptionId }]
            : []),
        ],
      })
    },
  )
  const result = orFail(moved, {
    soldOut: 'shop.soldOut',
    limitReached: 'shop.limitReached',
    insufficient: 'points.insufficient',
    unbalanced: 'request.invalid',
  })
  const written = found(await deps.redemptions.get(input.redemptionId), 'redemption.notFound')
  if (written.userId !== me) fail('request.idConflict')
  if (!result.repeated) await tellLowStock(deps, item, stockLeft)
  return redemptionView(deps, actor, written, community)
}
