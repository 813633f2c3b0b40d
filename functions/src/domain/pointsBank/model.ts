import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto'
import type { Period } from '../../../../contracts/pointsBank'
import type { z } from 'zod'
import type { EarningRule, ShopItemInput, itemStates, RedemptionState } from '../../../../contracts/pointsBank'

/*
 * The points bank's own records. Points themselves live in the shared ledger (domain/ledger); here are the
 * community's settings, the shop's items and their stock, and redemptions with their pickup codes.
 */

export type ShopItemFields = z.output<typeof ShopItemInput>

export interface ShopItemRecord extends ShopItemFields {
  itemId: string
  communityId: string
  createdAt: string
  updatedAt: string
  createdBy: string
}

/** An item's stock is spread over this many shard items whose sum is the stock: 200 redemptions at once meet on 8 items, not one. */
export const STOCK_SHARDS = 8

/** How `total` units sit over the shards when stock is first set: as even as it goes. */
export const spread = (total: number, shards = STOCK_SHARDS): number[] =>
  Array.from({ length: shards }, (_, i) => Math.floor(total / shards) + (i < total % shards ? 1 : 0))

export type ItemState = (typeof itemStates)[number]

/** Whether a resident can redeem it now, and if not, why (the catalogue shows it). */
export const itemState = (
  item: Pick<ShopItemRecord, 'active' | 'activeFrom' | 'activeUntil'>,
  stock: number,
  now: Date,
): ItemState => {
  const t = now.toISOString()
  if (!item.active) return 'offShelf'
  if (item.activeFrom && t < new Date(item.activeFrom).toISOString()) return 'notYet'
  if (item.activeUntil && t >= new Date(item.activeUntil).toISOString()) return 'ended'
  return stock > 0 ? 'available' : 'soldOut'
}

const BEIJING_MS = 8 * 3600_000
const beijing = (at: Date) => new Date(at.getTime() + BEIJING_MS).toISOString()

/** The period an instant falls in, on the Beijing calendar: `2026-05-31` (day), `2026-05` (month), `2026` (year). */
export const periodKey = (period: Period, at: Date): string => {
  const b = beijing(at)
  return period === 'day' ? b.slice(0, 10) : period === 'month' ? b.slice(0, 7) : b.slice(0, 4)
}

/** The last moment a pickup code is valid: 24:00 Beijing time on the `days`-th day after the redemption's day. */
export const pickupDeadline = (at: Date, days: number): string => {
  const day = beijing(at).slice(0, 10)
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + (days + 1) * 86_400_000 - BEIJING_MS).toISOString()
}

/** A day before the deadline: the resident is reminded. */
export const REMINDER_BEFORE_MS = 24 * 3600_000

export interface RedemptionRecord {
  redemptionId: string
  communityId: string
  itemId: string
  itemName: string
  itemKind: 'goods' | 'service'
  price: number
  pickupPlace: string
  photoKey?: string
  userId: string
  userName: string
  household?: string
  state: z.infer<typeof RedemptionState>
  createdAt: string
  deadline: string
  settledAt?: string
  fulfilledBy?: { userId: string; name: string }
  /** The 6 digits a resident reads out; unique among the community's codes waiting to be picked up. */
  code: string
  /** The secret half of what the QR carries: `GLPK:<redemptionId>:<token>`. */
  token: string
  /** The stock shard the unit came from, where a cancellation puts it back. */
  stockShard: number
  /** The limit period it counted in (`2026-05`), when the item has a per-person limit. */
  limitPeriod?: string
  /** The ledger transfer that paid for it (`redeem:<redemptionId>`). */
  transferId: string
}

export const redeemKey = (redemptionId: string) => `redeem:${redemptionId}`
/** One refund per redemption, whoever causes it (the resident cancelling, the scheduler at the deadline). */
export const refundKey = (redemptionId: string) => `refund:${redemptionId}`

/** Six digits from the system's CSPRNG: one in a million per guess, and only staff of the community may ask. */
export const newPickupCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0')
export const newPickupToken = () => randomBytes(15).toString('base64url')
export const qrText = (r: Pick<RedemptionRecord, 'redemptionId' | 'token'>) => `GLPK:${r.redemptionId}:${r.token}`

/** What staff scanned or typed: six digits, or the QR's text. Anything else can name nothing. */
export const parsePickup = (input: string): { code: string } | { redemptionId: string; token: string } | undefined => {
  const text = input.trim()
  if (/^\d{6}$/.test(text)) return { code: text }
  const m = /^GLPK:([0-9A-Z]{26}):([A-Za-z0-9_-]{20})$/.exec(text)
  return m ? { redemptionId: m[1]!, token: m[2]! } : undefined
}

/** Whether a parsed pickup names this redemption (the token compared in constant time). */
export const pickupMatches = (r: RedemptionRecord, p: NonNullable<ReturnType<typeof parsePickup>>): boolean => {
  if ('code' in p) return p.code === r.code
  const a = Buffer.from(p.token)
  const b = Buffer.from(r.token)
  return p.redemptionId === r.redemptionId && a.length === b.length && timingSafeEqual(a, b)
}

/** Failed pickup lookups a staff member may make in an hour before being told to wait. */
export const PICKUP_ATTEMPTS_PER_HOUR = 30

export type RuleView = Pick<EarningRule, 'ruleId' | 'name' | 'amount' | 'cap'>

/** The scheduler's kinds. */
export const JOB = {
  expirePickup: 'pointsBank.pickupExpire',
  remindPickup: 'pointsBank.pickupReminder',
  reconcile: 'pointsBank.reconcile',
  expirePoints: 'pointsBank.expirePoints',
} as const

/** The daily reconciliation runs at 03:00 Beijing time: the next such moment after `now`. */
export const nextReconcileAt = (now: Date): string => {
  const day = beijing(now).slice(0, 10)
  let at = Date.parse(`${day}T03:00:00.000Z`) - BEIJING_MS
  if (at <= now.getTime()) at += 86_400_000
  return new Date(at).toISOString()
}
