import { parseAccount } from './model'
import type { LedgerDeps } from './ports'

/**
 * Where a community's points are, from its account heads (one read): what was issued (the budget topped up), what
 * the pool still holds, what residents hold, what the shop took in, what expired. Double entry makes
 * issued = pool + residents + shop + expired; the audit checks the heads against the entries.
 */
export const communityBalances = async (deps: LedgerDeps, communityId: string) => {
  const sums = { issued: 0, pool: 0, residents: 0, shop: 0, expired: 0, residentAccounts: 0 }
  for (const head of await deps.ledger.allHeads(communityId)) {
    const ref = parseAccount(head.account)
    if (!ref) continue
    if (ref.kind === 'issuer') sums.issued -= head.balance
    else if (ref.kind === 'pool') sums.pool += head.balance
    else if (ref.kind === 'shop') sums.shop += head.balance
    else if (ref.kind === 'expiry') sums.expired += head.balance
    else {
      sums.residents += head.balance
      sums.residentAccounts++
    }
  }
  return sums
}
