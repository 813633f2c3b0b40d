import type { PassbookEntry, TransferView } from '../../../../contracts/pointsBank'
import type { z } from 'zod'
import { parseAccount, systemAccountLabels, type Entry, type Transfer } from '../ledger/model'
import type { PointsBankDeps } from './ports'

/** Names for the accounts of some transfers: residents by name (one read for all), the community's own by what they are. */
export const accountLabels = async (
  deps: Pick<PointsBankDeps, 'identity'>,
  accounts: string[],
): Promise<(account: string) => string> => {
  const userIds = [
    ...new Set(
      accounts.flatMap((a) => {
        const r = parseAccount(a)
        return r?.kind === 'resident' ? [r.userId] : []
      }),
    ),
  ]
  const names = new Map(
    (userIds.length ? await deps.identity.getUsers(userIds) : []).map((u) => [u.userId, u.displayName]),
  )
  return (account) => {
    const r = parseAccount(account)
    if (!r) return account
    if (r.kind === 'resident') return names.get(r.userId) ?? '居民'
    return r.kind === 'pool' || r.kind === 'shop'
      ? `${systemAccountLabels[r.kind]} ${r.shard + 1}号分账`
      : systemAccountLabels[r.kind]
  }
}

/** Earnings and top-ups may be corrected by a reversing entry; redemptions are cancelled by the resident instead. */
export const reversibleKinds: readonly Transfer['kind'][] = ['earn', 'topUp']

export const transferViews = async (
  deps: Pick<PointsBankDeps, 'identity'>,
  transfers: Transfer[],
  reversed = new Set<string>(),
): Promise<TransferView[]> => {
  const label = await accountLabels(
    deps,
    transfers.flatMap((t) => t.legs.map((l) => l.account)),
  )
  return transfers.map((t) => ({
    transferId: t.transferId,
    at: t.at,
    kind: t.kind,
    reason: t.reason,
    source: t.source,
    by: { userId: t.by.userId, name: t.by.displayName },
    legs: t.legs.map((l) => ({ account: l.account, label: label(l.account), delta: l.delta })),
    ...(t.reverses ? { reverses: t.reverses } : {}),
    reversible: reversibleKinds.includes(t.kind) && !reversed.has(t.transferId),
  }))
}

export const passbookEntry = (e: Entry): z.input<typeof PassbookEntry> => ({
  seq: e.seq,
  at: e.at,
  kind: e.kind,
  delta: e.delta,
  balanceAfter: e.balanceAfter,
  reason: e.reason,
  source: { kind: e.source.kind, label: e.source.label },
  by: e.by.displayName,
  transferId: e.transferId,
})
