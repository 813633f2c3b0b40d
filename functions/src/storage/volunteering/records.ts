import {
  Entity,
  executeTransactWrite,
  GetItemCommand,
  item,
  PutItemCommand,
  PutTransaction,
  string,
  TableAccessPattern as AccessPattern,
  UpdateItemCommand,
} from 'dynamodb-toolbox'
import { z } from 'zod'
import { ServiceRecord } from '../../../../contracts/volunteering'
import type { CorrectionRecord, ServiceRecordRecord } from '../../domain/volunteering/model'
import type { RecordStore } from '../../domain/volunteering/ports'
import { done, refused } from '../../domain/shared/outcome'
import { noticeWrites } from '../notifications/notices'
import { GridLinkTable as table } from '../table'
import { cancellationCodes, conditionFailed, parseStored, withConflictRetry } from '../transactions'
import { counterWrites } from './stats'

/*
 * Service records (平台记录) in the volunteer's partition (`VREC#<userId>` / `REC#<recordId>`, AP58), indexed by
 * community and month for the export and the unit's feedback card (gsi2 `VRECC#<communityId>#<YYYY-MM>`, AP59). A
 * record is written once, with its roll-up counters, in one transaction; only what became of its points is noted
 * on it later. Correction requests are items of their own (`VCORR#<requestId>`), by volunteer (gsi1, AP60) and by
 * activity (gsi2, AP61).
 */
export const recordKeys = {
  records: (userId: string) => `VREC#${userId}`,
  record: (recordId: string) => `REC#${recordId}`,
  recordPrefix: 'REC#',
  ofCommunityMonth: (communityId: string, month: string) => `VRECC#${communityId}#${month}`,
  inMonth: (date: string, recordId: string) => `${date}#${recordId}`,
  correction: (requestId: string) => `VCORR#${requestId}`,
  meta: 'META',
  correctionsOf: (userId: string) => `VCORRU#${userId}`,
  correctionsFor: (activityId: string) => `VCORRA#${activityId}`,
}
const k = recordKeys

const recordSchema = item({
  userId: string().key(),
  recordId: string().key(),
  communityId: string(),
  date: string(),
  pointsState: string(),
  pointsTransferId: string().optional(),
  json: string(),
})
export const ServiceRecordEntity = new Entity({
  name: 'ServiceRecord',
  table,
  schema: recordSchema.and((_s) => ({
    gsi2pk: string().link<typeof _s>(({ communityId, date }) => k.ofCommunityMonth(communityId, date.slice(0, 7))),
    gsi2sk: string().link<typeof _s>(({ date, recordId }) => k.inMonth(date, recordId)),
  })),
  computeKey: ({ userId, recordId }) => ({ pk: k.records(userId), sk: k.record(recordId) }),
})

const correctionSchema = item({
  requestId: string().key(),
  userId: string(),
  activityId: string(),
  at: string(),
  status: string(),
  json: string(),
})
export const CorrectionEntity = new Entity({
  name: 'ServiceCorrection',
  table,
  schema: correctionSchema.and((_s) => ({
    gsi1pk: string().link<typeof _s>(({ userId }) => k.correctionsOf(userId)),
    gsi1sk: string().link<typeof _s>(({ at, requestId }) => `${at}#${requestId}`),
    gsi2pk: string().link<typeof _s>(({ activityId }) => k.correctionsFor(activityId)),
    gsi2sk: string().link<typeof _s>(({ at, requestId }) => `${at}#${requestId}`),
  })),
  computeKey: ({ requestId }) => ({ pk: k.correction(requestId), sk: k.meta }),
})

const StoredRecord = ServiceRecord.extend({
  streetId: z.string(),
  unitId: z.string().optional(),
  pointsTransferId: z.string().optional(),
  recordedById: z.string(),
}) satisfies z.ZodType<ServiceRecordRecord, z.ZodTypeDef, unknown>
const StoredCorrection = z.object({
  requestId: z.string(),
  recordId: z.string(),
  activityId: z.string(),
  activityTitle: z.string(),
  userId: z.string(),
  name: z.string(),
  text: z.string(),
  at: z.string(),
  status: z.enum(['pending', 'accepted', 'refused']),
  answer: z.string().optional(),
  answeredBy: z.string().optional(),
  answeredAt: z.string().optional(),
  adjustmentId: z.string().optional(),
}) satisfies z.ZodType<CorrectionRecord, z.ZodTypeDef, unknown>

/** The points' state and transfer are columns (they change after the record is written); the record itself is the JSON. */
const fromRecord = (i: {
  json: string
  recordId: string
  pointsState: string
  pointsTransferId?: string
}): ServiceRecordRecord => ({
  ...parseStored(StoredRecord, i.json, `service record ${i.recordId}`),
  pointsState: StoredRecord.shape.pointsState.parse(i.pointsState),
  ...(i.pointsTransferId ? { pointsTransferId: i.pointsTransferId } : {}),
})
const fromCorrection = (i: { json: string; requestId: string }) =>
  parseStored(StoredCorrection, i.json, `correction ${i.requestId}`)

/** AP58 — a volunteer's records (我的服务; the day's minutes for the daily cap). */
export const volunteerRecords = table
  .build(AccessPattern)
  .entities(ServiceRecordEntity)
  .schema(string())
  .pattern((userId) => ({ partition: k.records(userId), range: { beginsWith: k.recordPrefix } }))
  .options({ maxPages: Infinity, consistent: true })
  .meta({ title: 'volunteerRecords' })

/** AP59 — a community's records of one month (the export, the feedback card). */
export const communityMonthRecords = table
  .build(AccessPattern)
  .entities(ServiceRecordEntity)
  .schema(string())
  .pattern((key) => ({ index: 'gsi2', partition: key }))
  .options({ maxPages: Infinity })
  .meta({ title: 'communityMonthRecords' })

/** AP60 / AP61 — correction requests of a volunteer, or of an activity, oldest first. */
export const correctionsBy = table
  .build(AccessPattern)
  .entities(CorrectionEntity)
  .schema(string())
  .pattern((key) => (key.startsWith('VCORRU#') ? { index: 'gsi1', partition: key } : { index: 'gsi2', partition: key }))
  .options({ maxPages: Infinity })
  .meta({ title: 'correctionsBy' })

export const dynamoRecordStore: RecordStore = {
  async forUser(userId) {
    const { Items = [] } = await volunteerRecords.query(userId).send()
    return Items.map(fromRecord)
  },
  async get(userId, recordId) {
    const { Item } = await ServiceRecordEntity.build(GetItemCommand)
      .key({ userId, recordId })
      .options({ consistent: true })
      .send()
    return Item && fromRecord(Item)
  },
  async create(r, counters, notices) {
    const { pointsTransferId: _t, ...body } = r
    try {
      await withConflictRetry(() =>
        executeTransactWrite(
          ServiceRecordEntity.build(PutTransaction)
            .item({
              userId: r.volunteer.userId,
              recordId: r.recordId,
              communityId: r.communityId,
              date: r.date,
              pointsState: r.pointsState,
              json: JSON.stringify(body),
            })
            .options({ condition: { attr: 'recordId', exists: false } }),
          ...counterWrites(counters),
          ...notices.flatMap(noticeWrites),
        ),
      )
      return done()
    } catch (error) {
      if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') return refused('exists')
      throw error
    }
  },
  async setPoints(r, state, transferId) {
    try {
      await ServiceRecordEntity.build(UpdateItemCommand)
        .item({
          userId: r.volunteer.userId,
          recordId: r.recordId,
          pointsState: state,
          ...(transferId ? { pointsTransferId: transferId } : {}),
        })
        // Once paid, never changed again.
        .options({ condition: { attr: 'pointsState', ne: 'credited' } })
        .send()
    } catch (error) {
      if (!conditionFailed(error)) throw error
    }
  },
  async forCommunityMonth(communityId, month) {
    const { Items = [] } = await communityMonthRecords.query(k.ofCommunityMonth(communityId, month)).send()
    return Items.map(fromRecord)
  },
  async createCorrection(c) {
    try {
      await CorrectionEntity.build(PutItemCommand)
        .item({
          requestId: c.requestId,
          userId: c.userId,
          activityId: c.activityId,
          at: c.at,
          status: c.status,
          json: JSON.stringify(c),
        })
        .options({ condition: { attr: 'requestId', exists: false } })
        .send()
      return done()
    } catch (error) {
      if (conditionFailed(error)) return refused('exists')
      throw error
    }
  },
  async getCorrection(requestId) {
    const { Item } = await CorrectionEntity.build(GetItemCommand)
      .key({ requestId })
      .options({ consistent: true })
      .send()
    return Item && fromCorrection(Item)
  },
  async answerCorrection(next) {
    try {
      await CorrectionEntity.build(PutItemCommand)
        .item({
          requestId: next.requestId,
          userId: next.userId,
          activityId: next.activityId,
          at: next.at,
          status: next.status,
          json: JSON.stringify(next),
        })
        .options({ condition: { attr: 'status', eq: 'pending' } })
        .send()
      return done()
    } catch (error) {
      if (conditionFailed(error)) return refused('notPending')
      throw error
    }
  },
  async correctionsForUser(userId) {
    const { Items = [] } = await correctionsBy.query(k.correctionsOf(userId)).send()
    return Items.map(fromCorrection)
  },
  async correctionsForActivity(activityId) {
    const { Items = [] } = await correctionsBy.query(k.correctionsFor(activityId)).send()
    return Items.map(fromCorrection)
  },
}
