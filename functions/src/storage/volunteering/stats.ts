import {
  $add,
  Entity,
  executeTransactWrite,
  item,
  number,
  PutTransaction,
  string,
  UpdateTransaction,
} from 'dynamodb-toolbox'
import { counterKey, zero } from '../../domain/volunteering/counters'
import type { CounterAdd, Counters } from '../../domain/volunteering/model'
import type { StatStore } from '../../domain/volunteering/ports'
import { batchGet } from '../batch'
import { GridLinkTable as table } from '../table'
import { cancellationCodes, withConflictRetry } from '../transactions'

/*
 * Roll-up counters, kept as records are written: one item per scope and period (`VSTAT#<scope>` / `<period>`), each
 * a handful of numbers bumped by ADD in the transaction of the record they count. A distinct count ("members
 * serving this quarter") takes a marker item (`VMARK#<marker>`) written once, with its increments, in one transaction.
 */
export const statKeys = {
  scope: (scope: string) => `VSTAT#${scope}`,
  marker: (marker: string) => `VMARK#${marker}`,
  markerSk: 'MARK',
}

const counted = [
  'minutes',
  'services',
  'activities',
  'points',
  'servingMembers',
  'servingVolunteers',
  'members',
  'volunteers',
] as const

export const StatEntity = new Entity({
  name: 'VolunteerStat',
  table,
  schema: item({
    scope: string().key(),
    period: string().key(),
    minutes: number().optional(),
    services: number().optional(),
    activities: number().optional(),
    points: number().optional(),
    servingMembers: number().optional(),
    servingVolunteers: number().optional(),
    members: number().optional(),
    volunteers: number().optional(),
  }),
  computeKey: ({ scope, period }) => ({ pk: statKeys.scope(scope), sk: period }),
})

export const MarkerEntity = new Entity({
  name: 'VolunteerMarker',
  table,
  schema: item({ marker: string().key(), at: string() }),
  computeKey: ({ marker }) => ({ pk: statKeys.marker(marker), sk: statKeys.markerSk }),
})

/** The counters' increments as transaction items, one per scope and period (increments to the same counter merged). */
export const counterWrites = (adds: CounterAdd[]) => {
  const merged = new Map<string, CounterAdd>()
  for (const a of adds) {
    const key = counterKey(a.scope, a.period)
    const prev = merged.get(key)
    const add: Partial<Counters> = { ...(prev?.add ?? {}) }
    for (const [k, v] of Object.entries(a.add) as [keyof Counters, number][]) add[k] = (add[k] ?? 0) + v
    merged.set(key, { scope: a.scope, period: a.period, add })
  }
  return [...merged.values()].map((a) =>
    StatEntity.build(UpdateTransaction).item({
      scope: a.scope,
      period: a.period,
      ...(Object.fromEntries(Object.entries(a.add).map(([k, v]) => [k, $add(v)])) as Partial<
        Record<keyof Counters, ReturnType<typeof $add<number>>>
      >),
    }),
  )
}

export const dynamoStatStore: StatStore = {
  async read(keys) {
    const items = await batchGet(
      StatEntity,
      keys.map((k) => ({ scope: k.scope, period: k.period })),
    )
    const out = new Map<string, Counters>()
    keys.forEach((k, i) => {
      const got = items[i] as Partial<Counters> | undefined
      if (got)
        out.set(counterKey(k.scope, k.period), {
          ...zero(),
          ...Object.fromEntries(counted.map((c) => [c, Number(got[c] ?? 0)])),
        })
    })
    return out
  },
  async once(marker, counters) {
    try {
      await withConflictRetry(() =>
        executeTransactWrite(
          MarkerEntity.build(PutTransaction)
            .item({ marker, at: new Date().toISOString() })
            .options({ condition: { attr: 'marker', exists: false } }),
          ...counterWrites(counters),
        ),
      )
      return true
    } catch (error) {
      if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') return false
      throw error
    }
  },
}
