import type { categories, CreditRule, Registration, ServiceRecord, Unit } from '../../../../contracts/volunteering'
import type { z } from 'zod'
import { createHash } from 'node:crypto'
import type { Subject } from '../notifications/model'

/*
 * Volunteering's records as the rules see them. An activity's sign-ups live on the activity itself as two ordered
 * lists (placed, then waiting), so "at most `capacity` placed" is one item's condition, however many sign up at once.
 */

export type Phase = 'open' | 'ongoing' | 'ended' | 'confirmed' | 'cancelled'

export interface UnitRecord extends Unit {
  createdAt: string
  createdBy: string
}

export interface RegistrationRecord extends Registration {
  streetId: string
}

export interface ActivityRecord {
  activityId: string
  communityId: string
  communityName: string
  streetId: string
  title: string
  description: string
  category: (typeof categories)[number]
  place: { name: string; latitude: number; longitude: number; radiusM: number }
  startAt: string
  endAt: string
  signUpDeadline: string
  capacity: number
  pointsPerHour: number
  audience: 'members' | 'all'
  organiser: { userId: string; name: string }
  unit?: { unitId: string; name: string }
  /** The community's rule when the activity was published: the one its volunteers signed up under. */
  rule: CreditRule
  phase: Phase
  /** Placed volunteers in the order they got their place; the waiting list in order. */
  placedIds: string[]
  waitingIds: string[]
  /** Bumped by every change of the lists (the condition of rewrites). */
  rev: number
  /** Bumped by every change of the phase. */
  version: number
  createdAt: string
  confirmedAt?: string
  confirmedBy?: string
  /** Called off before the start (已取消): when, by whom, why. */
  cancelled?: { at: string; byUserId: string; byName: string; reason: string }
}

export interface PresenceMark {
  at: string
  by: 'self' | 'proxy' | 'system'
  byUserId?: string
  byName?: string
  /** Where the phone said it was, and how far from the activity's point (metres). */
  location?: { latitude: number; longitude: number; accuracy: number; distance: number }
  /** A check-out nobody made: closed at the scheduled end. */
  missed?: boolean
}

/** 代报名: the organiser signed the volunteer up (a resident found by name or room, or a guest without WeChat). */
export interface SignedUpBy {
  at: string
  byUserId: string
  byName: string
  requestId: string
  /** A volunteer without a WeChat account: who they are (the name on their records) and how to reach them. */
  guest?: { name: string; phone: string }
}

export interface AttendanceRecord {
  activityId: string
  userId: string
  signedUpBy?: SignedUpBy
  checkIn?: PresenceMark
  checkOut?: PresenceMark
}

export interface RefusalRecord {
  activityId: string
  userId: string
  name: string
  reason: string
  at: string
}

/** What the organiser confirmed: per volunteer, the minutes and points the rule gives (frozen at confirmation). */
export interface PlanEntry {
  userId: string
  name: string
  minutes: number
  points: number
  note: string
  checkIn?: PresenceMark
  checkOut?: PresenceMark
  excluded?: string
  /** A volunteer without a WeChat account: hours recorded, no points (there is no account to pay). */
  guest?: boolean
  /** 代报名: the name of who signed them up. */
  signedUpByName?: string
}
export interface PlanRecord {
  activityId: string
  confirmedAt: string
  confirmedBy: { userId: string; name: string }
  entries: PlanEntry[]
}

export interface ServiceRecordRecord extends ServiceRecord {
  streetId: string
  unitId?: string
  /** The ledger transfer that paid the points (absent until paid). */
  pointsTransferId?: string
  /** Who recorded it (the organiser who confirmed, or who corrected it). */
  recordedById: string
}

export interface CorrectionRecord {
  requestId: string
  recordId: string
  activityId: string
  activityTitle: string
  userId: string
  name: string
  text: string
  at: string
  status: 'pending' | 'accepted' | 'refused'
  answer?: string
  answeredBy?: string
  answeredAt?: string
  adjustmentId?: string
}

/** A roll-up counter: one scope (a person, a unit, a unit in a community, a community, a street, a shard of all) and one period. */
export type StatScope =
  | `person:${string}`
  | `unit:${string}`
  | `unitin:${string}:${string}`
  | `community:${string}`
  | `street:${string}`
  | `all:${string}`
export interface Counters {
  minutes: number
  services: number
  activities: number
  points: number
  servingMembers: number
  servingVolunteers: number
  members: number
  volunteers: number
}
export type CounterAdd = { scope: StatScope; period: string; add: Partial<Counters> }

export const activitySubject = (a: Pick<ActivityRecord, 'activityId' | 'title'>): Subject => ({
  kind: 'activity',
  id: a.activityId,
  title: a.title,
  page: `packages/volunteer/pages/activity/index?activityId=${a.activityId}`,
})

/**
 * A volunteer without a WeChat account (无微信账号志愿者) is not a user: they are named by the organiser who signs them
 * up, and known by an id made from the community and their phone, so the same person's services add up under one id
 * (their records, `VREC#guest-…`) whoever signs them up. No login, no notices, no points.
 */
export const GUEST_PREFIX = 'guest-'
export const guestIdOf = (communityId: string, phone: string) =>
  `${GUEST_PREFIX}${createHash('sha256').update(`${communityId}:${phone}`).digest('hex').slice(0, 24)}`
export const isGuestId = (id: string) => id.startsWith(GUEST_PREFIX)

/** A service record's id: the activity (or the adjustment) and the volunteer, so the volunteer's partition is known from it. */
export const recordIdOf = (first: string, userId: string) => `${first}_${userId}`
export const parseRecordId = (recordId: string): { first: string; userId: string } | undefined => {
  const [first, userId, extra] = recordId.split('_')
  return first && userId && extra === undefined ? { first, userId } : undefined
}

/** The parsed body (or query) of one of volunteering's routes. */
export type Body<C> = C extends { body?: infer B } ? (B extends z.ZodTypeAny ? z.output<B> : never) : never
export type Query<C> = C extends { query?: infer Q } ? (Q extends z.ZodTypeAny ? z.output<Q> : never) : never
