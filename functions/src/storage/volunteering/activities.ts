import {
  $add,
  $append,
  $set,
  Entity,
  executeTransactWrite,
  GetItemCommand,
  item,
  list,
  map,
  number,
  PutItemCommand,
  PutTransaction,
  string,
  TableAccessPattern as AccessPattern,
  UpdateItemCommand,
  UpdateTransaction,
} from 'dynamodb-toolbox'
import { z } from 'zod'
import { categories, CreditRule } from '../../../../contracts/volunteering'
import type { ActivityRecord, Phase, PlanRecord } from '../../domain/volunteering/model'
import type { ActivityStore } from '../../domain/volunteering/ports'
import { done, refused } from '../../domain/shared/outcome'
import { batchGet } from '../batch'
import { noticeWrites } from '../notifications/notices'
import { dueWrite } from '../schedule/due'
import { GridLinkTable as table } from '../table'
import { cancellationCodes, conditionFailed, parseStored } from '../transactions'
import { counterWrites } from './stats'

/*
 * An activity (`VACT#<activityId>` / `META`) holds its two sign-up lists, placed and waiting, in order: a sign-up is
 * one UpdateItem appending the volunteer under a condition on the item itself (a place left and nobody waiting, or
 * else the waiting list), so DynamoDB settles every race on the one item, with no transaction to conflict. The
 * activity is indexed by community (gsi1, AP53) and organiser (gsi2, AP54) by start time; each sign-up leaves a
 * pointer in the volunteer's partition (`VSIGN#<userId>`, AP55). The confirmed plan is `VACT#<id>` / `PLAN`.
 */
export const activityKeys = {
  activity: (activityId: string) => `VACT#${activityId}`,
  meta: 'META',
  plan: 'PLAN',
  ofCommunity: (communityId: string) => `VACTS#${communityId}`,
  ofOrganiser: (userId: string) => `VORG#${userId}`,
  byStart: (startAt: string, activityId: string) => `${startAt}#${activityId}`,
  signedBy: (userId: string) => `VSIGN#${userId}`,
}
const k = activityKeys

const schema = item({
  activityId: string().key(),
  communityId: string(),
  organiserId: string(),
  startAt: string(),
  signUpDeadline: string(),
  phase: string(),
  capacity: number(),
  placedIds: list(string()),
  waitingIds: list(string()),
  rev: number(),
  version: number(),
  bodyJson: string(),
})
export const ActivityEntity = new Entity({
  name: 'Activity',
  table,
  schema: schema.and((_s) => ({
    gsi1pk: string().link<typeof _s>(({ communityId }) => k.ofCommunity(communityId)),
    gsi1sk: string().link<typeof _s>(({ startAt, activityId }) => k.byStart(startAt, activityId)),
    gsi2pk: string().link<typeof _s>(({ organiserId }) => k.ofOrganiser(organiserId)),
    gsi2sk: string().link<typeof _s>(({ startAt, activityId }) => k.byStart(startAt, activityId)),
  })),
  computeKey: ({ activityId }) => ({ pk: k.activity(activityId), sk: k.meta }),
})

export const SignPointerEntity = new Entity({
  name: 'ActivitySignPointer',
  table,
  schema: item({ userId: string().key(), startAt: string().key(), activityId: string().key(), at: string() }),
  computeKey: ({ userId, startAt, activityId }) => ({ pk: k.signedBy(userId), sk: k.byStart(startAt, activityId) }),
})

export const PlanEntity = new Entity({
  name: 'ActivityPlan',
  table,
  schema: item({ activityId: string().key(), json: string() }),
  computeKey: ({ activityId }) => ({ pk: k.activity(activityId), sk: k.plan }),
})

const Mark = z.object({
  at: z.string(),
  by: z.enum(['self', 'proxy', 'system']),
  byUserId: z.string().optional(),
  byName: z.string().optional(),
  location: z
    .object({ latitude: z.number(), longitude: z.number(), accuracy: z.number(), distance: z.number() })
    .optional(),
  missed: z.boolean().optional(),
})
export const StoredMark = Mark
const Body = z.object({
  communityName: z.string(),
  streetId: z.string(),
  title: z.string(),
  description: z.string(),
  category: z.enum(categories),
  place: z.object({ name: z.string(), latitude: z.number(), longitude: z.number(), radiusM: z.number() }),
  endAt: z.string(),
  pointsPerHour: z.number(),
  audience: z.enum(['members', 'all']),
  organiser: z.object({ userId: z.string(), name: z.string() }),
  unit: z.object({ unitId: z.string(), name: z.string() }).optional(),
  rule: CreditRule,
  createdAt: z.string(),
  confirmedAt: z.string().optional(),
  confirmedBy: z.string().optional(),
  cancelled: z.object({ at: z.string(), byUserId: z.string(), byName: z.string(), reason: z.string() }).optional(),
})
const StoredPlan = z.object({
  activityId: z.string(),
  confirmedAt: z.string(),
  confirmedBy: z.object({ userId: z.string(), name: z.string() }),
  entries: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      minutes: z.number(),
      points: z.number(),
      note: z.string(),
      checkIn: Mark.optional(),
      checkOut: Mark.optional(),
      excluded: z.string().optional(),
      guest: z.boolean().optional(),
      signedUpByName: z.string().optional(),
    }),
  ),
}) satisfies z.ZodType<PlanRecord, z.ZodTypeDef, unknown>

type Item = {
  activityId: string
  communityId: string
  startAt: string
  signUpDeadline: string
  phase: string
  capacity: number
  placedIds: string[]
  waitingIds: string[]
  rev: number
  version: number
  bodyJson: string
}
const fromItem = (i: Item): ActivityRecord => ({
  ...parseStored(Body, i.bodyJson, `activity ${i.activityId}`),
  activityId: i.activityId,
  communityId: i.communityId,
  startAt: i.startAt,
  signUpDeadline: i.signUpDeadline,
  phase: z.enum(['open', 'ongoing', 'ended', 'confirmed', 'cancelled']).parse(i.phase),
  capacity: i.capacity,
  placedIds: i.placedIds,
  waitingIds: i.waitingIds,
  rev: i.rev,
  version: i.version,
})
const toItem = (a: ActivityRecord) => {
  const {
    activityId,
    communityId,
    startAt,
    signUpDeadline,
    phase,
    capacity,
    placedIds,
    waitingIds,
    rev,
    version,
    ...body
  } = a
  return {
    activityId,
    communityId,
    organiserId: a.organiser.userId,
    startAt,
    signUpDeadline,
    phase,
    capacity,
    placedIds,
    waitingIds,
    rev,
    version,
    bodyJson: JSON.stringify(body),
  }
}

/** AP53 — a community's activities by start: from a time on (upcoming), or before it, newest first (past). */
export const communityActivities = table
  .build(AccessPattern)
  .entities(ActivityEntity)
  .schema(map({ communityId: string(), when: string(), from: string() }))
  .pattern(({ communityId, when, from }) => ({
    index: 'gsi1',
    partition: k.ofCommunity(communityId),
    range: when === 'upcoming' ? { gte: from } : { lt: from },
  }))
  .meta({ title: 'communityActivities' })

/** AP55 — the activities a volunteer signed up for, newest first. */
export const volunteerSignUps = table
  .build(AccessPattern)
  .entities(SignPointerEntity)
  .schema(string())
  .pattern((userId) => ({ partition: k.signedBy(userId) }))
  .options({ reverse: true })
  .meta({ title: 'volunteerSignUps' })

const refusal = (error: unknown): 'moved' | undefined => {
  const codes = cancellationCodes(error)
  if (codes?.[0] === 'ConditionalCheckFailed' || codes?.includes('TransactionConflict')) return 'moved'
  if ((error as { name?: string }).name === 'TransactionConflictException') return 'moved'
  return undefined
}

export const dynamoActivityStore: ActivityStore = {
  async get(activityId) {
    const { Item } = await ActivityEntity.build(GetItemCommand).key({ activityId }).options({ consistent: true }).send()
    return Item && fromItem(Item)
  },
  async getMany(activityIds) {
    return (
      await batchGet(
        ActivityEntity,
        activityIds.map((activityId) => ({ activityId })),
      )
    ).flatMap((i) => (i ? [fromItem(i)] : []))
  },
  async create(a, due) {
    try {
      await executeTransactWrite(
        ActivityEntity.build(PutTransaction)
          .item(toItem(a))
          .options({ condition: { attr: 'activityId', exists: false } }),
        ...due.map(dueWrite),
      )
      return done()
    } catch (error) {
      if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') return refused('exists')
      throw error
    }
  },
  async listForCommunity(communityId, when, from, limit) {
    const { Items = [] } = await communityActivities
      .query({ communityId, when, from })
      .options({ limit, ...(when === 'past' ? { reverse: true } : {}) })
      .send()
    return Items.map(fromItem)
  },
  async listForVolunteer(userId, limit) {
    const { Items = [] } = await volunteerSignUps.query(userId).options({ limit }).send()
    return Items.map((i) => i.activityId)
  },
  async join(a, userId, now, maxWaiting) {
    await SignPointerEntity.build(PutItemCommand)
      .item({ userId, startAt: a.startAt, activityId: a.activityId, at: now })
      .send()
    const open = [
      { attr: 'phase', eq: 'open' },
      { attr: 'signUpDeadline', gt: now },
      { not: { attr: 'placedIds', contains: userId } },
      { not: { attr: 'waitingIds', contains: userId } },
    ] as const
    const append = async (list: 'placedIds' | 'waitingIds', condition: object) => {
      try {
        await ActivityEntity.build(UpdateItemCommand)
          .item({ activityId: a.activityId, [list]: $append([userId]), rev: $add(1) } as { activityId: string })
          .options({ condition: condition as never })
          .send()
        return true
      } catch (error) {
        if (conditionFailed(error)) return false
        throw error
      }
    }
    for (let attempt = 0; attempt < 20; attempt++) {
      // A place: one is free and nobody waits for it (a newcomer never jumps the queue).
      if (
        await append('placedIds', {
          and: [...open, { size: 'placedIds', lt: { attr: 'capacity' } }, { size: 'waitingIds', eq: 0 }],
        })
      )
        return done('placed')
      if (
        await append('waitingIds', {
          and: [
            ...open,
            {
              or: [
                { size: 'placedIds', gte: { attr: 'capacity' } },
                { size: 'waitingIds', gt: 0 },
              ],
            },
            { size: 'waitingIds', lt: maxWaiting },
          ],
        })
      )
        return done('waiting')
      const now2 = await dynamoActivityStore.get(a.activityId)
      if (!now2) return refused('closed')
      if (now2.placedIds.includes(userId) || now2.waitingIds.includes(userId)) return done('already')
      if (now2.phase !== 'open' || now2.signUpDeadline <= now) return refused('closed')
      if (
        (now2.placedIds.length >= now2.capacity || now2.waitingIds.length > 0) &&
        now2.waitingIds.length >= maxWaiting
      )
        return refused('waitlistFull')
      // A place was freed (or taken) between the two conditions: look again.
    }
    throw new Error(`volunteering: could not place ${userId} on ${a.activityId}`)
  },
  async rewrite(a, next, notices) {
    try {
      await executeTransactWrite(
        ActivityEntity.build(UpdateTransaction)
          .item({
            activityId: a.activityId,
            placedIds: $set(next.placedIds),
            waitingIds: $set(next.waitingIds),
            capacity: next.capacity,
            rev: $add(1),
          })
          .options({
            condition: {
              and: [
                { attr: 'rev', eq: a.rev },
                { attr: 'phase', eq: 'open' },
              ],
            },
          }),
        ...notices.flatMap(noticeWrites),
      )
      return done()
    } catch (error) {
      if (refusal(error)) return refused('moved')
      throw error
    }
  },
  async setPhase(a, from, to, extra) {
    const body = JSON.parse(
      toItem({
        ...a,
        ...(extra.confirmedAt ? { confirmedAt: extra.confirmedAt } : {}),
        ...(extra.confirmedBy ? { confirmedBy: extra.confirmedBy } : {}),
        ...(extra.cancelled ? { cancelled: extra.cancelled } : {}),
      }).bodyJson,
    ) as unknown
    const update = ActivityEntity.build(UpdateTransaction)
      .item({ activityId: a.activityId, phase: to, version: $add(1), bodyJson: JSON.stringify(body) })
      .options({
        condition: extra.sameLists
          ? {
              and: [
                { attr: 'phase', in: from as Phase[] },
                { attr: 'rev', eq: a.rev },
              ],
            }
          : { attr: 'phase', in: from as Phase[] },
      })
    try {
      await executeTransactWrite(
        update,
        ...(extra.plan
          ? [
              PlanEntity.build(PutTransaction)
                .item({ activityId: a.activityId, json: JSON.stringify(extra.plan) })
                .options({ condition: { attr: 'activityId', exists: false } }),
            ]
          : []),
        ...counterWrites(extra.counters ?? []),
        ...(extra.notices ?? []).flatMap(noticeWrites),
        ...(extra.due ?? []).map(dueWrite),
      )
      return done()
    } catch (error) {
      if (refusal(error)) return refused('moved')
      throw error
    }
  },
  async plan(activityId) {
    const { Item } = await PlanEntity.build(GetItemCommand).key({ activityId }).options({ consistent: true }).send()
    return Item && parseStored(StoredPlan, Item.json, `plan of ${activityId}`)
  },
}
