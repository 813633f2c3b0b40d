import { reconcileAccount, verifyChain } from './model'
import type { LedgerDeps } from './ports'

/**
 * Re-checks every account of a community: each chain from its first entry (the first broken link is named), each
 * cached balance against the sum of its entries, and that the community's balances sum to zero (double entry).
 * Run by the scheduler, by `npm run ledger:check`, and on the admin's request.
 */
export const auditCommunity = async (deps: LedgerDeps, communityId: string) => {
  const heads = await deps.ledger.allHeads(communityId)
  const check = async (head: (typeof heads)[number]) => {
    const entries = await deps.ledger.allEntries(communityId, head.account)
    const broken = verifyChain(entries)
    const { balance, problems } = reconcileAccount(head, entries)
    return {
      account: head.account,
      balance,
      cached: head.balance,
      entries: entries.length,
      ...(broken ? { brokenAt: broken } : {}),
      problems,
    }
  }
  // Eight accounts at a time: a community of a few thousand accounts is checked within the scheduler's minute.
  const accounts: Awaited<ReturnType<typeof check>>[] = []
  for (let i = 0; i < heads.length; i += 8) accounts.push(...(await Promise.all(heads.slice(i, i + 8).map(check))))
  const total = accounts.reduce((s, a) => s + a.balance, 0)
  const discrepancies = accounts.filter((a) => a.problems.length > 0 || a.brokenAt)
  return {
    communityId,
    checkedAt: deps.now().toISOString(),
    accounts: accounts.length,
    entries: accounts.reduce((s, a) => s + a.entries, 0),
    sum: total,
    balanced: total === 0,
    discrepancies,
  }
}
