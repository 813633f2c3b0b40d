import {
  $add,
  DeleteTransaction,
  Entity,
  executeTransactWrite,
  GetItemCommand,
  item,
  number,
  PutItemCommand,
  PutTransaction,
  set,
  string,
  TableAccessPattern as AccessPattern,
  UpdateTransaction,
} from 'dynamodb-toolbox'
import { ulid } from 'ulid'
import { z } from 'zod'
import { ContentState, ModerationSettings, ReportReason } from '../../../../contracts/moderation'
import type { ContentDecision, ContentRecord, ContentWrite } from '../../domain/moderation/model'
import type { ModerationStore } from '../../domain/moderation/ports'
import { done, refused } from '../../domain/shared/outcome'
import { batchGet } from '../batch'
import { placeKeys } from '../structure/places'
import { GridLinkTable as table } from '../table'
import { cancellationCodes, conditionFailed, parseStored } from '../transactions'

/*
 * Content safety's items. One record per piece of content that was ever held, checked or reported, in its own
 * partition with the reports (one per user) and the decisions taken on it. While held it is in its community's
 * queue (gsi1: AP30); every decision is also indexed by community (gsi2: AP31). A photo sent to WeChat leaves a
 * trace item (trace id → content) for the verdict WeChat pushes later.
 */

/** Every key of content safety, written once. */
export const moderationKeys = {
  meta: 'META',
  content: (contentKey: string) => `CONTENT#${contentKey}`,
  report: (userId: string) => `REPORT#${userId}`,
  decision: (at: string, id: string) => `DECISION#${at}#${id}`,
  queue: (communityId: string) => `MODQ#${communityId}`,
  inQueue: (queuedAt: string, contentKey: string) => `${queuedAt}#${contentKey}`,
  log: (communityId: string) => `MODLOG#${communityId}`,
  inLog: (at: string, id: string) => `${at}#${id}`,
  trace: (traceId: string) => `TRACE#${traceId}`,
  settings: 'MODERATION',
}
const k = moderationKeys

export const ContentEntity = new Entity({
  name: 'Content',
  table,
  schema: item({
    contentKey: string().key(),
    communityId: string(),
    state: string(),
    /** Counted by the reports' own transactions (ADD), so two reports at once both count. */
    reports: number(),
    reasons: set(string()).optional(),
    version: number(),
    /** Only while held: the community's queue. */
    gsi1pk: string().optional(),
    gsi1sk: string().optional(),
    /** The rest (kind, place, subject, author, text or photo key, verdict, decision, times) as one JSON document. */
    bodyJson: string(),
  }),
  computeKey: ({ contentKey }) => ({ pk: k.content(contentKey), sk: k.meta }),
})

export const ContentReportEntity = new Entity({
  name: 'ContentReport',
  table,
  schema: item({ contentKey: string().key(), userId: string().key(), reason: string(), at: string() }),
  computeKey: ({ contentKey, userId }) => ({ pk: k.content(contentKey), sk: k.report(userId) }),
})

export const ContentDecisionEntity = new Entity({
  name: 'ContentDecision',
  table,
  schema: item({
    contentKey: string().key(),
    sortKey: string().key(),
    gsi2pk: string(),
    gsi2sk: string(),
    json: string(),
  }),
  computeKey: ({ contentKey, sortKey }) => ({ pk: k.content(contentKey), sk: sortKey }),
})

export const MediaTraceEntity = new Entity({
  name: 'MediaTrace',
  table,
  schema: item({ traceId: string().key(), contentKey: string(), at: string() }),
  computeKey: ({ traceId }) => ({ pk: k.trace(traceId), sk: k.meta }),
})

export const ModerationSettingsEntity = new Entity({
  name: 'ModerationSettings',
  table,
  schema: item({ communityId: string().key(), settingsJson: string() }),
  computeKey: ({ communityId }) => ({ pk: placeKeys.community(communityId), sk: k.settings }),
})

const Subject = z.object({ kind: z.string(), id: z.string(), title: z.string(), page: z.string() })
const DecisionBody = z.object({
  outcome: z.enum(['restore', 'remove', 'block']),
  byId: z.string(),
  byName: z.string(),
  at: z.string(),
  reason: z.string(),
})
const ContentBody = z.object({
  kind: z.enum(['text', 'photo']),
  placePath: z.string(),
  subject: Subject,
  authorId: z.string(),
  authorName: z.string(),
  text: z.string().optional(),
  photoKey: z.string().optional(),
  verdict: z
    .object({
      suggest: z.enum(['pass', 'review', 'risky']),
      label: z.number(),
      traceId: z.string().optional(),
      at: z.string(),
    })
    .optional(),
  queuedAt: z.string().optional(),
  decision: DecisionBody.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
/** A decision with what it was about, so the community's record reads without the content items. */
const LoggedDecision = DecisionBody.extend({
  contentKey: z.string(),
  communityId: z.string(),
  kind: z.enum(['text', 'photo']),
  subject: Subject,
  authorName: z.string(),
  placePath: z.string(),
})

type ContentItem = {
  contentKey: string
  communityId: string
  state: string
  reports: number
  reasons?: Set<string>
  version: number
  bodyJson: string
}
const fromItem = (i: ContentItem): ContentRecord => ({
  ...parseStored(ContentBody, i.bodyJson, `content ${i.contentKey}`),
  contentKey: i.contentKey,
  communityId: i.communityId,
  state: ContentState.parse(i.state),
  reports: i.reports,
  reasons: [...(i.reasons ?? [])].map((r) => ReportReason.parse(r)),
  version: i.version,
})

const toItem = (r: ContentRecord) => {
  const { contentKey, communityId, state, reports, reasons, version, ...body } = r
  const held = (state === 'review' || state === 'reported') && r.queuedAt
  return {
    contentKey,
    communityId,
    state,
    reports,
    version,
    ...(reasons.length ? { reasons: new Set<string>(reasons) } : {}),
    ...(held ? { gsi1pk: k.queue(communityId), gsi1sk: k.inQueue(r.queuedAt!, contentKey) } : {}),
    bodyJson: JSON.stringify(body),
  }
}

const decisionPut = (r: ContentRecord, d: ContentDecision) => {
  const id = ulid()
  const logged: z.infer<typeof LoggedDecision> = {
    ...d,
    contentKey: r.contentKey,
    communityId: r.communityId,
    kind: r.kind,
    subject: r.subject,
    authorName: r.authorName,
    placePath: r.placePath,
  }
  return ContentDecisionEntity.build(PutTransaction).item({
    contentKey: r.contentKey,
    sortKey: k.decision(d.at, id),
    gsi2pk: k.log(r.communityId),
    gsi2sk: k.inLog(d.at, id),
    json: JSON.stringify(logged),
  })
}

/**
 * The transaction items a capability adds to its own change (as it does `noticeWrites`): a held text is written
 * with the content that holds it; a revision that passed ends the older version's hold.
 */
export const contentWrites = (writes: ContentWrite[] = []) =>
  writes.map((w) =>
    'put' in w
      ? ContentEntity.build(PutTransaction).item(toItem(w.put))
      : ContentEntity.build(DeleteTransaction).key({ contentKey: w.clear }),
  )

/** AP30 — a community's held content, oldest first (the staff's moderation queue). */
export const moderationQueue = table
  .build(AccessPattern)
  .entities(ContentEntity)
  .schema(string())
  .pattern((communityId) => ({ index: 'gsi1', partition: k.queue(communityId) }))
  .options({ maxPages: Infinity })
  .meta({ title: 'moderationQueue' })

/** AP31 — a community's moderation decisions, newest first (the record). */
export const moderationLog = table
  .build(AccessPattern)
  .entities(ContentDecisionEntity)
  .schema(string())
  .pattern((communityId) => ({ index: 'gsi2', partition: k.log(communityId) }))
  .options({ reverse: true })
  .meta({ title: 'moderationLog' })

export const dynamoModerationStore: ModerationStore = {
  async states(contentKeys) {
    const items = await batchGet(
      ContentEntity,
      contentKeys.map((contentKey) => ({ contentKey })),
    )
    return new Map(items.flatMap((i) => (i ? [[i.contentKey, fromItem(i)] as const] : [])))
  },
  async get(contentKey) {
    const { Item } = await ContentEntity.build(GetItemCommand).key({ contentKey }).options({ consistent: true }).send()
    return Item && fromItem(Item)
  },
  async create(record) {
    try {
      await ContentEntity.build(PutItemCommand)
        .item(toItem(record))
        .options({ condition: { attr: 'contentKey', exists: false } })
        .send()
      return done()
    } catch (error) {
      if (conditionFailed(error)) return refused('exists')
      throw error
    }
  },
  async update(expected, next, decision) {
    try {
      await executeTransactWrite(
        ContentEntity.build(PutTransaction)
          .item(toItem(next))
          .options({ condition: { attr: 'version', eq: expected.version } }),
        ...(decision ? [decisionPut(next, decision)] : []),
      )
      return done()
    } catch (error) {
      if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') return refused('moved')
      throw error
    }
  },
  async trackPhoto(record, traceId) {
    await MediaTraceEntity.build(PutItemCommand)
      .item({ traceId, contentKey: record.contentKey, at: record.createdAt })
      .send()
    // The same photo sent twice at once: the first record stands; both traces name it.
    await this.create(record)
  },
  async contentOfTrace(traceId) {
    const { Item } = await MediaTraceEntity.build(GetItemCommand).key({ traceId }).options({ consistent: true }).send()
    return Item?.contentKey
  },
  async report(draft, userId, reason, at) {
    // The first report of an item nobody held makes its record (shown, as it was).
    await this.create({
      ...draft,
      state: draft.kind === 'photo' ? 'pending' : 'passed',
      reports: 0,
      reasons: [],
      createdAt: at,
      updatedAt: at,
      version: 1,
    })
    try {
      await executeTransactWrite(
        ContentReportEntity.build(PutTransaction)
          .item({ contentKey: draft.contentKey, userId, reason, at })
          .options({ condition: { attr: 'userId', exists: false } }),
        ContentEntity.build(UpdateTransaction).item({
          contentKey: draft.contentKey,
          reports: $add(1),
          reasons: $add(new Set([reason])),
          version: $add(1),
        }),
      )
      return done()
    } catch (error) {
      if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') return refused('already')
      throw error
    }
  },
  async queue(communityId) {
    const { Items = [] } = await moderationQueue.query(communityId).send()
    return Items.map(fromItem)
  },
  async decisions(communityId, limit) {
    const { Items = [] } = await moderationLog.query(communityId).options({ limit, maxPages: 1, reverse: true }).send()
    return Items.map((i) => parseStored(LoggedDecision, i.json, `moderation decision of ${i.contentKey}`))
  },
  async settings(communityId) {
    const { Item } = await ModerationSettingsEntity.build(GetItemCommand).key({ communityId }).send()
    return Item && parseStored(ModerationSettings, Item.settingsJson, `moderation settings of ${communityId}`)
  },
  async putSettings(communityId, settings) {
    await ModerationSettingsEntity.build(PutItemCommand)
      .item({ communityId, settingsJson: JSON.stringify(settings) })
      .send()
  },
}
