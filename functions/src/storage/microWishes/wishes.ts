import {
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
} from 'dynamodb-toolbox'
import { ulid } from 'ulid'
import { z } from 'zod'
import { TimelineEntry, WallCard, WishStatus } from '../../../../contracts/microWishes'
import type { StoredCard, WishEvent, WishRecord } from '../../domain/microWishes/model'
import type { WallScope, WishEffects, WishStore } from '../../domain/microWishes/ports'
import { done, refused } from '../../domain/shared/outcome'
import { batchGet } from '../batch'
import { pageCursor, readPageCursor } from '../cursor'
import { contentWrites } from '../moderation/content'
import { noticeWrites } from '../notifications/notices'
import { dueWrite } from '../schedule/due'
import { GridLinkTable as table } from '../table'
import { cancellationCodes, parseStored, withConflictRetry } from '../transactions'
import { claimLogWrite, householdWrite, memberWrite, readClaims, readMember, readStats, statWrites } from './records'
import { WishBody } from './schema'

/*
 * A wish (微心愿) and its timeline in its own partition; wishes are listed by grid and status (gsi1: the vetting
 * queue, the disputes) and by poster (gsi2). The wall is a projection of its own: one entry per wish and wall (the
 * grid's and the community's), holding the public card only, under `OPEN#` while the wish waits for a claimant
 * (gsi1 orders the same entries by the day it is wanted by) and under `DONE#` once it is fulfilled.
 */
export const wishKeys = {
  meta: 'META',
  wish: (wishId: string) => `WISH#${wishId}`,
  event: (at: string, id: string) => `EVT#${at}#${id}`,
  eventPrefix: 'EVT#',
  ofGrid: (gridId: string) => `WISHGRID#${gridId}`,
  inGrid: (status: string, createdAt: string, wishId: string) => `${status}#${createdAt}#${wishId}`,
  ofPoster: (userId: string) => `WISHER#${userId}`,
  byPoster: (createdAt: string, wishId: string) => `${createdAt}#${wishId}`,
  wall: (scope: WallScope) => `WALL#${scope.kind}#${scope.id}`,
  open: (since: string, wishId: string) => `OPEN#${since}#${wishId}`,
  openPrefix: 'OPEN#',
  due: (wantedBy: string, since: string, wishId: string) => `DUE#${wantedBy}#${since}#${wishId}`,
  duePrefix: 'DUE#',
  done: (confirmedAt: string, wishId: string) => `DONE#${confirmedAt}#${wishId}`,
  donePrefix: 'DONE#',
}
const k = wishKeys

const wishSchema = item({
  wishId: string().key(),
  communityId: string(),
  gridId: string(),
  status: string(),
  posterId: string(),
  createdAt: string(),
  updatedAt: string(),
  version: number(),
  /** The rest of the wish (the household, texts, vetting, claim, …) as one JSON document, read and written whole. */
  bodyJson: string(),
})
export const WishEntity = new Entity({
  name: 'Wish',
  table,
  schema: wishSchema.and((_s) => ({
    gsi1pk: string().link<typeof _s>(({ gridId }) => k.ofGrid(gridId)),
    gsi1sk: string().link<typeof _s>(({ status, createdAt, wishId }) => k.inGrid(status, createdAt, wishId)),
    gsi2pk: string().link<typeof _s>(({ posterId }) => k.ofPoster(posterId)),
    gsi2sk: string().link<typeof _s>(({ createdAt, wishId }) => k.byPoster(createdAt, wishId)),
  })),
  computeKey: ({ wishId }) => ({ pk: k.wish(wishId), sk: k.meta }),
})

export const WishEventEntity = new Entity({
  name: 'WishEvent',
  table,
  schema: item({ wishId: string().key(), sortKey: string().key(), json: string() }),
  computeKey: ({ wishId, sortKey }) => ({ pk: k.wish(wishId), sk: sortKey }),
})

/** A wall entry: the public card and nothing else. Open entries also carry gsi1 (the wanted-by order). */
export const WallEntryEntity = new Entity({
  name: 'WishWallEntry',
  table,
  schema: item({
    wall: string().key(),
    sortKey: string().key(),
    json: string(),
    gsi1pk: string().optional(),
    gsi1sk: string().optional(),
  }),
  computeKey: ({ wall, sortKey }) => ({ pk: wall, sk: sortKey }),
})

/** AP70 — a grid's wishes in one status, oldest first (the vetting queue, the disputes). */
export const gridWishes = table
  .build(AccessPattern)
  .entities(WishEntity)
  .schema(map({ gridId: string(), status: string() }))
  .pattern(({ gridId, status }) => ({
    index: 'gsi1',
    partition: k.ofGrid(gridId),
    range: { beginsWith: `${status}#` },
  }))
  .options({ maxPages: Infinity })
  .meta({ title: 'gridWishes' })

/** AP71 — the wishes a user posted, newest first (我的心愿). */
export const posterWishes = table
  .build(AccessPattern)
  .entities(WishEntity)
  .schema(string())
  .pattern((userId) => ({ index: 'gsi2', partition: k.ofPoster(userId) }))
  .options({ maxPages: Infinity, reverse: true })
  .meta({ title: 'posterWishes' })

/** AP72 / AP74 — a wall's open cards newest first, or its fulfilled ones newest first. */
export const wallEntries = table
  .build(AccessPattern)
  .entities(WallEntryEntity)
  .schema(map({ wall: string(), prefix: string() }))
  .pattern(({ wall, prefix }) => ({ partition: wall, range: { beginsWith: prefix } }))
  .options({ maxPages: 1, reverse: true })
  .meta({ title: 'wallEntries' })

/** AP73 — a wall's open cards, soonest wanted first. */
export const wallByWantedBy = table
  .build(AccessPattern)
  .entities(WallEntryEntity)
  .schema(string())
  .pattern((wall) => ({ index: 'gsi1', partition: wall, range: { beginsWith: k.duePrefix } }))
  .options({ maxPages: 1 })
  .meta({ title: 'wallByWantedBy' })

/** AP75 — a wish's timeline, oldest first. */
export const wishTimeline = table
  .build(AccessPattern)
  .entities(WishEventEntity)
  .schema(string())
  .pattern((wishId) => ({ partition: k.wish(wishId), range: { beginsWith: k.eventPrefix } }))
  .options({ maxPages: Infinity })
  .meta({ title: 'wishTimeline' })

type WishItem = { wishId: string; version: number; bodyJson: string }
const fromItem = (i: WishItem): WishRecord => ({
  ...parseStored(WishBody, i.bodyJson, `wish ${i.wishId}`),
  version: i.version,
})
const toItem = (w: WishRecord) => {
  const { version: _v, ...body } = w
  return {
    wishId: w.wishId,
    communityId: w.communityId,
    gridId: w.gridId,
    status: w.status,
    posterId: w.posterId,
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
    version: w.version,
    bodyJson: JSON.stringify(body),
  }
}

const StoredCardSchema = WallCard.omit({ photo: true }).extend({ photoKey: z.string().optional() }) satisfies z.ZodType<
  StoredCard,
  z.ZodTypeDef,
  unknown
>
const StoredEvent = TimelineEntry.omit({ actorName: true }).extend({
  actorId: z.string(),
  actorName: z.string(),
  status: WishStatus,
})

const scopes = (w: Pick<WishRecord, 'gridId' | 'communityId'>): WallScope[] => [
  { kind: 'grid', id: w.gridId },
  { kind: 'community', id: w.communityId },
]

/** The wall's entries a change adds or removes, on the wish's grid's wall and its community's. */
const wallWrites = (w: WishRecord, wall: WishEffects['wall'] = {}) =>
  scopes(w).flatMap((scope) => [
    ...(wall.removeOpen
      ? [
          WallEntryEntity.build(DeleteTransaction).key({
            wall: k.wall(scope),
            sortKey: k.open(wall.removeOpen, w.wishId),
          }),
        ]
      : []),
    ...(wall.addOpen
      ? [
          WallEntryEntity.build(PutTransaction).item({
            wall: k.wall(scope),
            sortKey: k.open(wall.addOpen.onWallSince, w.wishId),
            json: JSON.stringify(wall.addOpen),
            gsi1pk: k.wall(scope),
            gsi1sk: k.due(wall.addOpen.wantedBy, wall.addOpen.onWallSince, w.wishId),
          }),
        ]
      : []),
    ...(wall.putDone
      ? [
          WallEntryEntity.build(PutTransaction).item({
            wall: k.wall(scope),
            sortKey: k.done(wall.putDone.confirmedAt ?? w.updatedAt, w.wishId),
            json: JSON.stringify(wall.putDone),
          }),
        ]
      : []),
  ])

const eventWrite = (wishId: string, e: WishEvent) =>
  WishEventEntity.build(PutTransaction).item({ wishId, sortKey: k.event(e.at, ulid()), json: JSON.stringify(e) })

/** Everything a change writes besides the wish and its event; the positions of the guarded items are returned. */
const effectWrites = (w: WishRecord, e: WishEffects) => {
  const guarded = [
    ...(e.household ? [householdWrite(w.beneficiary.householdId, e.household)] : []),
    ...(e.member ? [memberWrite(e.member)] : []),
  ]
  return {
    writes: [
      ...guarded,
      ...(e.claimLog ? [claimLogWrite(e.claimLog)] : []),
      ...(e.stats ? statWrites(w.communityId, { id: w.gridId, name: w.gridName }, e.stats) : []),
      ...wallWrites(w, e.wall),
      ...(e.notices ?? []).flatMap(noticeWrites),
      ...(e.due ?? []).map(dueWrite),
      ...contentWrites(e.content),
    ],
    householdAt: e.household ? 0 : -1,
    memberAt: e.member ? (e.household ? 1 : 0) : -1,
  }
}

/** A page position must be one this wall handed out: the keys of one of its entries under the order asked for. */
const readCursor = (cursor: string, wall: string, prefix: string, index: boolean) =>
  readPageCursor(cursor, index ? ['pk', 'sk', 'gsi1pk', 'gsi1sk'] : ['pk', 'sk'], (key) =>
    index
      ? key.pk === wall && key.gsi1pk === wall && key.gsi1sk!.startsWith(prefix)
      : key.pk === wall && key.sk!.startsWith(prefix),
  )

const conflicted = (error: unknown) =>
  cancellationCodes(error)?.includes('TransactionConflict') ||
  (error as { name?: string }).name === 'TransactionConflictException'

export const dynamoWishStore: WishStore = {
  async get(wishId) {
    const { Item } = await WishEntity.build(GetItemCommand).key({ wishId }).options({ consistent: true }).send()
    return Item && fromItem(Item)
  },
  async getMany(wishIds) {
    return (
      await batchGet(
        WishEntity,
        wishIds.map((wishId) => ({ wishId })),
      )
    ).flatMap((i) => (i ? [fromItem(i)] : []))
  },
  async create(wish, event, effects) {
    const { writes, householdAt } = effectWrites(wish, effects)
    try {
      await withConflictRetry(() =>
        executeTransactWrite(
          WishEntity.build(PutTransaction)
            .item(toItem(wish))
            .options({ condition: { attr: 'wishId', exists: false } }),
          eventWrite(wish.wishId, event),
          ...writes,
        ),
      )
      return done()
    } catch (error) {
      const codes = cancellationCodes(error)
      if (codes?.[0] === 'ConditionalCheckFailed') return refused('exists')
      if (householdAt >= 0 && codes?.[2 + householdAt] === 'ConditionalCheckFailed') return refused('openLimit')
      throw error
    }
  },
  async transition(expected, next, event, effects) {
    const { writes, memberAt, householdAt } = effectWrites(next, effects)
    const first = event ? 2 : 1
    try {
      await withConflictRetry(
        () =>
          executeTransactWrite(
            WishEntity.build(PutTransaction)
              .item(toItem(next))
              .options({
                condition: {
                  and: [
                    { attr: 'version', eq: expected.version },
                    { attr: 'status', eq: expected.status },
                  ],
                },
              }),
            ...(event ? [eventWrite(next.wishId, event)] : []),
            ...writes,
          ),
        10,
      )
      return done()
    } catch (error) {
      const codes = cancellationCodes(error)
      if (codes?.[0] === 'ConditionalCheckFailed') return refused('moved')
      if (memberAt >= 0 && codes?.[first + memberAt] === 'ConditionalCheckFailed') return refused('claimLimit')
      if (householdAt >= 0 && codes?.[first + householdAt] === 'ConditionalCheckFailed') return refused('moved')
      if (conflicted(error)) return refused('busy')
      throw error
    }
  },
  async timeline(wishId) {
    const { Items = [] } = await wishTimeline.query(wishId).send()
    return Items.map((i) => parseStored(StoredEvent, i.json, `timeline entry of wish ${wishId}`))
  },
  async wall(scope, show, order, { limit, cursor }) {
    const wall = k.wall(scope)
    const byDue = show === 'open' && order === 'due'
    const prefix = byDue ? k.duePrefix : show === 'open' ? k.openPrefix : k.donePrefix
    const start = cursor === undefined ? undefined : readCursor(cursor, wall, prefix, byDue)
    if (cursor !== undefined && !start) return refused('badCursor')
    const options = { limit, ...(start ? { exclusiveStartKey: start } : {}) }
    const { Items = [], LastEvaluatedKey } = byDue
      ? await wallByWantedBy.query(wall).options(options).send()
      : await wallEntries.query({ wall, prefix }).options(options).send()
    return done({
      items: Items.map((i) => parseStored(StoredCardSchema, i.json, `wall card ${i.sortKey}`)),
      ...pageCursor(LastEvaluatedKey),
    })
  },
  async countOpen(scope) {
    const { Count = 0 } = await wallEntries
      .query({ wall: k.wall(scope), prefix: k.openPrefix })
      .options({ select: 'COUNT', maxPages: Infinity })
      .send()
    return Count
  },
  async ofGrid(gridId, status) {
    const { Items = [] } = await gridWishes.query({ gridId, status }).send()
    return Items.map(fromItem)
  },
  async ofPoster(userId) {
    const { Items = [] } = await posterWishes.query(userId).send()
    return Items.map(fromItem)
  },
  member: readMember,
  claimsOf: readClaims,
  stats: readStats,
}
