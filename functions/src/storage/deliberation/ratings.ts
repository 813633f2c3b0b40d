import {
  ConditionCheck,
  Entity,
  executeTransactWrite,
  item,
  map,
  number,
  PutTransaction,
  string,
  TableAccessPattern as AccessPattern,
} from 'dynamodb-toolbox'
import { shardOf, SHARDS } from '../../domain/deliberation/model'
import { rateKey, type RatingStore } from '../../domain/deliberation/ports'
import { done, refused } from '../../domain/shared/outcome'
import { batchGet } from '../batch'
import { HouseholdEntity, placeKeys } from '../structure/places'
import { GridLinkTable as table } from '../table'
import { cancellationCodes, withConflictRetry } from '../transactions'

/** A household's rating (评议) of one round of a resolution, spread over shards like the ballots (AP14). */
export const ratingKeys = {
  shard: (matterId: string, round: number | string, shard: number | string) => `RATE#${matterId}#${round}#${shard}`,
  household: placeKeys.household,
}

export const RatingEntity = new Entity({
  name: 'Rating',
  table,
  schema: item({
    matterId: string().key(),
    round: number().key(),
    shard: number().key(),
    householdId: string().key(),
    rating: string(),
    at: string(),
  }),
  computeKey: ({ matterId, round, shard, householdId }) => ({
    pk: ratingKeys.shard(matterId, round, shard),
    sk: ratingKeys.household(householdId),
  }),
})

/** AP14 — one shard of a resolution round's ratings. */
export const ratingShard = table
  .build(AccessPattern)
  .entities(RatingEntity)
  .schema(map({ matterId: string(), round: string(), shard: string() }))
  .pattern(({ matterId, round, shard }) => ({ partition: ratingKeys.shard(matterId, round, shard) }))
  .options({ maxPages: Infinity, consistent: true })
  .meta({ title: 'ratingShard' })

export const dynamoRatingStore: RatingStore = {
  async rate(matterId, round, householdId, userId, rating, at) {
    try {
      await withConflictRetry(() =>
        executeTransactWrite(
          HouseholdEntity.build(ConditionCheck)
            .key({ householdId })
            .condition({ attr: 'representativeUserId', eq: userId }),
          RatingEntity.build(PutTransaction)
            .item({ matterId, round, shard: shardOf(householdId), householdId, rating, at })
            .options({ condition: { attr: 'householdId', exists: false } }),
        ),
      )
      return done()
    } catch (error) {
      const codes = cancellationCodes(error)
      if (codes?.[0] === 'ConditionalCheckFailed') return refused('notRepresentative')
      if (codes?.[1] === 'ConditionalCheckFailed') return refused('already')
      throw error
    }
  },
  async ratedHouseholds(keys) {
    const items = await batchGet(
      RatingEntity,
      keys.map(({ matterId, round, householdId }) => ({ matterId, round, shard: shardOf(householdId), householdId })),
    )
    return new Set(items.flatMap((i) => (i ? [rateKey(i.matterId, i.round, i.householdId)] : [])))
  },
  async counts(matterId, round) {
    const counts = { satisfied: 0, basic: 0, unsatisfied: 0 }
    const shards = await Promise.all(
      Array.from({ length: SHARDS }, (_, s) =>
        ratingShard.query({ matterId, round: String(round), shard: String(s) }).send(),
      ),
    )
    for (const { Items = [] } of shards) for (const r of Items) counts[r.rating as keyof typeof counts] += 1
    return counts
  },
}
