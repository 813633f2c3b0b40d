import {
  $add,
  DeleteItemCommand,
  Entity,
  item,
  map,
  number,
  PutItemCommand,
  PutTransaction,
  string,
  TableAccessPattern as AccessPattern,
  UpdateItemCommand,
} from 'dynamodb-toolbox'
import type { DueItem, DueStore } from '../../domain/schedule/ports'
import { GridLinkTable as table } from '../table'
import { conditionFailed } from '../transactions'

/**
 * Work the scheduler must do from a time on, one partition per kind, ordered by time (AP15). A run claims an
 * item by setting its lease (conditional: no lease, or an expired one), runs the kind's job, and deletes it;
 * a failed job leaves the item with a later lease, so the next run after it tries again.
 */
export const dueKeys = {
  kind: (kind: string) => `DUE#${kind}`,
  item: (at: string, subjectId: string) => `${at}#${subjectId}`,
}

export const DueEntity = new Entity({
  name: 'Due',
  table,
  schema: item({
    kind: string().key(),
    at: string().key(),
    refId: string().key(),
    leaseUntil: string().optional(),
    attempts: number().default(0),
    lastError: string().optional(),
  }),
  computeKey: ({ kind, at, refId }) => ({ pk: dueKeys.kind(kind), sk: dueKeys.item(at, refId) }),
})

/** AP15 — scheduled work of a kind due by a time (the scheduler, once a minute). */
export const dueWork = table
  .build(AccessPattern)
  .entities(DueEntity)
  .schema(map({ kind: string(), until: string() }))
  .pattern(({ kind, until }) => ({ partition: dueKeys.kind(kind), range: { lte: `${until}#~` } }))
  .options({ maxPages: 1, consistent: true })
  .meta({ title: 'dueWork' })

/** Due work written in the same transaction as the change it follows from (a poll opened: its closing). */
export const dueWrite = (d: DueItem) =>
  DueEntity.build(PutTransaction).item({ kind: d.kind, at: d.at, refId: d.subjectId, attempts: 0 })

export const dynamoDueStore: DueStore = {
  async due(kind, until, limit) {
    const { Items = [] } = await dueWork.query({ kind, until }).options({ limit }).send()
    return Items.map((i) => ({
      kind,
      at: i.at,
      subjectId: i.refId,
      attempts: i.attempts,
      ...(i.leaseUntil ? { leaseUntil: i.leaseUntil } : {}),
    }))
  },
  async claim(d, now, leaseUntil) {
    try {
      const { Attributes } = await DueEntity.build(UpdateItemCommand)
        .item({ kind: d.kind, at: d.at, refId: d.subjectId, leaseUntil: leaseUntil.toISOString(), attempts: $add(1) })
        .options({
          condition: {
            and: [
              { attr: 'refId', exists: true },
              {
                or: [
                  { attr: 'leaseUntil', exists: false },
                  { attr: 'leaseUntil', lt: now.toISOString() },
                ],
              },
            ],
          },
          returnValues: 'ALL_NEW',
        })
        .send()
      return { ...d, leaseUntil: leaseUntil.toISOString(), attempts: Attributes?.attempts ?? 1 }
    } catch (error) {
      if (conditionFailed(error)) return undefined
      throw error
    }
  },
  async complete(d) {
    try {
      await DueEntity.build(DeleteItemCommand)
        .key({ kind: d.kind, at: d.at, refId: d.subjectId })
        .options({ condition: { attr: 'leaseUntil', eq: d.leaseUntil } })
        .send()
    } catch (error) {
      // Another run took the item over after this run's lease ran out; it is that run's now.
      if (!conditionFailed(error)) throw error
    }
  },
  async release(d, retryAt, error) {
    try {
      await DueEntity.build(UpdateItemCommand)
        .item({
          kind: d.kind,
          at: d.at,
          refId: d.subjectId,
          leaseUntil: retryAt.toISOString(),
          lastError: error.slice(0, 500),
        })
        .options({ condition: { attr: 'leaseUntil', eq: d.leaseUntil } })
        .send()
    } catch (e) {
      if (!conditionFailed(e)) throw e
    }
  },
  async add(d) {
    await DueEntity.build(PutItemCommand).item({ kind: d.kind, at: d.at, refId: d.subjectId, attempts: 0 }).send()
  },
}
