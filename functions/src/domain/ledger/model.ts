import { createHash } from 'node:crypto'
import { done, refused, type Outcome } from '../shared/outcome'

/*
 * The points ledger (积分银行的账本), shared by every capability that credits points (service hours, fulfilled
 * wishes, the community's own rewards) and by the shop that spends them. Double entry: every movement is one
 * transfer whose legs sum to zero, so a community's accounts always sum to zero and "who funded these points"
 * has an answer. Entries are never changed or deleted; a mistake is corrected by a reversing transfer.
 *
 * A community's accounts:
 * - `issuer`: where the community's points come from; it alone may go below zero (minus what was ever issued);
 * - `pool:<n>`: the issuance pool (the budget the admin sets and tops up), spread over SHARDS accounts whose sum
 *   is the pool's balance, so a hundred credits at once do not all write one item;
 * - `shop:<n>`: what redemptions paid, spread the same way;
 * - `expiry`: points that expired, where the community chooses expiry;
 * - `user:<userId>`: each resident's account in this community.
 * Each account has a head (balance, sequence, hash of its last entry) and a chain of entries, each carrying the
 * hash of the account's previous entry, so an entry changed in the table breaks its chain.
 */
export const POOL_SHARDS = 32

export type AccountRef =
  | { kind: 'issuer' }
  | { kind: 'expiry' }
  | { kind: 'pool'; shard: number }
  | { kind: 'shop'; shard: number }
  | { kind: 'resident'; userId: string }

export const accountId = (a: AccountRef): string =>
  a.kind === 'resident'
    ? `user:${a.userId}`
    : a.kind === 'pool' || a.kind === 'shop'
      ? `${a.kind}:${String(a.shard).padStart(2, '0')}`
      : a.kind

export const residentAccount = (userId: string) => accountId({ kind: 'resident', userId })
export const poolAccounts = () => Array.from({ length: POOL_SHARDS }, (_, shard) => accountId({ kind: 'pool', shard }))
export const shopAccounts = () => Array.from({ length: POOL_SHARDS }, (_, shard) => accountId({ kind: 'shop', shard }))

/** Which account an id names (the inverse of accountId); undefined for an id no account has. */
export const parseAccount = (account: string): AccountRef | undefined => {
  if (account === 'issuer' || account === 'expiry') return { kind: account }
  const [kind, rest] = [account.slice(0, account.indexOf(':')), account.slice(account.indexOf(':') + 1)]
  if (kind === 'user' && rest) return { kind: 'resident', userId: rest }
  if ((kind === 'pool' || kind === 'shop') && /^\d+$/.test(rest)) return { kind, shard: Number(rest) }
  return undefined
}

/** The community's own accounts as people read them (a resident's account is named by the resident). */
export const systemAccountLabels: Record<'issuer' | 'pool' | 'shop' | 'expiry', string> = {
  issuer: '积分发行',
  pool: '积分池（预算）',
  shop: '积分超市',
  expiry: '过期积分',
}

/** Only the issuer may go below zero: every other account pays only what it holds. */
export const mayGoNegative = (account: string) => account === 'issuer'

export const transferKinds = ['topUp', 'earn', 'redeem', 'refund', 'expire', 'reverse'] as const
export type TransferKind = (typeof transferKinds)[number]

/** Where a transfer comes from, for the passbook ("楼道清理", "微心愿「助行器」", "志愿活动「…」 2.5小时"). */
export interface Source {
  kind: string
  id: string
  label: string
}

export interface Head {
  account: string
  balance: number
  seq: number
  lastHash: string
}

export interface Leg {
  account: string
  /** Points into the account (negative: out of it). Whole points only. */
  delta: number
}

export interface TransferInput {
  communityId: string
  /** The idempotency key: the same key is one transfer however often it is asked for (`wish:<id>`, `redeem:<ulid>`…). */
  transferId: string
  kind: TransferKind
  legs: Leg[]
  reason: string
  source: Source
  by: { userId: string; displayName: string }
  at: string
  /** For a reversing transfer: the one it undoes. */
  reverses?: string
}

export interface Entry {
  communityId: string
  account: string
  seq: number
  transferId: string
  kind: TransferKind
  delta: number
  balanceAfter: number
  /** The other accounts of the transfer. */
  counterparties: string[]
  reason: string
  source: Source
  by: { userId: string; displayName: string }
  at: string
  prevHash: string
  hash: string
}

export interface Transfer extends TransferInput {
  /** The entry each leg wrote: the account and its sequence number there. */
  entries: { account: string; seq: number }[]
}

/** The first hash of every chain. */
export const GENESIS = '0'.repeat(64)

/** The hash of an entry: over every field that states it and the previous entry's hash, in a fixed order. */
export const entryHash = (e: Omit<Entry, 'hash'>): string =>
  createHash('sha256')
    .update(
      JSON.stringify([
        e.communityId,
        e.account,
        e.seq,
        e.transferId,
        e.kind,
        e.delta,
        e.balanceAfter,
        e.counterparties,
        e.reason,
        e.source.kind,
        e.source.id,
        e.source.label,
        e.by.userId,
        e.at,
        e.prevHash,
      ]),
    )
    .digest('hex')

export interface Plan {
  transfer: Transfer
  entries: Entry[]
  /** Each touched account's head after the transfer, and the sequence it must still be at (0: no head yet). */
  heads: { next: Head; expectedSeq: number }[]
}

export const isWholePositive = (n: number) => Number.isSafeInteger(n) && n > 0

/**
 * Plans a transfer against the accounts' current heads: one entry per leg, chained to the account's last entry.
 * Refused `unbalanced` when the legs do not sum to zero or are not whole points, `insufficient` (with the account)
 * when an account other than the issuer would go below zero.
 */
export const planTransfer = (
  input: TransferInput,
  heads: Map<string, Head>,
): Outcome<'unbalanced' | 'insufficient', Plan> => {
  const legs = new Map<string, number>()
  for (const l of input.legs) legs.set(l.account, (legs.get(l.account) ?? 0) + l.delta)
  const deltas = [...legs.values()]
  if (
    deltas.some((d) => !Number.isSafeInteger(d) || d === 0) ||
    deltas.reduce((s, d) => s + d, 0) !== 0 ||
    legs.size < 2
  )
    return refused('unbalanced')
  const entries: Entry[] = []
  const next: Plan['heads'] = []
  for (const [account, delta] of legs) {
    const head = heads.get(account) ?? { account, balance: 0, seq: 0, lastHash: GENESIS }
    const balanceAfter = head.balance + delta
    if (balanceAfter < 0 && !mayGoNegative(account)) return refused('insufficient')
    const unhashed = {
      communityId: input.communityId,
      account,
      seq: head.seq + 1,
      transferId: input.transferId,
      kind: input.kind,
      delta,
      balanceAfter,
      counterparties: [...legs.keys()].filter((a) => a !== account),
      reason: input.reason,
      source: input.source,
      by: input.by,
      at: input.at,
      prevHash: head.lastHash,
    }
    const entry = { ...unhashed, hash: entryHash(unhashed) }
    entries.push(entry)
    next.push({ next: { account, balance: balanceAfter, seq: entry.seq, lastHash: entry.hash }, expectedSeq: head.seq })
  }
  return done({
    transfer: {
      ...input,
      legs: [...legs].map(([account, delta]) => ({ account, delta })),
      entries: entries.map((e) => ({ account: e.account, seq: e.seq })),
    },
    entries,
    heads: next,
  })
}

/**
 * Re-checks one account's chain from its first entry: each entry's hash, its link to the one before, its
 * sequence and its running balance. Returns the first broken link, or undefined when the chain holds.
 */
export const verifyChain = (entries: Entry[]): { seq: number; problem: string } | undefined => {
  let prev = GENESIS
  let balance = 0
  for (const [i, e] of [...entries].sort((a, b) => a.seq - b.seq).entries()) {
    if (e.seq !== i + 1) return { seq: e.seq, problem: `序号不连续（应为 ${i + 1}）` }
    if (e.prevHash !== prev) return { seq: e.seq, problem: '与上一笔记录的哈希不符' }
    const { hash, ...rest } = e
    if (entryHash(rest) !== hash) return { seq: e.seq, problem: '记录内容与其哈希不符（记录被改动）' }
    balance += e.delta
    if (e.balanceAfter !== balance) return { seq: e.seq, problem: `余额应为 ${balance}，记录为 ${e.balanceAfter}` }
    prev = hash
  }
  return undefined
}

/** An account's balance as its entries give it, against its head: any difference is a discrepancy to report. */
export const reconcileAccount = (head: Head | undefined, entries: Entry[]) => {
  const fromEntries = entries.reduce((s, e) => s + e.delta, 0)
  const lastSeq = entries.reduce((m, e) => Math.max(m, e.seq), 0)
  const problems: string[] = []
  if ((head?.balance ?? 0) !== fromEntries)
    problems.push(`余额缓存 ${head?.balance ?? 0}，按记录合计应为 ${fromEntries}`)
  if ((head?.seq ?? 0) !== lastSeq) problems.push(`记录数 ${lastSeq}，账户头记为 ${head?.seq ?? 0}`)
  const last = entries.find((e) => e.seq === lastSeq)
  if (last && head && head.lastHash !== last.hash) problems.push('账户头的哈希与最后一笔记录不符')
  return { balance: fromEntries, problems }
}
