import type { CheckReport, PointsSettings } from '../../../../contracts/pointsBank'
import type { IdentityStore } from '../identity/ports'
import type { Plan } from '../ledger/model'
import type { LedgerDeps } from '../ledger/ports'
import type { QueuedNotice } from '../notifications/model'
import type { NoticeStore } from '../notifications/ports'
import type { DueItem, DueStore } from '../schedule/ports'
import type { Outcome } from '../shared/outcome'
import type { StructureStore } from '../structure/ports'
import type { PhotoStore } from '../uploads/ports'
import type { RedemptionRecord, ShopItemRecord } from './model'

export interface PointsSettingsStore {
  get(communityId: string): Promise<PointsSettings | undefined>
  put(communityId: string, settings: PointsSettings): Promise<void>
}

export interface StockShard {
  shard: number
  count: number
}

export interface StockChange {
  changeId: string
  delta: number
  reason: string
  by: { userId: string; name: string }
  at: string
}

/** The shop's items and their stock (storage/pointsBank/items.ts). */
export interface ShopStore {
  get(itemId: string): Promise<ShopItemRecord | undefined>
  /** The item with each stock shard, read strongly consistent (before a redemption). */
  stock(itemId: string): Promise<StockShard[]>
  /** The community's items with their stock, in the order they were put on sale (one Query). */
  list(communityId: string): Promise<{ item: ShopItemRecord; stock: number }[]>
  /** Writes a new item and its stock shards; refused `exists` when the id is taken (a repeat). */
  create(item: ShopItemRecord, stock: number[]): Promise<Outcome<'exists'>>
  update(item: ShopItemRecord): Promise<void>
  /**
   * Adds `delta` to each named shard (a shard taken from must still hold what it gives), with a log entry under the
   * change's id, at once: refused `exists` for a change made before, `moved` when a shard holds less than it gives.
   */
  changeStock(
    item: ShopItemRecord,
    change: StockChange,
    ops: { shard: number; delta: number }[],
  ): Promise<Outcome<'exists' | 'moved'>>
  /** How many of each item the user took in a period (`itemId|period` → count). */
  limitsUsed(userId: string, keys: { itemId: string; period: string }[]): Promise<Map<string, number>>
  /** Sets the item's low-stock flag; false when it was already set (someone else tells the admin). */
  flagLowStock(itemId: string, flagged: boolean): Promise<boolean>
}

/** What a redemption writes together with its ledger transfer. */
export interface RedeemWrites {
  redemption: RedemptionRecord
  /** The item's per-person limit, when it has one: the counter must stay at or below it. */
  limit?: number
  notices: QueuedNotice[]
  due: DueItem[]
}

/** Redemptions, pickup codes and the failed-lookup counters (storage/pointsBank/redemptions.ts). */
export interface RedemptionStore {
  get(redemptionId: string): Promise<RedemptionRecord | undefined>
  /** The redemption a waiting 6-digit code names in a community. */
  byCode(communityId: string, code: string): Promise<string | undefined>
  /** A resident's redemptions in a community, newest first. */
  mine(communityId: string, userId: string): Promise<RedemptionRecord[]>
  /**
   * One transaction: the transfer (plan), a unit off the redemption's stock shard (refused `moved` when it is
   * empty), the per-person counter (`moved` when full), the redemption and its code (`moved` when the code is
   * taken: draw another), its notices and due work. `exists` when the transfer's key was used.
   */
  redeem(plan: Plan, w: RedeemWrites): Promise<Outcome<'exists' | 'moved'>>
  /**
   * One transaction: the refund (plan), the redemption moving from ready to `next.state` (refused `notReady` when it
   * is no longer ready), its unit back on its shard, its counter down, its code freed, its notices.
   */
  settle(plan: Plan, next: RedemptionRecord, notices: QueuedNotice[]): Promise<Outcome<'exists' | 'moved' | 'notReady'>>
  /** Marks it fulfilled if it is still ready (refused `notReady`), and frees its code. */
  fulfil(next: RedemptionRecord): Promise<Outcome<'notReady'>>
  /** Failed pickup lookups of a staff member in an hour (`2026-05-31T10`); `bump` adds one. */
  failures(userId: string, hour: string, bump?: boolean): Promise<number>
}

/** Awards and their per-resident caps (storage/pointsBank/awards.ts). */
export interface AwardStore {
  /** The credit (plan) and the cap counter of the rule, resident and period in one transaction: `capReached` when it is full. */
  award(
    plan: Plan,
    cap?: { communityId: string; ruleId: string; userId: string; period: string; times: number },
  ): Promise<Outcome<'exists' | 'moved' | 'capReached'>>
  capUsed(communityId: string, ruleId: string, userId: string, period: string): Promise<number>
}

export interface CheckStore {
  latest(communityId: string): Promise<CheckReport | undefined>
  put(report: CheckReport): Promise<void>
}

export interface PointsBankDeps extends LedgerDeps {
  pointsSettings: PointsSettingsStore
  shop: ShopStore
  redemptions: RedemptionStore
  awards: AwardStore
  checks: CheckStore
  structure: StructureStore
  identity: IdentityStore
  photos: PhotoStore
  notices: NoticeStore
  schedule: DueStore
  newId: () => string
}

/** The passbook on paper (adapters/passbookPrinter.ts, carried by the export function only). */
export interface PassbookPrinter {
  renderPdf(book: {
    communityName: string
    residentName: string
    household?: string
    balance: number
    printedAt: string
    entries: { at: string; reason: string; source: string; delta: number; balanceAfter: number }[]
  }): Promise<Buffer>
}

/** One sheet of rows as an .xlsx file (adapters/xlsx.ts). */
export interface SheetWriter {
  xlsx(sheet: { name: string; columns: { header: string; width: number }[]; rows: (string | number)[][] }): Buffer
}
