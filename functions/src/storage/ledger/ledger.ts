import {
  Entity,
  executeTransactWrite,
  GetItemCommand,
  item,
  map,
  number,
  PutTransaction,
  string,
  TableAccessPattern as AccessPattern,
  UpdateTransaction,
} from 'dynamodb-toolbox'
import { z } from 'zod'
import { transferKinds, type Entry, type Head, type Plan, type Transfer } from '../../domain/ledger/model'
import type { LedgerStore } from '../../domain/ledger/ports'
import { done, refused } from '../../domain/shared/outcome'
import { batchGet } from '../batch'
import { pageCursor, readPageCursor } from '../cursor'
import { GridLinkTable as table } from '../table'
import { cancellationCodes, parseStored } from '../transactions'

/*
 * The points ledger. Each account of a community is a partition: its head (balance, sequence, last hash) and its
 * entries by sequence (AP20: a passbook page; AP21: the whole chain). Heads are also indexed by community (AP22).
 * Each transfer is an item of its own under its idempotency key, indexed by community and month (AP23: 积分台账).
 * A transfer writes its item, each touched head (on the condition that the head is still at the sequence it
 * was read at) and each entry, in one transaction: two transfers on the same account cannot both win, and the
 * pool and shop are spread over shards so a hundred transfers at once rarely meet on one head.
 */
export const ledgerKeys = {
  account: (communityId: string, account: string) => `LEDGER#${communityId}#${account}`,
  head: 'HEAD',
  entry: (seq: number) => `E#${String(seq).padStart(10, '0')}`,
  entryPrefix: 'E#',
  heads: (communityId: string) => `LEDGERHEADS#${communityId}`,
  transfer: (communityId: string, transferId: string) => `LEDGERTX#${communityId}#${transferId}`,
  transfersOfMonth: (communityId: string, month: string) => `LEDGERTXS#${communityId}#${month}`,
  transferInMonth: (at: string, transferId: string) => `${at}#${transferId}`,
  transfersOfKind: (communityId: string, kind: string) => `LEDGERTXK#${communityId}#${kind}`,
}
const k = ledgerKeys

const headSchema = item({
  communityId: string().key(),
  account: string().key(),
  balance: number(),
  seq: number(),
  lastHash: string(),
})
export const LedgerHeadEntity = new Entity({
  name: 'LedgerHead',
  table,
  schema: headSchema.and((_s) => ({
    gsi1pk: string().link<typeof _s>(({ communityId }) => k.heads(communityId)),
    gsi1sk: string().link<typeof _s>(({ account }) => account),
  })),
  computeKey: ({ communityId, account }) => ({ pk: k.account(communityId, account), sk: k.head }),
})

/** An entry: the figures that the chain hashes are columns (so a change in the table shows), the rest one JSON body. */
export const LedgerEntryEntity = new Entity({
  name: 'LedgerEntry',
  table,
  schema: item({
    communityId: string().key(),
    account: string().key(),
    seq: number().key(),
    transferId: string(),
    kind: string(),
    delta: number(),
    balanceAfter: number(),
    at: string(),
    prevHash: string(),
    hash: string(),
    bodyJson: string(),
  }),
  computeKey: ({ communityId, account, seq }) => ({ pk: k.account(communityId, account), sk: k.entry(seq) }),
})

const transferSchema = item({
  communityId: string().key(),
  transferId: string().key(),
  at: string(),
  kind: string(),
  json: string(),
})
export const LedgerTransferEntity = new Entity({
  name: 'LedgerTransfer',
  table,
  schema: transferSchema.and((_s) => ({
    gsi1pk: string().link<typeof _s>(({ communityId, at }) => k.transfersOfMonth(communityId, at.slice(0, 7))),
    gsi1sk: string().link<typeof _s>(({ at, transferId }) => k.transferInMonth(at, transferId)),
    gsi2pk: string().link<typeof _s>(({ communityId, kind }) => k.transfersOfKind(communityId, kind)),
    gsi2sk: string().link<typeof _s>(({ at, transferId }) => k.transferInMonth(at, transferId)),
  })),
  computeKey: ({ communityId, transferId }) => ({ pk: k.transfer(communityId, transferId), sk: 'META' }),
})

/** AP20 / AP21 — an account's entries by sequence (a page of the passbook newest first; the whole chain in order). */
export const accountEntries = table
  .build(AccessPattern)
  .entities(LedgerEntryEntity)
  .schema(map({ communityId: string(), account: string() }))
  .pattern(({ communityId, account }) => ({
    partition: k.account(communityId, account),
    range: { beginsWith: k.entryPrefix },
  }))
  .options({ maxPages: Infinity, consistent: true })
  .meta({ title: 'accountEntries' })

/** AP22 — every account head of a community (reconciliation). */
export const communityHeads = table
  .build(AccessPattern)
  .entities(LedgerHeadEntity)
  .schema(string())
  .pattern((communityId) => ({ index: 'gsi1', partition: k.heads(communityId) }))
  .options({ maxPages: Infinity })
  .meta({ title: 'communityHeads' })

/** AP23 — a community's transfers of one month, newest first (积分台账). */
export const monthTransfers = table
  .build(AccessPattern)
  .entities(LedgerTransferEntity)
  .schema(map({ communityId: string(), month: string() }))
  .pattern(({ communityId, month }) => ({ index: 'gsi1', partition: k.transfersOfMonth(communityId, month) }))
  .options({ reverse: true })
  .meta({ title: 'monthTransfers' })

/** AP34 — a community's transfers of one kind (top-ups for the budget page, awards…), of one month or all, newest first. */
export const kindTransfers = table
  .build(AccessPattern)
  .entities(LedgerTransferEntity)
  .schema(map({ communityId: string(), kind: string(), month: string().optional() }))
  .pattern(({ communityId, kind, month }) => ({
    index: 'gsi2',
    partition: k.transfersOfKind(communityId, kind),
    ...(month ? { range: { beginsWith: month } } : {}),
  }))
  .options({ reverse: true })
  .meta({ title: 'kindTransfers' })

const Source = z.object({ kind: z.string(), id: z.string(), label: z.string() })
const By = z.object({ userId: z.string(), displayName: z.string() })
const StoredTransfer = z.object({
  communityId: z.string(),
  transferId: z.string(),
  kind: z.enum(transferKinds),
  legs: z.array(z.object({ account: z.string(), delta: z.number() })),
  reason: z.string(),
  source: Source,
  by: By,
  at: z.string(),
  reverses: z.string().optional(),
  entries: z.array(z.object({ account: z.string(), seq: z.number() })),
}) satisfies z.ZodType<Transfer, z.ZodTypeDef, unknown>
const EntryBody = z.object({ counterparties: z.array(z.string()), reason: z.string(), source: Source, by: By })

type EntryItem = {
  communityId: string
  account: string
  seq: number
  transferId: string
  kind: string
  delta: number
  balanceAfter: number
  at: string
  prevHash: string
  hash: string
  bodyJson: string
}
const toEntry = (i: EntryItem): Entry => ({
  communityId: i.communityId,
  account: i.account,
  seq: i.seq,
  transferId: i.transferId,
  kind: z.enum(transferKinds).parse(i.kind),
  delta: i.delta,
  balanceAfter: i.balanceAfter,
  at: i.at,
  prevHash: i.prevHash,
  hash: i.hash,
  ...parseStored(EntryBody, i.bodyJson, `ledger entry ${i.account}#${i.seq}`),
})

/** The items a transfer writes, for a store that writes them with items of its own (a redemption, a stock count). */
export const transferWrites = (plan: Plan) => {
  const { communityId, transferId, at, kind } = plan.transfer
  return [
    LedgerTransferEntity.build(PutTransaction)
      .item({ communityId, transferId, at, kind, json: JSON.stringify(plan.transfer) })
      .options({ condition: { attr: 'transferId', exists: false } }),
    ...plan.heads.map(({ next, expectedSeq }) =>
      expectedSeq === 0
        ? LedgerHeadEntity.build(PutTransaction)
            .item({ communityId, ...next })
            .options({ condition: { attr: 'seq', exists: false } })
        : LedgerHeadEntity.build(UpdateTransaction)
            .item({ communityId, ...next })
            .options({ condition: { attr: 'seq', eq: expectedSeq } }),
    ),
    ...plan.entries.map((e) =>
      LedgerEntryEntity.build(PutTransaction)
        .item({
          communityId,
          account: e.account,
          seq: e.seq,
          transferId: e.transferId,
          kind: e.kind,
          delta: e.delta,
          balanceAfter: e.balanceAfter,
          at: e.at,
          prevHash: e.prevHash,
          hash: e.hash,
          bodyJson: JSON.stringify({ counterparties: e.counterparties, reason: e.reason, source: e.source, by: e.by }),
        })
        .options({ condition: { attr: 'seq', exists: false } }),
    ),
  ]
}

/**
 * How a cancelled transaction that began with `transferWrites(plan)` failed: `exists` when the transfer's key was
 * taken (a repeat), `moved` when a head or entry moved under it or DynamoDB saw a conflict (plan again), or
 * undefined when neither (the caller's own items refused, or not a cancellation).
 */
export const transferRefusal = (error: unknown, plan: Plan): 'exists' | 'moved' | undefined => {
  const codes = cancellationCodes(error)
  if (!codes) return (error as { name?: string }).name === 'TransactionConflictException' ? 'moved' : undefined
  if (codes[0] === 'ConditionalCheckFailed') return 'exists'
  const ledgerItems = 1 + plan.heads.length + plan.entries.length
  if (codes.slice(1, ledgerItems).some((c) => c === 'ConditionalCheckFailed') || codes.includes('TransactionConflict'))
    return 'moved'
  return undefined
}

export const dynamoLedgerStore: LedgerStore = {
  async heads(communityId, accounts) {
    const items = await batchGet(
      LedgerHeadEntity,
      accounts.map((account) => ({ communityId, account })),
    )
    return new Map(
      items.flatMap((i): [string, Head][] =>
        i ? [[i.account, { account: i.account, balance: i.balance, seq: i.seq, lastHash: i.lastHash }]] : [],
      ),
    )
  },
  async commit(plan) {
    try {
      await executeTransactWrite(...transferWrites(plan))
      return done()
    } catch (error) {
      const why = transferRefusal(error, plan)
      if (why) return refused(why)
      throw error
    }
  },
  async getTransfer(communityId, transferId) {
    const { Item } = await LedgerTransferEntity.build(GetItemCommand)
      .key({ communityId, transferId })
      .options({ consistent: true })
      .send()
    return Item && parseStored(StoredTransfer, Item.json, `ledger transfer ${transferId}`)
  },
  async entries(communityId, account, { limit, before }) {
    const { Items = [] } = await accountEntries
      .query({ communityId, account })
      .options({
        reverse: true,
        maxPages: 1,
        limit: limit + 1,
        ...(before !== undefined
          ? { exclusiveStartKey: { pk: k.account(communityId, account), sk: k.entry(before) } }
          : {}),
      })
      .send()
    const items = Items.slice(0, limit).map(toEntry)
    return { items, ...(Items.length > limit ? { next: items[items.length - 1]!.seq } : {}) }
  },
  async allEntries(communityId, account) {
    const { Items = [] } = await accountEntries.query({ communityId, account }).send()
    return Items.map(toEntry)
  },
  async allHeads(communityId) {
    const { Items = [] } = await communityHeads.query(communityId).send()
    return Items.map((i) => ({ account: i.account, balance: i.balance, seq: i.seq, lastHash: i.lastHash }))
  },
  async transfers(communityId, month, { limit, cursor }, kind) {
    const start =
      cursor === undefined
        ? undefined
        : kind
          ? readPageCursor(
              cursor,
              ['pk', 'sk', 'gsi2pk', 'gsi2sk'],
              (key) => key.gsi2pk === k.transfersOfKind(communityId, kind) && (!month || key.gsi2sk!.startsWith(month)),
            )
          : readPageCursor(
              cursor,
              ['pk', 'sk', 'gsi1pk', 'gsi1sk'],
              (key) => key.gsi1pk === k.transfersOfMonth(communityId, month),
            )
    if (cursor !== undefined && !start) return refused('badCursor')
    // Newest first: options given here replace the pattern's own.
    const options = { reverse: true, maxPages: 1, limit, ...(start ? { exclusiveStartKey: start } : {}) }
    const { Items = [], LastEvaluatedKey } = kind
      ? await kindTransfers
          .query({ communityId, kind, ...(month ? { month } : {}) })
          .options(options)
          .send()
      : await monthTransfers.query({ communityId, month }).options(options).send()
    return done({
      items: Items.map((i) => parseStored(StoredTransfer, i.json, `ledger transfer ${i.transferId}`)),
      ...pageCursor(LastEvaluatedKey),
    })
  },
}
