import {
  $add,
  boolean,
  Entity,
  executeTransactWrite,
  GetItemCommand,
  item,
  number,
  PutTransaction,
  string,
  TableAccessPattern as AccessPattern,
  UpdateItemCommand,
  UpdateTransaction,
} from 'dynamodb-toolbox'
import { z } from 'zod'
import { NewShopItem } from '../../../../contracts/pointsBank'
import { STOCK_SHARDS, type ShopItemRecord } from '../../domain/pointsBank/model'
import type { ShopStore } from '../../domain/pointsBank/ports'
import { done, refused } from '../../domain/shared/outcome'
import { batchGet } from '../batch'
import { GridLinkTable as table } from '../table'
import { cancellationCodes, conditionFailed, failedConditions, parseStored } from '../transactions'

/*
 * The shop's items. An item's partition holds its meta (listed by community, AP35), its stock spread over
 * STOCK_SHARDS shard items (AP36: read strongly consistent before a redemption, one Query), its stock log and
 * each resident's counter per limit period. The stock is the sum of the shards; a redemption takes a unit from
 * one shard that holds one, on the condition that it still does.
 */
export const shopKeys = {
  item: (itemId: string) => `SHOPITEM#${itemId}`,
  meta: 'META',
  stock: (shard: number) => `STOCK#${shard}`,
  stockPrefix: 'STOCK#',
  log: (changeId: string) => `STOCKLOG#${changeId}`,
  limit: (period: string, userId: string) => `LIMIT#${period}#${userId}`,
  community: (communityId: string) => `SHOP#${communityId}`,
  listed: (createdAt: string, itemId: string) => `ITEM#${createdAt}#${itemId}`,
}
const k = shopKeys

const itemSchema = item({
  itemId: string().key(),
  communityId: string(),
  createdAt: string(),
  json: string(),
  lowStock: boolean().optional(),
})
export const ShopItemEntity = new Entity({
  name: 'ShopItem',
  table,
  schema: itemSchema.and((_s) => ({
    gsi1pk: string().link<typeof _s>(({ communityId }) => k.community(communityId)),
    gsi1sk: string().link<typeof _s>(({ createdAt, itemId }) => k.listed(createdAt, itemId)),
  })),
  computeKey: ({ itemId }) => ({ pk: k.item(itemId), sk: k.meta }),
})

export const StockShardEntity = new Entity({
  name: 'StockShard',
  table,
  schema: item({ itemId: string().key(), shard: number().key(), count: number() }),
  computeKey: ({ itemId, shard }) => ({ pk: k.item(itemId), sk: k.stock(shard) }),
})

export const StockLogEntity = new Entity({
  name: 'StockLog',
  table,
  schema: item({
    itemId: string().key(),
    changeId: string().key(),
    delta: number(),
    reason: string(),
    byUserId: string(),
    byName: string(),
    at: string(),
  }),
  computeKey: ({ itemId, changeId }) => ({ pk: k.item(itemId), sk: k.log(changeId) }),
})

/** How many of an item one resident took in one limit period (`2026-05`). */
export const LimitCounterEntity = new Entity({
  name: 'LimitCounter',
  table,
  schema: item({ itemId: string().key(), period: string().key(), userId: string().key(), count: number() }),
  computeKey: ({ itemId, period, userId }) => ({ pk: k.item(itemId), sk: k.limit(period, userId) }),
})

/** AP35 — a community's shop items, in the order they were put on sale (积分超市, 商品管理). */
export const communityItems = table
  .build(AccessPattern)
  .entities(ShopItemEntity)
  .schema(string())
  .pattern((communityId) => ({ index: 'gsi1', partition: k.community(communityId), range: { beginsWith: 'ITEM#' } }))
  .options({ maxPages: Infinity })
  .meta({ title: 'communityItems' })

/** AP36 — an item's stock shards, strongly consistent (before each redemption and stock change). */
export const itemStock = table
  .build(AccessPattern)
  .entities(StockShardEntity)
  .schema(string())
  .pattern((itemId) => ({ partition: k.item(itemId), range: { beginsWith: k.stockPrefix } }))
  .options({ consistent: true })
  .meta({ title: 'itemStock' })

const StoredItem = NewShopItem.innerType()
  .omit({ stock: true })
  .extend({ communityId: z.string(), createdAt: z.string(), updatedAt: z.string(), createdBy: z.string() })

const toItem = (i: { json: string; itemId: string }): ShopItemRecord =>
  parseStored(StoredItem, i.json, `shop item ${i.itemId}`)

export const dynamoShopStore: ShopStore = {
  async get(itemId) {
    const { Item } = await ShopItemEntity.build(GetItemCommand).key({ itemId }).options({ consistent: true }).send()
    return Item && toItem(Item)
  },
  async stock(itemId) {
    const { Items = [] } = await itemStock.query(itemId).send()
    return Items.map((s) => ({ shard: s.shard, count: s.count }))
  },
  async list(communityId) {
    const { Items = [] } = await communityItems.query(communityId).send()
    const items = Items.map(toItem)
    const shards = await batchGet(
      StockShardEntity,
      items.flatMap((i) => Array.from({ length: STOCK_SHARDS }, (_, shard) => ({ itemId: i.itemId, shard }))),
    )
    return items.map((item, n) => ({
      item,
      stock: shards.slice(n * STOCK_SHARDS, (n + 1) * STOCK_SHARDS).reduce((s, x) => s + (x?.count ?? 0), 0),
    }))
  },
  async create(item, stock) {
    try {
      await executeTransactWrite(
        ShopItemEntity.build(PutTransaction)
          .item({
            itemId: item.itemId,
            communityId: item.communityId,
            createdAt: item.createdAt,
            json: JSON.stringify(item),
          })
          .options({ condition: { attr: 'itemId', exists: false } }),
        ...stock.map((count, shard) =>
          StockShardEntity.build(PutTransaction).item({ itemId: item.itemId, shard, count }),
        ),
      )
      return done()
    } catch (error) {
      if (failedConditions(error)?.includes(0)) return refused('exists')
      throw error
    }
  },
  async update(item) {
    await ShopItemEntity.build(UpdateItemCommand)
      .item({
        itemId: item.itemId,
        communityId: item.communityId,
        createdAt: item.createdAt,
        json: JSON.stringify(item),
      })
      .send()
  },
  async changeStock(item, change, ops) {
    try {
      await executeTransactWrite(
        StockLogEntity.build(PutTransaction)
          .item({
            itemId: item.itemId,
            changeId: change.changeId,
            delta: change.delta,
            reason: change.reason,
            byUserId: change.by.userId,
            byName: change.by.name,
            at: change.at,
          })
          .options({ condition: { attr: 'changeId', exists: false } }),
        ...ops.map((op) =>
          StockShardEntity.build(UpdateTransaction)
            .item({ itemId: item.itemId, shard: op.shard, count: $add(op.delta) })
            .options(op.delta < 0 ? { condition: { attr: 'count', gte: -op.delta } } : {}),
        ),
      )
      return done()
    } catch (error) {
      const codes = cancellationCodes(error)
      if (!codes) throw error
      if (codes[0] === 'ConditionalCheckFailed') return refused('exists')
      if (codes.some((c) => c === 'ConditionalCheckFailed' || c === 'TransactionConflict')) return refused('moved')
      throw error
    }
  },
  async limitsUsed(userId, keys) {
    const items = await batchGet(
      LimitCounterEntity,
      keys.map(({ itemId, period }) => ({ itemId, period, userId })),
      { consistent: true },
    )
    return new Map(items.flatMap((i) => (i ? [[`${i.itemId}|${i.period}`, i.count] as [string, number]] : [])))
  },
  async flagLowStock(itemId, flagged) {
    try {
      await ShopItemEntity.build(UpdateItemCommand)
        .item({ itemId, lowStock: flagged })
        .options({
          condition: flagged
            ? {
                and: [
                  { attr: 'itemId', exists: true },
                  {
                    or: [
                      { attr: 'lowStock', exists: false },
                      { attr: 'lowStock', eq: false },
                    ],
                  },
                ],
              }
            : { attr: 'itemId', exists: true },
        })
        .send()
      return true
    } catch (error) {
      if (conditionFailed(error)) return false
      throw error
    }
  },
}
