import {
  $add,
  DeleteTransaction,
  Entity,
  executeTransactWrite,
  GetItemCommand,
  item,
  map,
  number,
  PutTransaction,
  string,
  TableAccessPattern as AccessPattern,
  UpdateItemCommand,
  UpdateTransaction,
} from 'dynamodb-toolbox'
import { z } from 'zod'
import { RedemptionState, shopItemKinds } from '../../../../contracts/pointsBank'
import type { RedemptionRecord } from '../../domain/pointsBank/model'
import type { RedemptionStore } from '../../domain/pointsBank/ports'
import { done, refused } from '../../domain/shared/outcome'
import { transferRefusal, transferWrites } from '../ledger/ledger'
import { noticeWrites } from '../notifications/notices'
import { dueWrite } from '../schedule/due'
import { GridLinkTable as table } from '../table'
import { cancellationCodes, parseStored, withConflictRetry } from '../transactions'
import { LimitCounterEntity, StockShardEntity } from './items'

/*
 * A redemption (its own partition, listed per resident and community: AP37), the pickup code that names it while
 * it waits (`PICKUP#<community>#<6 digits>`, unique by a conditional put, freed when it is settled) and each staff
 * member's failed lookups per hour. The redemption's state is a column, so every transition is conditional on it.
 */
export const redemptionKeys = {
  redemption: (redemptionId: string) => `REDEEM#${redemptionId}`,
  meta: 'META',
  mine: (communityId: string, userId: string) => `REDEEMS#${communityId}#${userId}`,
  mineSort: (createdAt: string, redemptionId: string) => `${createdAt}#${redemptionId}`,
  code: (communityId: string, code: string) => `PICKUP#${communityId}#${code}`,
  failures: (userId: string) => `PICKUPFAIL#${userId}`,
}
const k = redemptionKeys

const redemptionSchema = item({
  redemptionId: string().key(),
  communityId: string(),
  userId: string(),
  createdAt: string(),
  state: string(),
  json: string(),
})
export const RedemptionEntity = new Entity({
  name: 'Redemption',
  table,
  schema: redemptionSchema.and((_s) => ({
    gsi1pk: string().link<typeof _s>(({ communityId, userId }) => k.mine(communityId, userId)),
    gsi1sk: string().link<typeof _s>(({ createdAt, redemptionId }) => k.mineSort(createdAt, redemptionId)),
  })),
  computeKey: ({ redemptionId }) => ({ pk: k.redemption(redemptionId), sk: k.meta }),
})

export const PickupCodeEntity = new Entity({
  name: 'PickupCode',
  table,
  schema: item({ communityId: string().key(), code: string().key(), redemptionId: string() }),
  computeKey: ({ communityId, code }) => ({ pk: k.code(communityId, code), sk: k.meta }),
})

export const PickupFailureEntity = new Entity({
  name: 'PickupFailure',
  table,
  schema: item({ userId: string().key(), hour: string().key(), count: number() }),
  computeKey: ({ userId, hour }) => ({ pk: k.failures(userId), sk: hour }),
})

/** AP37 — a resident's redemptions in a community, newest first (我的兑换). */
export const myRedemptions = table
  .build(AccessPattern)
  .entities(RedemptionEntity)
  .schema(map({ communityId: string(), userId: string() }))
  .pattern(({ communityId, userId }) => ({ index: 'gsi1', partition: k.mine(communityId, userId) }))
  .options({ reverse: true, maxPages: 1, limit: 50 })
  .meta({ title: 'myRedemptions' })

const StoredRedemption = z.object({
  redemptionId: z.string(),
  communityId: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  itemKind: z.enum(shopItemKinds),
  price: z.number(),
  pickupPlace: z.string(),
  photoKey: z.string().optional(),
  userId: z.string(),
  userName: z.string(),
  household: z.string().optional(),
  state: RedemptionState,
  createdAt: z.string(),
  deadline: z.string(),
  settledAt: z.string().optional(),
  fulfilledBy: z.object({ userId: z.string(), name: z.string() }).optional(),
  code: z.string(),
  token: z.string(),
  stockShard: z.number(),
  limitPeriod: z.string().optional(),
  transferId: z.string(),
}) satisfies z.ZodType<RedemptionRecord, z.ZodTypeDef, unknown>

const toRecord = (i: { json: string; redemptionId: string }) =>
  parseStored(StoredRedemption, i.json, `redemption ${i.redemptionId}`)
const row = (r: RedemptionRecord) => ({
  redemptionId: r.redemptionId,
  communityId: r.communityId,
  userId: r.userId,
  createdAt: r.createdAt,
  state: r.state,
  json: JSON.stringify(r),
})

/** The redemption moving on from ready, its code freed: the writes every settlement shares. */
const leaveReady = (next: RedemptionRecord) => [
  RedemptionEntity.build(PutTransaction)
    .item(row(next))
    .options({ condition: { attr: 'state', eq: 'ready' } }),
  PickupCodeEntity.build(DeleteTransaction).key({ communityId: next.communityId, code: next.code }),
]

export const dynamoRedemptionStore: RedemptionStore = {
  async get(redemptionId) {
    const { Item } = await RedemptionEntity.build(GetItemCommand)
      .key({ redemptionId })
      .options({ consistent: true })
      .send()
    return Item && toRecord(Item)
  },
  async byCode(communityId, code) {
    const { Item } = await PickupCodeEntity.build(GetItemCommand)
      .key({ communityId, code })
      .options({ consistent: true })
      .send()
    return Item?.redemptionId
  },
  async mine(communityId, userId) {
    const { Items = [] } = await myRedemptions.query({ communityId, userId }).send()
    return Items.map(toRecord)
  },
  async redeem(plan, w) {
    const r = w.redemption
    const ledger = transferWrites(plan)
    const own = [
      StockShardEntity.build(UpdateTransaction)
        .item({ itemId: r.itemId, shard: r.stockShard, count: $add(-1) })
        .options({ condition: { attr: 'count', gt: 0 } }),
      ...(w.limit !== undefined && r.limitPeriod
        ? [
            LimitCounterEntity.build(UpdateTransaction)
              .item({ itemId: r.itemId, period: r.limitPeriod, userId: r.userId, count: $add(1) })
              .options({
                condition: {
                  or: [
                    { attr: 'count', exists: false },
                    { attr: 'count', lt: w.limit },
                  ],
                },
              }),
          ]
        : []),
      PickupCodeEntity.build(PutTransaction)
        .item({ communityId: r.communityId, code: r.code, redemptionId: r.redemptionId })
        .options({ condition: { attr: 'code', exists: false } }),
      RedemptionEntity.build(PutTransaction)
        .item(row(r))
        .options({ condition: { attr: 'redemptionId', exists: false } }),
    ]
    try {
      await executeTransactWrite(...ledger, ...own, ...w.notices.flatMap(noticeWrites), ...w.due.map(dueWrite))
      return done()
    } catch (error) {
      const why = transferRefusal(error, plan)
      if (why) return refused(why)
      const codes = cancellationCodes(error)
      if (!codes) throw error
      const failed = codes.slice(ledger.length, ledger.length + own.length)
      // The redemption is there: written with the transfer, so this is a repeat.
      if (failed.at(-1) === 'ConditionalCheckFailed') return refused('exists')
      // The shard emptied, the limit filled or the code is taken: read again (and draw another code).
      if (failed.some((c) => c === 'ConditionalCheckFailed')) return refused('moved')
      throw error
    }
  },
  async settle(plan, next, notices) {
    const ledger = transferWrites(plan)
    const own = [
      ...leaveReady(next),
      StockShardEntity.build(UpdateTransaction).item({ itemId: next.itemId, shard: next.stockShard, count: $add(1) }),
      ...(next.limitPeriod
        ? [
            LimitCounterEntity.build(UpdateTransaction).item({
              itemId: next.itemId,
              period: next.limitPeriod,
              userId: next.userId,
              count: $add(-1),
            }),
          ]
        : []),
    ]
    try {
      await executeTransactWrite(...ledger, ...own, ...notices.flatMap(noticeWrites))
      return done()
    } catch (error) {
      const why = transferRefusal(error, plan)
      if (why) return refused(why)
      if (cancellationCodes(error)?.[ledger.length] === 'ConditionalCheckFailed') return refused('notReady')
      throw error
    }
  },
  async fulfil(next) {
    try {
      // Two phones confirming at once: one transaction wins, the other is told the state moved (or retries a conflict and is).
      await withConflictRetry(() => executeTransactWrite(...leaveReady(next)))
      return done()
    } catch (error) {
      if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') return refused('notReady')
      throw error
    }
  },
  async failures(userId, hour, bump) {
    if (!bump) {
      const { Item } = await PickupFailureEntity.build(GetItemCommand).key({ userId, hour }).send()
      return Item?.count ?? 0
    }
    const { Attributes } = await PickupFailureEntity.build(UpdateItemCommand)
      .item({ userId, hour, count: $add(1) })
      .options({ returnValues: 'ALL_NEW' })
      .send()
    return Attributes?.count ?? 1
  },
}
