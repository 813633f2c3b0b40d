import type { z } from 'zod'
import type { ShopItemView } from '../../../../contracts/pointsBank'
import { homesOf, type Actor } from '../identity/actor'
import { residentAccount } from '../ledger/model'
import { queued } from '../notifications/deliver'
import { fail, found } from '../shared/errors'
import { isWithin } from '../shared/places'
import { checkPhotos } from '../uploads/uploads'
import { authorizeIn, byOf, communityPlace, holdsIn, PICKUP_ROLES } from './access'
import { itemState, periodKey, spread, STOCK_SHARDS, type ShopItemFields, type ShopItemRecord } from './model'
import { lowStock } from './notices'
import type { PointsBankDeps, StockShard } from './ports'

type ItemView = z.input<typeof ShopItemView>

export const itemView = async (
  deps: PointsBankDeps,
  item: ShopItemRecord,
  stock: number,
  mine?: { used: number; remaining: number },
): Promise<ItemView> => {
  const { createdBy: _by, ...fields } = item
  return {
    ...fields,
    stock,
    state: itemState(item, stock, deps.now()),
    ...(item.photoKey ? { photo: { key: item.photoKey, url: await deps.photos.viewUrl(item.photoKey) } } : {}),
    ...(mine ? { mine } : {}),
  }
}

/**
 * 积分超市: a resident of the community sees what is on sale (sold-out ones too, said so), with their own limit
 * left this period and their balance; the admin (`all`) sees everything, off the shelf and ended included.
 */
export const listShopItems = async (
  deps: PointsBankDeps,
  actor: Actor,
  input: { communityId: string; all?: boolean },
) => {
  const community = await communityPlace(deps, input.communityId)
  if (input.all) await authorizeIn(deps, actor, ['communityAdmin'], input.communityId)
  const homes = (await homesOf(deps, actor)).filter((h) => isWithin(h.path, community.path))
  if (!input.all && homes.length === 0 && !holdsIn(actor.principal, PICKUP_ROLES, community)) fail('auth.forbidden')
  const now = deps.now()
  const listed = (await deps.shop.list(input.communityId)).filter(
    ({ item, stock }) => input.all || ['available', 'soldOut', 'notYet'].includes(itemState(item, stock, now)),
  )
  const me = actor.principal.userId
  const used = await deps.shop.limitsUsed(
    me,
    listed.flatMap(({ item }) =>
      item.limit ? [{ itemId: item.itemId, period: periodKey(item.limit.period, now) }] : [],
    ),
  )
  const items = await Promise.all(
    listed.map(({ item, stock }) => {
      const n = item.limit ? (used.get(`${item.itemId}|${periodKey(item.limit.period, now)}`) ?? 0) : 0
      return itemView(
        deps,
        item,
        stock,
        item.limit && homes.length ? { used: n, remaining: Math.max(0, item.limit.count - n) } : undefined,
      )
    }),
  )
  const account = residentAccount(me)
  const balance = homes.length
    ? ((await deps.ledger.heads(input.communityId, [account])).get(account)?.balance ?? 0)
    : undefined
  return { items, ...(balance !== undefined ? { balance } : {}) }
}

const stockOf = (shards: StockShard[]) => shards.reduce((s, x) => s + x.count, 0)

/** The admin puts an item on sale; the client names it, so a repeat returns the first. */
export const createShopItem = async (
  deps: PointsBankDeps,
  actor: Actor,
  input: ShopItemFields & { communityId: string; itemId: string; stock: number },
) => {
  await authorizeIn(deps, actor, ['communityAdmin'], input.communityId)
  const { communityId, itemId, stock, ...fields } = input
  const repeat = async () => {
    const first = found(await deps.shop.get(itemId), 'shop.itemNotFound')
    if (first.communityId !== communityId || first.createdBy !== actor.principal.userId) fail('request.idConflict')
    return itemView(deps, first, stockOf(await deps.shop.stock(itemId)))
  }
  if (await deps.shop.get(itemId)) return repeat()
  if (fields.photoKey) await checkPhotos(deps, actor, [fields.photoKey], 'body.photoKey')
  const at = deps.now().toISOString()
  const item: ShopItemRecord = {
    ...fields,
    itemId,
    communityId,
    createdAt: at,
    updatedAt: at,
    createdBy: actor.principal.userId,
  }
  const written = await deps.shop.create(item, spread(stock))
  if (!written.ok) return repeat()
  return itemView(deps, item, stock)
}

const adminItem = async (deps: PointsBankDeps, actor: Actor, itemId: string) => {
  const item = found(await deps.shop.get(itemId), 'shop.itemNotFound')
  const community = await communityPlace(deps, item.communityId)
  if (!holdsIn(actor.principal, ['communityAdmin'], community)) fail('auth.forbidden')
  return item
}

/** Name, price, limit, window, photo…; the stock changes only through adjustStock, so its log stays whole. */
export const updateShopItem = async (
  deps: PointsBankDeps,
  actor: Actor,
  input: ShopItemFields & { itemId: string },
) => {
  const item = await adminItem(deps, actor, input.itemId)
  const { itemId: _id, ...fields } = input
  if (fields.photoKey && fields.photoKey !== item.photoKey)
    await checkPhotos(deps, actor, [fields.photoKey], 'body.photoKey')
  const next: ShopItemRecord = { ...item, ...fields, updatedAt: deps.now().toISOString() }
  if (!fields.photoKey) delete next.photoKey
  await deps.shop.update(next)
  return itemView(deps, next, stockOf(await deps.shop.stock(item.itemId)))
}

/**
 * 补货 / 减少库存: spread over the shards (more to the emptiest, less from the fullest) with a log entry under the
 * client's change id. Taking away more than is left is refused `shop.stockTooLow`.
 */
export const adjustStock = async (
  deps: PointsBankDeps,
  actor: Actor,
  input: { itemId: string; changeId: string; delta: number; reason: string },
) => {
  const item = await adminItem(deps, actor, input.itemId)
  const change = {
    changeId: input.changeId,
    delta: input.delta,
    reason: input.reason,
    by: { userId: actor.principal.userId, name: byOf(actor).displayName },
    at: deps.now().toISOString(),
  }
  for (let attempt = 0; attempt < 20; attempt++) {
    const shards = await deps.shop.stock(item.itemId)
    const total = stockOf(shards)
    if (input.delta < 0 && total < -input.delta) fail('shop.stockTooLow')
    const ops = new Map<number, number>()
    const counts = new Map(
      Array.from({ length: STOCK_SHARDS }, (_, i) => [i, shards.find((s) => s.shard === i)?.count ?? 0]),
    )
    for (let left = Math.abs(input.delta); left > 0; left--) {
      const sorted = [...counts].sort((a, b) => (input.delta > 0 ? a[1] - b[1] : b[1] - a[1]))
      const [shard] = sorted[0]!
      counts.set(shard, counts.get(shard)! + Math.sign(input.delta))
      ops.set(shard, (ops.get(shard) ?? 0) + Math.sign(input.delta))
    }
    const written = await deps.shop.changeStock(
      item,
      change,
      [...ops].map(([shard, delta]) => ({ shard, delta })),
    )
    if (written.ok || written.refused === 'exists') {
      const after = stockOf(await deps.shop.stock(item.itemId))
      if (written.ok && after > item.lowStockAt) await deps.shop.flagLowStock(item.itemId, false)
      return itemView(deps, item, after)
    }
  }
  throw new Error(`stock of ${item.itemId} kept moving`)
}

/** After a redemption took stock down to the item's threshold: the admin is told once (until the next restock). */
export const tellLowStock = async (deps: PointsBankDeps, item: ShopItemRecord, stock: number) => {
  if (item.lowStockAt <= 0 || stock > item.lowStockAt) return
  if (!(await deps.shop.flagLowStock(item.itemId, true))) return
  const community = await communityPlace(deps, item.communityId)
  await deps.notices.queue([queued(lowStock(item, stock, community.path, deps.now().toISOString()), deps.newId)])
}
