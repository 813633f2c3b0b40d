import {
  Entity,
  executeTransactWrite,
  GetItemCommand,
  item,
  map,
  PutTransaction,
  string,
  TableAccessPattern as AccessPattern,
  UpdateItemCommand,
} from 'dynamodb-toolbox'
import { z } from 'zod'
import { Topic } from '../../../../contracts/notifications'
import { Role } from '../../../../contracts/common'
import { noticeRef, SEND_NOTICE, type Delivery, type QueuedNotice } from '../../domain/notifications/model'
import type { NoticeStore } from '../../domain/notifications/ports'
import { dueWrite } from '../schedule/due'
import { GridLinkTable as table } from '../table'
import { parseStored } from '../transactions'

/*
 * The notices queued about one subject (a matter, a wish, an activity, a redemption), in the subject's own
 * notices partition, with one marker per user reached (so nobody gets one twice). Each notice is also due
 * work of kind `notifications.send` from its time on (AP15); the sender's job reads it by key.
 */
export const noticeKeys = {
  subject: (subjectKind: string, subjectId: string) => `NOTICES#${subjectKind}#${subjectId}`,
  notice: (noticeId: string) => `NTC#${noticeId}`,
  noticePrefix: 'NTC#',
  sent: (noticeId: string, userId: string) => `SENT#${noticeId}#${userId}`,
}

export const NoticeEntity = new Entity({
  name: 'Notice',
  table,
  schema: item({
    subjectKind: string().key(),
    subjectId: string().key(),
    noticeId: string().key(),
    json: string(),
    delivery: string().optional(),
  }),
  computeKey: ({ subjectKind, subjectId, noticeId }) => ({
    pk: noticeKeys.subject(subjectKind, subjectId),
    sk: noticeKeys.notice(noticeId),
  }),
})

/** A notice reached a user: the marker that makes a second run skip them. */
export const NoticeSentEntity = new Entity({
  name: 'NoticeSent',
  table,
  schema: item({
    subjectKind: string().key(),
    subjectId: string().key(),
    noticeId: string().key(),
    userId: string().key(),
  }),
  computeKey: ({ subjectKind, subjectId, noticeId, userId }) => ({
    pk: noticeKeys.subject(subjectKind, subjectId),
    sk: noticeKeys.sent(noticeId, userId),
  }),
})

/** AP18 — the notices about one subject, oldest first (a matter's notification log). */
export const subjectNotices = table
  .build(AccessPattern)
  .entities(NoticeEntity)
  .schema(map({ subjectKind: string(), subjectId: string() }))
  .pattern(({ subjectKind, subjectId }) => ({
    partition: noticeKeys.subject(subjectKind, subjectId),
    range: { beginsWith: noticeKeys.noticePrefix },
  }))
  .options({ maxPages: Infinity })
  .meta({ title: 'subjectNotices' })

const Audience = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('users'), userIds: z.array(z.string()) }),
  z.object({ kind: z.literal('role'), role: Role, placePath: z.string() }),
  z.object({ kind: z.literal('households'), placePath: z.string() }),
])
const StoredNotice = z.object({
  noticeId: z.string(),
  communityId: z.string(),
  subject: z.object({ kind: z.string(), id: z.string(), title: z.string(), page: z.string() }),
  topic: Topic,
  kind: z.string(),
  text: z.string(),
  at: z.string(),
  audience: Audience,
}) satisfies z.ZodType<QueuedNotice, z.ZodTypeDef, unknown>
const StoredDelivery = z.object({
  at: z.string(),
  topic: Topic,
  audience: z.number(),
  sent: z.number(),
  skipped: z.number(),
  failed: z.number(),
  reason: z.string().optional(),
}) satisfies z.ZodType<Delivery, z.ZodTypeDef, unknown>

const key = (n: Pick<QueuedNotice, 'subject' | 'noticeId'>) => ({
  subjectKind: n.subject.kind,
  subjectId: n.subject.id,
  noticeId: n.noticeId,
})

/** A notice, and its due sending, written in the transaction of the change it tells of. */
export const noticeWrites = (n: QueuedNotice) => [
  NoticeEntity.build(PutTransaction).item({ ...key(n), json: JSON.stringify(n) }),
  dueWrite({ kind: SEND_NOTICE, at: n.at, subjectId: noticeRef(n) }),
]

const fromItem = (i: { json: string; delivery?: string; noticeId: string }) => ({
  ...parseStored(StoredNotice, i.json, `notice ${i.noticeId}`),
  ...(i.delivery ? { delivery: parseStored(StoredDelivery, i.delivery, `delivery of notice ${i.noticeId}`) } : {}),
})

export const dynamoNoticeStore: NoticeStore = {
  async queue(notices) {
    // Two items a notice; a transaction takes 100.
    for (let i = 0; i < notices.length; i += 50)
      await executeTransactWrite(...notices.slice(i, i + 50).flatMap(noticeWrites))
  },
  async get(subjectKind, subjectId, noticeId) {
    const { Item } = await NoticeEntity.build(GetItemCommand).key({ subjectKind, subjectId, noticeId }).send()
    return Item && fromItem(Item)
  },
  async forSubject(subjectKind, subjectId) {
    const { Items = [] } = await subjectNotices.query({ subjectKind, subjectId }).send()
    return Items.map(fromItem)
  },
  async markDelivered(n, delivery) {
    await NoticeEntity.build(UpdateItemCommand)
      .item({ ...key(n), delivery: JSON.stringify(delivery) })
      .send()
  },
}
