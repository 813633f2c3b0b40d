import { done, refused } from '../shared/outcome'
import { accountId, residentAccount, type Entry } from './model'
import type { LedgerDeps } from './ports'
import { runTransfer } from './transfer'

/*
 * Optional expiry (the community chooses it; the points bank keeps the choice). The rule, one sentence a resident
 * can check against the passbook: points are good for the calendar year they were earned in and the whole next
 * year, Beijing time; at the start of each year, what an account still holds from before the start of the previous
 * year goes to the community's `expiry` account.
 *
 * Points are spent oldest first. So at a year's start B, of what the account held, everything beyond what came in
 * during the previous year [A, B) is older than A: that part expires, less what was spent after B before the run
 * (those points, being the oldest, were the expiring ones). Anything coming in counts as new: an earning, a refund
 * of a cancelled redemption (a generous reading, and a simple one). One expiry transfer per account and year
 * (`expire:<year>:<userId>`), so running the year's expiry again changes nothing.
 */
const BEIJING_MS = 8 * 3600_000

/** The instant a calendar year starts in Beijing. */
export const beijingYearStart = (year: number) => new Date(Date.UTC(year, 0, 1) - BEIJING_MS).toISOString()
export const beijingYearOf = (at: Date) => new Date(at.getTime() + BEIJING_MS).getUTCFullYear()

/** What expires at the start of `year`, from the account's entries (any order; those before the previous year's start may be left out). */
export const expiringAtYearStart = (entries: Entry[], year: number): number => {
  const boundary = beijingYearStart(year)
  const windowStart = beijingYearStart(year - 1)
  const bySeq = [...entries].sort((a, b) => a.seq - b.seq)
  const before = bySeq.filter((e) => e.at < boundary)
  const held = before.at(-1)?.balanceAfter ?? 0
  const cameIn = before.filter((e) => e.at >= windowStart && e.delta > 0).reduce((s, e) => s + e.delta, 0)
  const spentSince = bySeq.filter((e) => e.at >= boundary && e.delta < 0).reduce((s, e) => s - e.delta, 0)
  return Math.max(0, held - cameIn - spentSince)
}

/** What will expire at the start of next year if nothing more is spent: shown beside the balance. */
export const expiringNext = (entries: Entry[], now: Date): { amount: number; at: string } => {
  const year = beijingYearOf(now) + 1
  const balance = [...entries].sort((a, b) => b.seq - a.seq)[0]?.balanceAfter ?? 0
  const cameIn = entries
    .filter((e) => e.at >= beijingYearStart(year - 1) && e.delta > 0)
    .reduce((s, e) => s + e.delta, 0)
  return { amount: Math.max(0, balance - cameIn), at: beijingYearStart(year) }
}

/** An account's entries newest first, back to (and including the first one before) `since`. */
export const entriesBack = async (
  deps: LedgerDeps,
  communityId: string,
  account: string,
  since: string,
): Promise<Entry[]> => {
  const out: Entry[] = []
  let before: number | undefined
  for (;;) {
    const page = await deps.ledger.entries(communityId, account, {
      limit: 100,
      ...(before !== undefined ? { before } : {}),
    })
    out.push(...page.items)
    if (!page.next || page.items.some((e) => e.at < since)) return out
    before = page.next
  }
}

/**
 * Moves what expires at the start of `year` from a resident's account to the community's expiry account. Refused
 * `nothing` when nothing expires; a second run for the same account and year returns the first transfer.
 */
export const expireAccount = async (
  deps: LedgerDeps,
  r: { communityId: string; userId: string; year: number; at: string },
) => {
  const account = residentAccount(r.userId)
  const expiry = accountId({ kind: 'expiry' })
  const key = `expire:${r.year}:${r.userId}`
  return runTransfer<'nothing'>(deps, r.communityId, key, async () => {
    const amount = expiringAtYearStart(
      await entriesBack(deps, r.communityId, account, beijingYearStart(r.year - 1)),
      r.year,
    )
    if (amount === 0) return refused('nothing')
    return done({
      heads: await deps.ledger.heads(r.communityId, [account, expiry]),
      input: {
        communityId: r.communityId,
        transferId: key,
        kind: 'expire' as const,
        legs: [
          { account, delta: -amount },
          { account: expiry, delta: amount },
        ],
        reason: `${r.year - 2}年及以前获得的积分到期`,
        source: { kind: 'expiry', id: String(r.year), label: '积分到期' },
        by: { userId: 'system', displayName: '系统' },
        at: r.at,
      },
    })
  })
}
