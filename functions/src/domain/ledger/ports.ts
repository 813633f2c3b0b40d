import type { Outcome } from '../shared/outcome'
import type { Entry, Head, Plan, Transfer, TransferKind } from './model'

/** The ledger's storage (storage/ledger/ledger.ts). Capabilities never write ledger items themselves. */
export interface LedgerStore {
  /** The heads of some accounts of a community (accounts without one are absent: balance 0, no entries yet). */
  heads(communityId: string, accounts: string[]): Promise<Map<string, Head>>
  /**
   * Writes a planned transfer: the transfer (refused `exists` when its key was used: a repeat), each account's new
   * head (refused `moved` when an account moved since the heads were read: plan again) and each entry, at once.
   */
  commit(plan: Plan): Promise<Outcome<'exists' | 'moved'>>
  getTransfer(communityId: string, transferId: string): Promise<Transfer | undefined>
  /** An account's entries, newest first, a page at a time (`before`: the sequence to continue below). */
  entries(
    communityId: string,
    account: string,
    page: { limit: number; before?: number },
  ): Promise<{ items: Entry[]; next?: number }>
  /** Every entry of an account, in order (verification and reconciliation). */
  allEntries(communityId: string, account: string): Promise<Entry[]>
  /** Every account head of a community (reconciliation, the admin's overview). */
  allHeads(communityId: string): Promise<Head[]>
  /**
   * The community's transfers of one month (YYYY-MM), newest first (积分台账); with `kind`, only that kind (and
   * `month` '' for every month: the budget's top-ups). A cursor from another list is refused `badCursor`.
   */
  transfers(
    communityId: string,
    month: string,
    page: { limit: number; cursor?: string },
    kind?: TransferKind,
  ): Promise<Outcome<'badCursor', { items: Transfer[]; next?: string }>>
}

export interface LedgerDeps {
  ledger: LedgerStore
  now: () => Date
}
