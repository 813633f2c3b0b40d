import { done, refused, type Outcome } from '../shared/outcome'
import {
  accountId,
  isWholePositive,
  planTransfer,
  poolAccounts,
  POOL_SHARDS,
  residentAccount,
  type Head,
  type Plan,
  type Source,
  type Transfer,
  type TransferInput,
} from './model'
import type { LedgerDeps } from './ports'

const ATTEMPTS = 40
const pause = (attempt: number) =>
  new Promise((r) => setTimeout(r, 5 + Math.random() * Math.min(200, 10 * (attempt + 1))))

export interface Moved {
  transfer: Transfer
  /** The same key was asked for before: this is the first transfer, nothing was written now. */
  repeated: boolean
}

/**
 * Runs one transfer: reads the heads it needs, plans it, writes it; when an account moved under it (another
 * transfer wrote first) it reads and plans again, so concurrent transfers all go through instead of failing on
 * contention. A key used before returns the first transfer. `commit` lets a capability write the transfer
 * together with its own items (a redemption takes the stock in the same transaction); its own refusals pass through.
 */
export const runTransfer = async <R extends string>(
  deps: LedgerDeps,
  communityId: string,
  transferId: string,
  build: () => Promise<Outcome<R, { input: TransferInput; heads: Map<string, Head> }>>,
  commit: (plan: Plan) => Promise<Outcome<'exists' | 'moved' | R>> = (plan) => deps.ledger.commit(plan),
): Promise<Outcome<R | 'insufficient' | 'unbalanced', Moved>> => {
  const earlier = await deps.ledger.getTransfer(communityId, transferId)
  if (earlier) return done({ transfer: earlier, repeated: true })
  // A refusal after a lost race may be the first request's doing (the same key, written meanwhile): then it is a repeat.
  const refuse = async <X extends string>(outcome: { ok: false; refused: X }) => {
    const first = await deps.ledger.getTransfer(communityId, transferId)
    return first ? done({ transfer: first, repeated: true }) : outcome
  }
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const built = await build()
    if (!built.ok) return refuse(built)
    const plan = planTransfer(built.value.input, built.value.heads)
    if (!plan.ok) return refuse(plan)
    const written = await commit(plan.value)
    if (written.ok) return done({ transfer: plan.value.transfer, repeated: false })
    if (written.refused === 'exists') {
      const first = await deps.ledger.getTransfer(communityId, transferId)
      if (first) return done({ transfer: first, repeated: true })
    } else if (written.refused !== 'moved') return refuse({ ok: false, refused: written.refused as R })
    await pause(attempt)
  }
  throw new Error(`ledger: transfer ${transferId} could not be written after ${ATTEMPTS} attempts`)
}

const shuffled = <T>(xs: T[]) => {
  const a = [...xs]
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[a[i], a[j]] = [a[j]!, a[i]!]
  }
  return a
}

/**
 * The pool shards to pay `amount` from: one shard picked at random when it holds enough (one read), else as
 * many as it takes, fullest first. Refused `budgetSpent` when the whole pool holds less than `amount`.
 */
const payFromPool = async (deps: LedgerDeps, communityId: string, amount: number, alsoRead: string[]) => {
  const first = poolAccounts()[Math.floor(Math.random() * POOL_SHARDS)]!
  const heads = await deps.ledger.heads(communityId, [first, ...alsoRead])
  if ((heads.get(first)?.balance ?? 0) >= amount) return done({ legs: [{ account: first, delta: -amount }], heads })
  const all = await deps.ledger.heads(communityId, [...poolAccounts(), ...alsoRead])
  const shards = shuffled(poolAccounts()).map((a) => ({ account: a, balance: all.get(a)?.balance ?? 0 }))
  if (shards.reduce((s, x) => s + x.balance, 0) < amount) return refused('budgetSpent')
  const legs: { account: string; delta: number }[] = []
  let left = amount
  for (const s of shards.sort((a, b) => b.balance - a.balance)) {
    if (left === 0) break
    const take = Math.min(left, s.balance)
    if (take > 0) legs.push({ account: s.account, delta: -take })
    left -= take
  }
  return done({ legs, heads: all })
}

export interface CreditRequest {
  communityId: string
  userId: string
  /** Whole points, more than zero. */
  amount: number
  /** One credit per key, ever: `service:<activityId>:<userId>`, `wish:<wishId>`, `award:<ulid>`. */
  key: string
  reason: string
  source: Source
  by: { userId: string; displayName: string }
  at: string
}

/**
 * The one way points are earned: paid from the community's issuance pool into the resident's account. Service
 * hours, fulfilled wishes and the community's own rewards all come through here with their idempotency key, so
 * the same hours or wish is never credited twice. Refused `budgetSpent` when the pool cannot pay it (nothing is
 * written), `badAmount` for anything but a whole positive number of points.
 */
export const credit = async <R extends string = never>(
  deps: LedgerDeps,
  r: CreditRequest,
  /** Writes the planned credit, with items of the caller's own when given (an award's cap counter); see runTransfer. */
  commit?: (plan: Plan) => Promise<Outcome<'exists' | 'moved' | R>>,
): Promise<Outcome<R | 'budgetSpent' | 'badAmount' | 'insufficient' | 'unbalanced', Moved>> => {
  if (!isWholePositive(r.amount)) return refused('badAmount')
  return runTransfer<R | 'budgetSpent'>(
    deps,
    r.communityId,
    r.key,
    creditBuild(deps, r),
    commit ?? ((plan) => deps.ledger.commit(plan)),
  )
}

/** Plans a credit against the current heads: paid from the pool (shards picked as payFromPool says) into the resident's account. */
export const creditBuild = (deps: LedgerDeps, r: CreditRequest) => async () => {
  const to = residentAccount(r.userId)
  const paid = await payFromPool(deps, r.communityId, r.amount, [to])
  if (!paid.ok) return paid
  return done({
    heads: paid.value.heads,
    input: {
      communityId: r.communityId,
      transferId: r.key,
      kind: 'earn' as const,
      legs: [...paid.value.legs, { account: to, delta: r.amount }],
      reason: r.reason,
      source: r.source,
      by: r.by,
      at: r.at,
    },
  })
}

/** Puts points into the issuance pool, spread evenly over its shards: the budget the community admin sets and tops up. */
export const topUp = async (
  deps: LedgerDeps,
  r: {
    communityId: string
    amount: number
    key: string
    reason: string
    by: { userId: string; displayName: string }
    at: string
  },
) => {
  if (!isWholePositive(r.amount)) return refused('badAmount')
  const shards = poolAccounts()
  const legs = shards
    .map((account, i) => ({
      account,
      delta: Math.floor(r.amount / shards.length) + (i < r.amount % shards.length ? 1 : 0),
    }))
    .filter((l) => l.delta > 0)
  const issuer = accountId({ kind: 'issuer' })
  return runTransfer(deps, r.communityId, r.key, async () =>
    done({
      heads: await deps.ledger.heads(r.communityId, [issuer, ...legs.map((l) => l.account)]),
      input: {
        communityId: r.communityId,
        transferId: r.key,
        kind: 'topUp',
        legs: [{ account: issuer, delta: -r.amount }, ...legs],
        reason: r.reason,
        source: { kind: 'budget', id: r.key, label: '积分预算' },
        by: r.by,
        at: r.at,
      },
    }),
  )
}

/**
 * Undoes a transfer with its mirror image (never by changing it): a reason and who made it are on the new
 * transfer, which names the one it reverses. Refused `notFound`, `alreadyReversed` (one reversal per transfer,
 * by its key), `insufficient` when an account has since spent what would go back.
 */
export const reverse = async (
  deps: LedgerDeps,
  r: {
    communityId: string
    transferId: string
    reason: string
    by: { userId: string; displayName: string }
    at: string
  },
) => {
  const original = await deps.ledger.getTransfer(r.communityId, r.transferId)
  if (!original) return refused('notFound')
  if (original.kind === 'reverse') return refused('notReversible')
  const key = `reverse:${r.transferId}`
  return runTransfer(deps, r.communityId, key, async () =>
    done({
      heads: await deps.ledger.heads(
        r.communityId,
        original.legs.map((l) => l.account),
      ),
      input: {
        communityId: r.communityId,
        transferId: key,
        kind: 'reverse',
        legs: original.legs.map((l) => ({ account: l.account, delta: -l.delta })),
        reason: r.reason,
        source: { kind: 'reversal', id: original.transferId, label: `冲正：${original.reason}` },
        by: r.by,
        at: r.at,
        reverses: original.transferId,
      },
    }),
  )
}
