import { randomBytes } from 'node:crypto'
import {
  $add,
  BatchPutRequest,
  BatchWriteCommand,
  boolean,
  ConditionCheck,
  Entity,
  executeBatchWrite,
  executeTransactWrite,
  GetItemCommand,
  item,
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
import { PollRule } from '../../../../contracts/deliberation'
import { SHARDS, shardOf, type PollRecord } from '../../domain/deliberation/model'
import { voteKey, type PollStore } from '../../domain/deliberation/ports'
import { done, refused } from '../../domain/shared/outcome'
import { batchGet } from '../batch'
import { HouseholdEntity, placeKeys } from '../structure/places'
import { GridLinkTable as table } from '../table'
import { cancellationCodes, conditionFailed, parseStored, withConflictRetry } from '../transactions'

/*
 * A poll (表决), its frozen electorate and its ballots. How a poll of many thousand households avoids a hot
 * item: one "voted" marker per household and the anonymous ballots are both spread over 16 shards; turnout is
 * 16 per-shard counters summed on read; the tally counts ballots at close (AP13). docs/access-patterns.md.
 */

/** Every key of a poll, written once. */
export const pollKeys = {
  meta: 'META',
  poll: (pollId: string) => `POLL#${pollId}`,
  electorateShard: (pollId: string, shard: number) => `POLLHH#${pollId}#${shard}`,
  household: placeKeys.household,
  turnout: 'TURNOUT',
  ballotShard: (pollId: string, shard: number | string) => `BALLOT#${pollId}#${shard}`,
}
const k = pollKeys

export const PollEntity = new Entity({
  name: 'Poll',
  table,
  schema: item({ pollId: string().key(), matterId: string(), state: string(), json: string() }),
  computeKey: ({ pollId }) => ({ pk: k.poll(pollId), sk: k.meta }),
})

/** A household of a poll's frozen electorate, and whether it has voted (never how, in a secret poll). */
export const PollHouseholdEntity = new Entity({
  name: 'PollHousehold',
  table,
  schema: item({
    pollId: string().key(),
    shard: number().key(),
    householdId: string().key(),
    voted: boolean(),
    votedAt: string().optional(),
    option: number().optional(),
  }),
  computeKey: ({ pollId, shard, householdId }) => ({
    pk: k.electorateShard(pollId, shard),
    sk: k.household(householdId),
  }),
})

/** How many households of one electorate shard have voted, for turnout while the poll is open. */
export const PollTurnoutEntity = new Entity({
  name: 'PollTurnout',
  table,
  schema: item({ pollId: string().key(), shard: number().key(), count: number() }),
  computeKey: ({ pollId, shard }) => ({ pk: k.electorateShard(pollId, shard), sk: k.turnout }),
})

/** A ballot: the option only. Random key, no household, no time: in a secret poll nothing links it to a household. */
export const BallotEntity = new Entity({
  name: 'Ballot',
  table,
  schema: item({ pollId: string().key(), shard: number().key(), ballotId: string().key(), option: number() }),
  computeKey: ({ pollId, shard, ballotId }) => ({ pk: k.ballotShard(pollId, shard), sk: ballotId }),
})

/** AP13 — one shard of a poll's ballots (the tally reads all shards, strongly consistent). */
export const ballotShard = table
  .build(AccessPattern)
  .entities(BallotEntity)
  .schema(map({ pollId: string(), shard: string() }))
  .pattern(({ pollId, shard }) => ({ partition: k.ballotShard(pollId, shard) }))
  .options({ maxPages: Infinity, consistent: true })
  .meta({ title: 'ballotShard' })

const Result = z.object({
  counts: z.array(z.number()),
  ballots: z.number(),
  turnout: z.number(),
  passShareReached: z.number(),
  passed: z.boolean(),
})
/** The JSON body of a poll, checked on every read. */
const PollBody = z.object({
  pollId: z.string(),
  matterId: z.string(),
  communityId: z.string(),
  options: z.array(z.string()),
  opensAt: z.string(),
  closesAt: z.string(),
  secret: z.boolean(),
  rule: PollRule,
  electorate: z.number(),
  state: z.enum(['scheduled', 'open', 'closing', 'closed']),
  openedBy: z.string(),
  result: Result.optional(),
}) satisfies z.ZodType<PollRecord, z.ZodTypeDef, unknown>

/** A poll's electorate, 25 households a request; DynamoDB's unprocessed items are retried. */
const putElectorate = async (pollId: string, householdIds: string[]) => {
  for (let i = 0; i < householdIds.length; i += 25) {
    const requests = householdIds
      .slice(i, i + 25)
      .map((householdId) =>
        PollHouseholdEntity.build(BatchPutRequest).item({
          pollId,
          shard: shardOf(householdId),
          householdId,
          voted: false,
        }),
      )
    const { UnprocessedItems } = await executeBatchWrite(
      { maxAttempts: 8 },
      table.build(BatchWriteCommand).requests(...requests),
    )
    if (UnprocessedItems && Object.keys(UnprocessedItems).length) throw new Error('batch write left unprocessed items')
  }
}

const putPoll = (poll: PollRecord) =>
  PollEntity.build(PutItemCommand).item({
    pollId: poll.pollId,
    matterId: poll.matterId,
    state: poll.state,
    json: JSON.stringify(poll),
  })

export const dynamoPollStore: PollStore = {
  async get(pollId) {
    const { Item } = await PollEntity.build(GetItemCommand).key({ pollId }).options({ consistent: true }).send()
    return Item && parseStored(PollBody, Item.json, `poll ${pollId}`)
  },
  async create(poll, householdIds) {
    // The electorate first, then the poll that points at it: a poll is never open without its electorate.
    await putElectorate(poll.pollId, householdIds)
    await putPoll(poll).send()
  },
  async setState(poll, from, next) {
    try {
      await putPoll({ ...poll, ...next })
        .options({ condition: { attr: 'state', eq: from } })
        .send()
      return done()
    } catch (error) {
      if (conditionFailed(error)) return refused('moved')
      throw error
    }
  },
  async castVote(poll, householdId, userId, option, at) {
    const shard = shardOf(householdId)
    try {
      await withConflictRetry(() =>
        executeTransactWrite(
          HouseholdEntity.build(ConditionCheck)
            .key({ householdId })
            .condition({ attr: 'representativeUserId', eq: userId }),
          PollHouseholdEntity.build(UpdateTransaction)
            .item({
              pollId: poll.pollId,
              shard,
              householdId,
              voted: true,
              votedAt: at,
              ...(poll.secret ? {} : { option }),
            })
            .options({
              condition: {
                and: [
                  { attr: 'householdId', exists: true },
                  { attr: 'voted', eq: false },
                ],
              },
            }),
          BallotEntity.build(PutTransaction).item({
            pollId: poll.pollId,
            shard: randomBytes(1)[0]! % SHARDS,
            ballotId: randomBytes(12).toString('base64url'),
            option,
          }),
        ),
      )
    } catch (error) {
      const codes = cancellationCodes(error)
      if (!codes) throw error
      if (codes[0] === 'ConditionalCheckFailed') return refused('notRepresentative')
      if (codes[1] === 'ConditionalCheckFailed') {
        const marker = (await this.householdVotes([{ pollId: poll.pollId, householdId }])).get(
          voteKey(poll.pollId, householdId),
        )
        return refused(marker ? 'already' : 'notEligible')
      }
      throw error
    }
    // Turnout, for display: outside the transaction, so votes of one shard never conflict on its counter (a plain
    // ADD queues instead). Should the function die right here, turnout shows one vote fewer; the tally counts ballots.
    await PollTurnoutEntity.build(UpdateItemCommand)
      .item({ pollId: poll.pollId, shard, count: $add(1) })
      .send()
    return done()
  },
  async householdVotes(keys) {
    const items = await batchGet(
      PollHouseholdEntity,
      keys.map(({ pollId, householdId }) => ({ pollId, shard: shardOf(householdId), householdId })),
      { consistent: true },
    )
    const out = new Map<string, { voted: boolean; option?: number }>()
    for (const i of items)
      if (i)
        out.set(voteKey(i.pollId, i.householdId), {
          voted: i.voted,
          ...(i.option !== undefined ? { option: i.option } : {}),
        })
    return out
  },
  async turnout(pollId) {
    const items = await batchGet(
      PollTurnoutEntity,
      Array.from({ length: SHARDS }, (_, shard) => ({ pollId, shard })),
    )
    return items.reduce((sum, i) => sum + (i?.count ?? 0), 0)
  },
  async tally(poll) {
    const counts = poll.options.map(() => 0)
    const shards = await Promise.all(
      Array.from({ length: SHARDS }, (_, s) => ballotShard.query({ pollId: poll.pollId, shard: String(s) }).send()),
    )
    for (const { Items = [] } of shards) for (const b of Items) counts[b.option] = (counts[b.option] ?? 0) + 1
    return counts
  },
}
