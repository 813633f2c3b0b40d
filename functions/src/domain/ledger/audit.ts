import { reconcileAccount, verifyChain } from './model'
import type { LedgerDeps } from './ports'

/**
 * Re-checks every account of a community: each chain from its first entry (the first broken link is named), each
 * cached balance against the sum of its entries, and that the community's balances sum to zero (double entry).
 * Run by the scheduler, by `npm run ledger:check`, and on the admin's request.
 */
export const auditCommunity = async (deps: LedgerDeps, communityId: string) => {
  const heads = await deps.ledger.allHeads(communityId)
  const accounts = []
  let total = 0
  for (const head of heads) {
    const entries = await deps.ledger.allEntries(communityId, head.account)
    const broken = verifyChain(entries)
    const { balance, problems } = reconcileAccount(head, entries)
    total += balance
    accounts.push({ account: head.account, balance, cached: head.balance, entries: entries.length, ...(broken ? { brokenAt: broken } : {}), problems })
  }
  const discrepancies = accounts.filter((a) => a.problems.length > 0 || a.brokenAt)
  return {
    communityId,
    checkedAt: deps.now().toISOString(),
    accounts: accounts.length,
    sum: total,
    balanced: total === 0,
    discrepancies,
  }
}
