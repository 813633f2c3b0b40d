import { randomBytes } from 'node:crypto'
import {
  $add,
  BatchPutRequest,
  BatchWriteCommand,
  ConditionCheck,
  DeleteItemCommand,
  executeBatchWrite,
  executeTransactWrite,
  GetItemCommand,
  PutItemCommand,
  PutTransaction,
  UpdateItemCommand,
  UpdateTransaction,
} from 'dynamodb-toolbox'
import { ulid } from 'ulid'
import { stepOf } from '../../../contracts/deliberation'
import { DomainError } from '../domain/shared/errors'
import type { DeliberationStore } from '../domain/deliberation/ports'
import type { NotificationDelivery } from '../domain/notifications/ports'
import { notificationRef } from '../domain/notifications/ports'
import { SHARDS, shardOf, type MatterRecord, type PollRecord, type QueuedNotification, type TimelineEvent } from '../domain/deliberation/model'
import { ballotShard, communityMatters, dueWork, matterLog, openCommunityMatters, proposerMatters, ratingShard } from './accessPatterns'
import {
  BallotEntity,
  DeliberationSettingsEntity,
  DueEntity,
  HouseholdEntity,
  MatterEntity,
  MatterLogEntity,
  PollEntity,
  PollHouseholdEntity,
  PollTurnoutEntity,
  RatingEntity,
  SecondEntity,
} from './entities'
import { GridLinkTable } from './table'
import { conditionFailed } from './transactions'

type MatterItem = { matterId: string; secondsCount: number; version: number; bodyJson: string }

const fromItem = (item: MatterItem): MatterRecord => ({
  ...(JSON.parse(item.bodyJson) as MatterRecord),
  secondsCount: item.secondsCount,
  version: item.version,
})

/** The indexed attributes are columns; the rest of the matter is one JSON body. `secondsCount` lives only in its column (seconds add to it atomically). */
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

const logPut = (matterId: string, kind: 'EVT' | 'NTF' | 'CMT', at: string, value: unknown, sortKey = `${at}#${ulid()}`) =>
  MatterLogEntity.build(PutTransaction).item({ matterId, kind, sortKey, json: JSON.stringify(value) })

/** A queued notification: kept in the matter's log, and due for the sender (the scheduler) from its time on. */
const notificationPuts = (matterId: string, n: QueuedNotification) => {
  const sortKey = `${n.at}#${ulid()}`
  return [
    logPut(matterId, 'NTF', n.at, n, sortKey),
    DueEntity.build(PutTransaction).item({ kind: 'notify', at: n.at, refId: notificationRef(matterId, sortKey) }),
  ]
}

const cancellationCodes = (error: unknown): string[] | undefined =>
  (error as { name?: string }).name === 'TransactionCanceledException'
    ? ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map((r) => r.Code ?? 'None')
    : undefined

/** Transactions on the same item at the same moment may be cancelled with TransactionConflict: try again, briefly. */
const withConflictRetry = async <T>(run: () => Promise<T>): Promise<T> => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run()
    } catch (error) {
      const codes = cancellationCodes(error)
      const conflicted = codes?.includes('TransactionConflict') || (error as { name?: string }).name === 'TransactionConflictException'
      if (!conflicted || attempt >= 6) throw error
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 40 * (attempt + 1)))
    }
  }
}

/** A poll's electorate, 25 households a request; DynamoDB's unprocessed items are retried. */
const putElectorate = async (pollId: string, householdIds: string[]) => {
  for (let i = 0; i < householdIds.length; i += 25) {
    const requests = householdIds
      .slice(i, i + 25)
      .map((householdId) => PollHouseholdEntity.build(BatchPutRequest).item({ pollId, shard: shardOf(householdId), householdId, voted: false }))
    const { UnprocessedItems } = await executeBatchWrite({ maxAttempts: 8 }, GridLinkTable.build(BatchWriteCommand).requests(...requests))
    if (UnprocessedItems && Object.keys(UnprocessedItems).length) throw new Error('batch write left unprocessed items')
  }
}

export const dynamoDeliberationStore: DeliberationStore = {
  async getSettings(communityId) {
    const { Item } = await DeliberationSettingsEntity.build(GetItemCommand).key({ communityId }).send()
    return Item ? JSON.parse(Item.settingsJson) : undefined
  },
  async putSettings(communityId, settings) {
    await DeliberationSettingsEntity.build(PutItemCommand)
      .item({ communityId, settingsJson: JSON.stringify(settings) })
      .send()
  },

  async getMatter(matterId) {
    const { Item } = await MatterEntity.build(GetItemCommand).key({ matterId }).options({ consistent: true }).send()
    return Item && fromItem(Item)
  },
  async createMatter(matter, event, notifications) {
    await executeTransactWrite(
      MatterEntity.build(PutTransaction)
        .item(toItem(matter))
        .options({ condition: { attr: 'matterId', exists: false } }),
      logPut(matter.matterId, 'EVT', event.at, event),
      ...notifications.flatMap((n) => notificationPuts(matter.matterId, n)),
    )
  },
  async transition(expected, next, event, notifications, also) {
    const item = toItem(next)
    try {
      await executeTransactWrite(
        MatterEntity.build(UpdateTransaction)
          .item({
            matterId: next.matterId,
            step: item.step,
            status: item.status,
            updatedAt: item.updatedAt,
            version: next.version,
            bodyJson: item.bodyJson,
            gsi1sk: `${item.step}#${item.createdAt}#${item.matterId}`,
          })
          .options({
            condition: {
              and: [
                { attr: 'version', eq: expected.version },
                { attr: 'status', eq: expected.status },
              ],
            },
          }),
        logPut(next.matterId, 'EVT', event.at, event),
        ...notifications.flatMap((n) => notificationPuts(next.matterId, n)),
        ...(also?.addDue ?? []).map((d) => DueEntity.build(PutTransaction).item(d)),
      )
    } catch (error) {
      // Someone moved the matter first (or it is not where the caller saw it): nothing was written.
      if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') throw new DomainError('matter.wrongStep')
      throw error
    }
  },
  async timeline(matterId) {
    const { Items = [] } = await matterLog.query({ matterId, kind: 'EVT' }).send()
    return Items.map((i) => JSON.parse(i.json) as TimelineEvent)
  },
  async notifications(matterId) {
    const { Items = [] } = await matterLog.query({ matterId, kind: 'NTF' }).send()
    return Items.map((i) => ({
      ...(JSON.parse(i.json) as QueuedNotification),
      ...(i.delivery ? { delivery: JSON.parse(i.delivery) as NotificationDelivery } : {}),
    }))
  },
  async pageByCommunity(communityId, step, { limit, cursor }) {
    const partition = `MATTERS#${communityId}`
    let start: Record<string, string> | undefined
    if (cursor) {
      // The cursor is the index position of the last matter read; anything else, or a position in another
      // community's list, is refused rather than handed to DynamoDB.
      try {
        const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>
        const names = ['pk', 'sk', 'gsi1pk', 'gsi1sk']
        if (Object.keys(key).sort().join() !== names.sort().join() || !names.every((n) => typeof key[n] === 'string') || key.gsi1pk !== partition)
          throw new Error()
        if (step && !(key.gsi1sk as string).startsWith(`${step}#`)) throw new Error()
        start = key as Record<string, string>
      } catch {
        throw new DomainError('cursor.invalid')
      }
    }
    const { Items = [], LastEvaluatedKey } = await communityMatters
      .query({ communityId, step: step ?? '' })
      .options({ maxPages: 1, limit, reverse: true, ...(start ? { exclusiveStartKey: start } : {}) })
      .send()
    return {
      items: Items.map(fromItem),
      ...(LastEvaluatedKey ? { next: Buffer.from(JSON.stringify(LastEvaluatedKey)).toString('base64url') } : {}),
    }
  },
  async listByCommunity(communityId, step) {
    const { Items = [] } = await communityMatters.query({ communityId, step: step ?? '' }).send()
    return Items.map(fromItem)
  },
  async listOpenByCommunity(communityId) {
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
      if (codes?.[0] === 'ConditionalCheckFailed') throw new DomainError('second.already')
      if (codes?.[1] === 'ConditionalCheckFailed') throw new DomainError('matter.wrongStep')
      throw error
    }
    const { Item } = await MatterEntity.build(GetItemCommand)
      .key({ matterId })
      .options({ consistent: true, attributes: ['secondsCount'] })
      .send()
    return Item?.secondsCount ?? 0
  },
  async hasSeconded(matterId, userId) {
    const { Item } = await SecondEntity.build(GetItemCommand).key({ matterId, userId }).send()
    return Item !== undefined
  },

  async addComment(matterId, comment) {
    await MatterLogEntity.build(PutItemCommand)
      .item({ matterId, kind: 'CMT', sortKey: `${comment.at}#${comment.commentId}`, json: JSON.stringify(comment) })
      .send()
  },
  async comments(matterId) {
    const { Items = [] } = await matterLog.query({ matterId, kind: 'CMT' }).send()
    return Items.map((i) => JSON.parse(i.json))
  },

  async getPoll(pollId) {
    const { Item } = await PollEntity.build(GetItemCommand).key({ pollId }).options({ consistent: true }).send()
    return Item && (JSON.parse(Item.json) as PollRecord)
  },
  async createPoll(poll, householdIds) {
    // The electorate first, then the poll that points at it: a poll is never open without its electorate.
    await putElectorate(poll.pollId, householdIds)
    await PollEntity.build(PutItemCommand)
      .item({ pollId: poll.pollId, matterId: poll.matterId, state: poll.state, json: JSON.stringify(poll) })
      .send()
  },
  async setPollState(poll, from, next) {
    const updated: PollRecord = { ...poll, ...next }
    try {
      await PollEntity.build(PutItemCommand)
        .item({ pollId: poll.pollId, matterId: poll.matterId, state: updated.state, json: JSON.stringify(updated) })
        .options({ condition: { attr: 'state', eq: from } })
        .send()
      return true
    } catch (error) {
      if (conditionFailed(error)) return false
      throw error
    }
  },
  async castVote(poll, householdId, userId, option, at) {
    const shard = shardOf(householdId)
    try {
      await withConflictRetry(() =>
        executeTransactWrite(
          HouseholdEntity.build(ConditionCheck).key({ householdId }).condition({ attr: 'representativeUserId', eq: userId }),
          PollHouseholdEntity.build(UpdateTransaction)
            .item({ pollId: poll.pollId, shard, householdId, voted: true, votedAt: at, ...(poll.secret ? {} : { option }) })
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
      // Turnout, for display: outside the transaction, so votes of one shard never conflict on its counter
      // (a plain ADD queues instead). Should the function die right here, turnout shows one vote fewer; the
      // tally at close counts ballots, not this.
      await PollTurnoutEntity.build(UpdateItemCommand)
        .item({ pollId: poll.pollId, shard, count: $add(1) })
        .send()
      return 'ok'
    } catch (error) {
      const codes = cancellationCodes(error)
      if (!codes) throw error
      if (codes[0] === 'ConditionalCheckFailed') return 'notRepresentative'
      if (codes[1] === 'ConditionalCheckFailed') return (await this.householdVoted(poll.pollId, householdId)) === undefined ? 'notEligible' : 'already'
      throw error
    }
  },
  async turnout(pollId) {
    const shards = await Promise.all(Array.from({ length: SHARDS }, (_, shard) => PollTurnoutEntity.build(GetItemCommand).key({ pollId, shard }).send()))
    return shards.reduce((sum, { Item }) => sum + (Item?.count ?? 0), 0)
  },
  async householdVoted(pollId, householdId) {
    const { Item } = await PollHouseholdEntity.build(GetItemCommand)
      .key({ pollId, shard: shardOf(householdId), householdId })
      .options({ consistent: true })
      .send()
    return Item?.voted
  },
  async tally(poll) {
    const counts = poll.options.map(() => 0)
    const shards = await Promise.all(Array.from({ length: SHARDS }, (_, s) => ballotShard.query({ pollId: poll.pollId, shard: String(s) }).send()))
    for (const { Items = [] } of shards) for (const b of Items) counts[b.option] = (counts[b.option] ?? 0) + 1
    return counts
  },

  async rate(matterId, round, householdId, userId, rating, at) {
    try {
      await withConflictRetry(() =>
        executeTransactWrite(
          HouseholdEntity.build(ConditionCheck).key({ householdId }).condition({ attr: 'representativeUserId', eq: userId }),
          RatingEntity.build(PutTransaction)
            .item({ matterId, round, shard: shardOf(householdId), householdId, rating, at })
            .options({ condition: { attr: 'householdId', exists: false } }),
        ),
      )
      return 'ok'
    } catch (error) {
      const codes = cancellationCodes(error)
      if (codes?.[0] === 'ConditionalCheckFailed') return 'notRepresentative'
      if (codes?.[1] === 'ConditionalCheckFailed') return 'already'
      throw error
    }
  },
  async householdRated(matterId, round, householdId) {
    const { Item } = await RatingEntity.build(GetItemCommand)
      .key({ matterId, round, shard: shardOf(householdId), householdId })
      .send()
    return Item !== undefined
  },
  async ratingCounts(matterId, round) {
    const counts = { satisfied: 0, basic: 0, unsatisfied: 0 }
    const shards = await Promise.all(Array.from({ length: SHARDS }, (_, s) => ratingShard.query({ matterId, round: String(round), shard: String(s) }).send()))
    for (const { Items = [] } of shards) for (const r of Items) counts[r.rating as keyof typeof counts] += 1
    return counts
  },

  async due(kind, until) {
    const { Items = [] } = await dueWork.query({ kind, until }).send()
    return Items.map((i) => ({ at: i.at, refId: i.refId }))
  },
  async addDue(kind, at, refId) {
    await DueEntity.build(PutItemCommand).item({ kind, at, refId }).send()
  },
  async clearDue(kind, at, refId) {
    await DueEntity.build(DeleteItemCommand).key({ kind, at, refId }).send()
  },
}
