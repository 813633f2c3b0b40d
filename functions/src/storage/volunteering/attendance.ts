import {
  Entity,
  GetItemCommand,
  item,
  map,
  PutItemCommand,
  string,
  TableAccessPattern as AccessPattern,
  UpdateItemCommand,
} from 'dynamodb-toolbox'
import { ulid } from 'ulid'
import { z } from 'zod'
import type { AttendanceRecord, PresenceMark, SignedUpBy } from '../../domain/volunteering/model'
import type { AttendanceStore } from '../../domain/volunteering/ports'
import { done, refused } from '../../domain/shared/outcome'
import { GridLinkTable as table } from '../table'
import { conditionFailed, parseStored } from '../transactions'
import { activityKeys, StoredMark } from './activities'

/*
 * Attendance lives in the activity's partition: one item per volunteer (`ATT#<userId>`) whose check-in and
 * check-out are each written once (`attribute_not_exists`), so a second scan changes nothing (and who signed them
 * up on their behalf, 代报名, written once too); and one item per
 * refused scan (`REF#<at>#<ulid>`), so the organiser sees who keeps trying (AP56, AP57).
 */
export const attendanceKeys = {
  attendance: (userId: string) => `ATT#${userId}`,
  attendancePrefix: 'ATT#',
  refusal: (at: string) => `REF#${at}#${ulid()}`,
  refusalPrefix: 'REF#',
}
const k = attendanceKeys

export const AttendanceEntity = new Entity({
  name: 'ActivityAttendance',
  table,
  schema: item({
    activityId: string().key(),
    userId: string().key(),
    signedUpBy: string().optional(),
    checkIn: string().optional(),
    checkOut: string().optional(),
  }),
  computeKey: ({ activityId, userId }) => ({ pk: activityKeys.activity(activityId), sk: k.attendance(userId) }),
})

export const RefusalEntity = new Entity({
  name: 'ActivityRefusal',
  table,
  schema: item({
    activityId: string().key(),
    sortKey: string().key(),
    userId: string(),
    name: string(),
    reason: string(),
    at: string(),
  }),
  computeKey: ({ activityId, sortKey }) => ({ pk: activityKeys.activity(activityId), sk: sortKey }),
})

/** AP56 — an activity's attendance (one item per volunteer who checked in). */
export const activityAttendance = table
  .build(AccessPattern)
  .entities(AttendanceEntity)
  .schema(string())
  .pattern((activityId) => ({
    partition: activityKeys.activity(activityId),
    range: { beginsWith: k.attendancePrefix },
  }))
  .options({ maxPages: Infinity, consistent: true })
  .meta({ title: 'activityAttendance' })

/** AP57 — an activity's refused scans, oldest first. */
export const activityRefusals = table
  .build(AccessPattern)
  .entities(RefusalEntity)
  .schema(map({ activityId: string() }))
  .pattern(({ activityId }) => ({
    partition: activityKeys.activity(activityId),
    range: { beginsWith: k.refusalPrefix },
  }))
  .options({ maxPages: Infinity })
  .meta({ title: 'activityRefusals' })

const StoredSignedUpBy = z.object({
  at: z.string(),
  byUserId: z.string(),
  byName: z.string(),
  requestId: z.string(),
  guest: z.object({ name: z.string(), phone: z.string() }).optional(),
}) satisfies z.ZodType<SignedUpBy, z.ZodTypeDef, unknown>

const fromItem = (i: {
  activityId: string
  userId: string
  signedUpBy?: string
  checkIn?: string
  checkOut?: string
}): AttendanceRecord => ({
  activityId: i.activityId,
  userId: i.userId,
  ...(i.signedUpBy ? { signedUpBy: parseStored(StoredSignedUpBy, i.signedUpBy, `sign-up of ${i.userId}`) } : {}),
  ...(i.checkIn ? { checkIn: parseStored(StoredMark, i.checkIn, `check-in of ${i.userId}`) } : {}),
  ...(i.checkOut ? { checkOut: parseStored(StoredMark, i.checkOut, `check-out of ${i.userId}`) } : {}),
})

const mark = (m: PresenceMark) => JSON.stringify(m)

export const dynamoAttendanceStore: AttendanceStore = {
  async list(activityId) {
    const { Items = [] } = await activityAttendance.query(activityId).send()
    return Items.map(fromItem)
  },
  async get(activityId, userId) {
    const { Item } = await AttendanceEntity.build(GetItemCommand)
      .key({ activityId, userId })
      .options({ consistent: true })
      .send()
    return Item && fromItem(Item)
  },
  async checkIn(activityId, userId, m) {
    try {
      await AttendanceEntity.build(UpdateItemCommand)
        .item({ activityId, userId, checkIn: mark(m) })
        .options({ condition: { attr: 'checkIn', exists: false } })
        .send()
      return done()
    } catch (error) {
      if (conditionFailed(error)) return refused('already')
      throw error
    }
  },
  async checkOut(activityId, userId, m) {
    try {
      await AttendanceEntity.build(UpdateItemCommand)
        .item({ activityId, userId, checkOut: mark(m) })
        .options({
          condition: {
            and: [
              { attr: 'checkIn', exists: true },
              { attr: 'checkOut', exists: false },
            ],
          },
        })
        .send()
      return done()
    } catch (error) {
      if (!conditionFailed(error)) throw error
      return refused((await dynamoAttendanceStore.get(activityId, userId))?.checkIn ? 'already' : 'notIn')
    }
  },
  async signedUpBy(activityId, userId, by) {
    try {
      await AttendanceEntity.build(UpdateItemCommand)
        .item({ activityId, userId, signedUpBy: JSON.stringify(by) })
        .options({ condition: { attr: 'signedUpBy', exists: false } })
        .send()
    } catch (error) {
      if (!conditionFailed(error)) throw error
    }
  },
  async refuse(r) {
    await RefusalEntity.build(PutItemCommand)
      .item({
        activityId: r.activityId,
        sortKey: k.refusal(r.at),
        userId: r.userId,
        name: r.name,
        reason: r.reason,
        at: r.at,
      })
      .send()
  },
  async refusals(activityId) {
    const { Items = [] } = await activityRefusals.query({ activityId }).send()
    return Items.map((i) => ({ activityId: i.activityId, userId: i.userId, name: i.name, reason: i.reason, at: i.at }))
  },
}
