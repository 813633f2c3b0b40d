import {
  $add,
  Entity,
  executeTransactWrite,
  GetItemCommand,
  item,
  map,
  number,
  PutItemCommand,
  PutTransaction,
  string,
  TableAccessPattern as AccessPattern,
  UpdateTransaction,
} from 'dynamodb-toolbox'
import { ulid } from 'ulid'
import { z } from 'zod'
import {
  Comment,
  MatterStatus,
  ResponsibleParty,
  stepOf,
  TimelineEntry,
  Triage,
} from '../../../../contracts/deliberation'
import type { MatterRecord, TimelineEvent } from '../../domain/deliberation/model'
import type { MatterStore } from '../../domain/deliberation/ports'
import { done, refused } from '../../domain/shared/outcome'
import { batchGet } from '../batch'
import { pageCursor, readPageCursor } from '../cursor'
import { contentWrites } from '../moderation/content'
import { noticeWrites } from '../notifications/notices'
import { dueWrite } from '../schedule/due'
import { GridLinkTable as table } from '../table'
import { cancellationCodes, conditionFailed, parseStored, withConflictRetry } from '../transactions'

/*
 * A matter (议题) and what hangs under it in its own partition: the timeline (EVT), the comments (CMT) and one
 * item per second (SECOND). Matters are listed by community and step (gsi1: AP11, AP17) and by proposer
 * (gsi2: AP12). Every change bumps `version`, the condition of every transition.
 */

/** Every key of a matter, written once. */
export const matterKeys = {
  meta: 'META',
  matter: (matterId: string) => `MATTER#${matterId}`,
  byCommunity: (communityId: string) => `MATTERS#${communityId}`,
  inCommunity: (step: string, createdAt: string, matterId: string) => `${step}#${createdAt}#${matterId}`,
  byProposer: (userId: string) => `PROPOSER#${userId}`,
  ofProposer: (createdAt: string, matterId: string) => `${createdAt}#${matterId}`,
  log: (kind: LogKind, sortKey: string) => `${kind}#${sortKey}`,
  logPrefix: (kind: LogKind) => `${kind}#`,
  second: (userId: string) => `SECOND#${userId}`,
}
type LogKind = 'EVT' | 'CMT'
const k = matterKeys

const matterSchema = item({
  matterId: string().key(),
  communityId: string(),
  step: string(),
  status: string(),
  proposerId: string(),
  createdAt: string(),
  updatedAt: string(),
  version: number(),
  secondsCount: number(),
  /** The rest of the matter (scope, texts, poll id, resolution, …) as one JSON document: read and written whole. */
  bodyJson: string(),
})
export const MatterEntity = new Entity({
  name: 'Matter',
  table,
  schema: matterSchema.and((_s) => ({
    gsi1pk: string().link<typeof _s>(({ communityId }) => k.byCommunity(communityId)),
    gsi1sk: string().link<typeof _s>(({ step, createdAt, matterId }) => k.inCommunity(step, createdAt, matterId)),
    gsi2pk: string().link<typeof _s>(({ proposerId }) => k.byProposer(proposerId)),
    gsi2sk: string().link<typeof _s>(({ createdAt, matterId }) => k.ofProposer(createdAt, matterId)),
  })),
  computeKey: ({ matterId }) => ({ pk: k.matter(matterId), sk: k.meta }),
})

/** A timeline entry (EVT, time-ordered) or a comment (CMT, under the id its writer's phone made). */
export const MatterLogEntity = new Entity({
  name: 'MatterLog',
  table,
  schema: item({ matterId: string().key(), kind: string().key(), sortKey: string().key(), json: string() }),
  computeKey: ({ matterId, kind, sortKey }) => ({ pk: k.matter(matterId), sk: k.log(kind as LogKind, sortKey) }),
})

/** One second (附议) per resident and matter. */
export const SecondEntity = new Entity({
  name: 'Second',
  table,
  schema: item({ matterId: string().key(), userId: string().key(), at: string() }),
  computeKey: ({ matterId, userId }) => ({ pk: k.matter(matterId), sk: k.second(userId) }),
})

/** The JSON body of a matter, checked on every read. */
const MatterBody = z.object({
  matterId: z.string(),
  communityId: z.string(),
  scope: z.object({
    type: z.enum(['building', 'compound', 'community']),
    id: z.string(),
    name: z.string(),
    path: z.string(),
  }),
  categoryId: z.string(),
  categoryName: z.string(),
  title: z.string(),
  text: z.string(),
  photoKeys: z.array(z.string()),
  proposerId: z.string(),
  proposerName: z.string(),
  status: MatterStatus,
  secondsNeeded: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  returnNote: z.string().optional(),
  closedReason: z.string().optional(),
  triage: Triage.optional(),
  responsibleParty: ResponsibleParty.optional(),
  escalation: z
    .object({ deadline: z.string(), answeredAt: z.string().optional(), answer: z.string().optional() })
    .optional(),
  pollId: z.string().optional(),
  pollClosesAt: z.string().optional(),
  resolution: z
    .object({
      responsibleParty: ResponsibleParty,
      tasks: z.array(z.string()),
      dueDate: z.string(),
      publishedAt: z.string(),
      round: z.number(),
    })
    .optional(),
  report: z.object({ note: z.string(), photoKeys: z.array(z.string()), at: z.string(), round: z.number() }).optional(),
  evaluation: z
    .object({
      round: z.number(),
      closesAt: z.string(),
      counts: z.object({ satisfied: z.number(), basic: z.number(), unsatisfied: z.number() }).optional(),
      score: z.number().optional(),
    })
    .optional(),
}) satisfies z.ZodType<Omit<MatterRecord, 'secondsCount' | 'version'>, z.ZodTypeDef, unknown>

type MatterItem = { matterId: string; secondsCount: number; version: number; bodyJson: string }
const fromItem = (i: MatterItem): MatterRecord => ({
  ...parseStored(MatterBody, i.bodyJson, `matter ${i.matterId}`),
  secondsCount: i.secondsCount,
  version: i.version,
})

/** The indexed attributes are columns; the rest is the JSON body. `secondsCount` lives only in its column (seconds add to it atomically). */
const toItem = (m: MatterRecord) => {
  const { secondsCount: _s, version: _v, ...body } = m
  return {
    matterId: m.matterId,
    communityId: m.communityId,
    step: stepOf[m.status],
    status: m.status,
    proposerId: m.proposerId,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    version: m.version,
    secondsCount: m.secondsCount,
    bodyJson: JSON.stringify(body),
  }
}

const eventPut = (matterId: string, e: TimelineEvent) =>
  MatterLogEntity.build(PutTransaction).item({
    matterId,
    kind: 'EVT',
    sortKey: `${e.at}#${ulid()}`,
    json: JSON.stringify(e),
  })

/** AP10 — a matter's timeline or comments. */
export const matterLog = table
  .build(AccessPattern)
  .entities(MatterLogEntity)
  .schema(map({ matterId: string(), kind: string() }))
  .pattern(({ matterId, kind }) => ({
    partition: k.matter(matterId),
    range: { beginsWith: k.logPrefix(kind as LogKind) },
  }))
  .options({ maxPages: Infinity })
  .meta({ title: 'matterLog' })

/** AP11 — a community's matters, optionally of one step (the deliberation tab; the committee's review queue is step `review`). */
export const communityMatters = table
  .build(AccessPattern)
  .entities(MatterEntity)
  .schema(map({ communityId: string(), step: string() }))
  .pattern(({ communityId, step }) => ({
    index: 'gsi1',
    partition: k.byCommunity(communityId),
    ...(step ? { range: { beginsWith: `${step}#` } } : {}),
  }))
  .options({ maxPages: Infinity })
  .meta({ title: 'communityMatters' })

/** AP12 — a resident's own proposals, newest first. */
export const proposerMatters = table
  .build(AccessPattern)
  .entities(MatterEntity)
  .schema(string())
  .pattern((userId) => ({ index: 'gsi2', partition: k.byProposer(userId) }))
  .options({ maxPages: Infinity, reverse: true })
  .meta({ title: 'proposerMatters' })

/** AP17 — a community's matters not yet closed (the grid card's open counts): `closed#` sorts first among the steps. */
export const openCommunityMatters = table
  .build(AccessPattern)
  .entities(MatterEntity)
  .schema(string())
  .pattern((communityId) => ({ index: 'gsi1', partition: k.byCommunity(communityId), range: { gt: 'closed#~' } }))
  .options({ maxPages: Infinity })
  .meta({ title: 'openCommunityMatters' })

/** A page position must be one this list handed out: the index keys of a matter of this community (and step). */
const readCursor = (cursor: string, communityId: string, step?: string) =>
  readPageCursor(
    cursor,
    ['pk', 'sk', 'gsi1pk', 'gsi1sk'],
    (key) => key.gsi1pk === k.byCommunity(communityId) && (!step || key.gsi1sk!.startsWith(`${step}#`)),
  )

export const dynamoMatterStore: MatterStore = {
  async get(matterId, { consistent = true } = {}) {
    const { Item } = await MatterEntity.build(GetItemCommand).key({ matterId }).options({ consistent }).send()
    return Item && fromItem(Item)
  },
  async create(matter, event, notices, content) {
    try {
      await executeTransactWrite(
        MatterEntity.build(PutTransaction)
          .item(toItem(matter))
          .options({ condition: { attr: 'matterId', exists: false } }),
        eventPut(matter.matterId, event),
        ...notices.flatMap(noticeWrites),
        ...contentWrites(content),
      )
      return done()
    } catch (error) {
      if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') return refused('exists')
      throw error
    }
  },
  async transition(expected, next, event, notices, due = [], content) {
    const i = toItem(next)
    try {
      await executeTransactWrite(
        MatterEntity.build(UpdateTransaction)
          .item({
            matterId: next.matterId,
            step: i.step,
            status: i.status,
            updatedAt: i.updatedAt,
            version: next.version,
            bodyJson: i.bodyJson,
            gsi1sk: k.inCommunity(i.step, i.createdAt, i.matterId),
          })
          .options({
            condition: {
              and: [
                { attr: 'version', eq: expected.version },
                { attr: 'status', eq: expected.status },
              ],
            },
          }),
        eventPut(next.matterId, event),
        ...notices.flatMap(noticeWrites),
        ...due.map(dueWrite),
        ...contentWrites(content),
      )
      return done()
    } catch (error) {
      if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') return refused('moved')
      throw error
    }
  },
  async timeline(matterId) {
    const { Items = [] } = await matterLog.query({ matterId, kind: 'EVT' }).send()
    return Items.map((i) => parseStored(TimelineEntry, i.json, `timeline entry of ${matterId}`))
  },
  async page(communityId, step, { limit, cursor }) {
    const start = cursor === undefined ? undefined : readCursor(cursor, communityId, step)
    if (cursor !== undefined && !start) return refused('badCursor')
    const { Items = [], LastEvaluatedKey } = await communityMatters
      .query({ communityId, step: step ?? '' })
      .options({ maxPages: 1, limit, reverse: true, ...(start ? { exclusiveStartKey: start } : {}) })
      .send()
    return done({ items: Items.map(fromItem), ...pageCursor(LastEvaluatedKey) })
  },
  async listByStep(communityId, step) {
    const { Items = [] } = await communityMatters.query({ communityId, step }).send()
    return Items.map(fromItem)
  },
  async listOpen(communityId) {
    const { Items = [] } = await openCommunityMatters.query(communityId).send()
    return Items.map(fromItem)
  },
  async listByProposer(userId) {
    const { Items = [] } = await proposerMatters.query(userId).send()
    return Items.map(fromItem)
  },

  async addSecond(matterId, userId, at) {
    try {
      await withConflictRetry(() =>
        executeTransactWrite(
          SecondEntity.build(PutTransaction)
            .item({ matterId, userId, at })
            .options({ condition: { attr: 'userId', exists: false } }),
          MatterEntity.build(UpdateTransaction)
            .item({ matterId, secondsCount: $add(1) })
            .options({ condition: { attr: 'status', eq: 'seconding' } }),
        ),
      )
    } catch (error) {
      const codes = cancellationCodes(error)
      if (codes?.[0] === 'ConditionalCheckFailed') return refused('already')
      if (codes?.[1] === 'ConditionalCheckFailed') return refused('moved')
      throw error
    }
    const { Item } = await MatterEntity.build(GetItemCommand)
      .key({ matterId })
      .options({ consistent: true, attributes: ['secondsCount'] })
      .send()
    return done(Item?.secondsCount ?? 0)
  },
  async secondedBy(userId, matterIds) {
    const items = await batchGet(
      SecondEntity,
      matterIds.map((matterId) => ({ matterId, userId })),
    )
    return new Set(items.flatMap((i) => (i ? [i.matterId] : [])))
  },

  async addComment(matterId, comment, content = []) {
    const item = { matterId, kind: 'CMT', sortKey: comment.commentId, json: JSON.stringify(comment) }
    try {
      // A held comment and its moderation record are written together.
      if (content.length)
        await executeTransactWrite(
          MatterLogEntity.build(PutTransaction)
            .item(item)
            .options({ condition: { attr: 'matterId', exists: false } }),
          ...contentWrites(content),
        )
      else
        await MatterLogEntity.build(PutItemCommand)
          .item(item)
          .options({ condition: { attr: 'matterId', exists: false } })
          .send()
      return done()
    } catch (error) {
      if (conditionFailed(error) || cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') return refused('exists')
      throw error
    }
  },
  async getComment(matterId, commentId) {
    const { Item } = await MatterLogEntity.build(GetItemCommand)
      .key({ matterId, kind: 'CMT', sortKey: commentId })
      .options({ consistent: true })
      .send()
    return Item && parseStored(Comment, Item.json, `comment ${commentId}`)
  },
  async comments(matterId) {
    const { Items = [] } = await matterLog.query({ matterId, kind: 'CMT' }).send()
    return Items.map((i) => parseStored(Comment, i.json, `comment of ${matterId}`)).sort((a, b) =>
      a.at.localeCompare(b.at),
    )
  },
}
