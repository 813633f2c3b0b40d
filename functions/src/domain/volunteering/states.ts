import type { ErrorCode } from '../../../../contracts/errors'
import { activityActions, type ActivityStatus } from '../../../../contracts/volunteering'
import type { ActivityRecord } from './model'

/**
 * An activity's life as a table: 报名中 open → 已满 full (no place left) → 进行中 ongoing (from its start) → 已结束
 * ended (from its end) → 已确认 confirmed (the organiser confirmed the hours once). The clock moves it: the scheduled
 * jobs store the phase at the start and the end, and every read also looks at the clock, so a late tick never shows
 * a stale state. Every use case asks `guard` first, in a fixed order (who you are, where the activity is, when it
 * is, what you have done), so one attempt always gets one code, and `can` lists exactly what the caller may do now.
 */
export type Action = (typeof activityActions)[number]

/** Check-in opens an hour before the start; check-out closes two hours after the end. */
export const CHECK_IN_EARLY_MS = 60 * 60_000
export const CHECK_OUT_LATE_MS = 2 * 60 * 60_000

export const allowedFrom: Record<Action, readonly ActivityStatus[]> = {
  signUp: ['open', 'full'],
  cancel: ['open', 'full'],
  checkIn: ['open', 'full', 'ongoing'],
  checkOut: ['open', 'full', 'ongoing', 'ended'],
  manage: ['open', 'full', 'ongoing', 'ended', 'confirmed', 'cancelled'],
  showCode: ['open', 'full', 'ongoing', 'ended'],
  proxy: ['open', 'full', 'ongoing', 'ended'],
  changeCapacity: ['open', 'full'],
  confirm: ['ended'],
  signUpFor: ['open', 'full'],
  cancelActivity: ['open', 'full'],
}

/** The status the caller sees: the stored phase, moved on by the clock, and 已满 when no place is left. */
export const statusAt = (
  a: Pick<ActivityRecord, 'phase' | 'startAt' | 'endAt' | 'placedIds' | 'capacity'>,
  now: Date,
): ActivityStatus => {
  const t = now.toISOString()
  if (a.phase === 'cancelled') return 'cancelled'
  if (a.phase === 'confirmed') return 'confirmed'
  if (a.phase === 'ended' || t >= a.endAt) return 'ended'
  if (a.phase === 'ongoing' || t >= a.startAt) return 'ongoing'
  return a.placedIds.length >= a.capacity ? 'full' : 'open'
}

/** What is known about the caller relative to one activity. */
export interface Facts {
  /** The organiser, or the community's committee or admin: may show the code, check in for others, confirm. */
  manages: boolean
  /** The caller's approved registration in the activity's community (none: not registered there, or not approved). */
  registered?: 'member' | 'volunteer'
  /** Registered and approved, but in another community. */
  elsewhere: boolean
  state: 'placed' | 'waiting' | 'none'
  checkedIn: boolean
  checkedOut: boolean
  now: Date
}

const inCheckIn = (a: ActivityRecord, now: number) =>
  now >= Date.parse(a.startAt) - CHECK_IN_EARLY_MS && now < Date.parse(a.endAt)
const inCheckOut = (a: ActivityRecord, now: number) =>
  now >= Date.parse(a.startAt) - CHECK_IN_EARLY_MS && now < Date.parse(a.endAt) + CHECK_OUT_LATE_MS

const mayAct = (action: Action, a: ActivityRecord, f: Facts): ErrorCode | undefined => {
  switch (action) {
    case 'signUp':
      if (!f.registered) return f.elsewhere ? 'volunteer.otherCommunity' : 'volunteer.notRegistered'
      return a.audience === 'members' && f.registered !== 'member' ? 'volunteer.membersOnly' : undefined
    case 'cancel':
      // Once checked in, the place was used: there is nothing left to give up.
      return f.checkedIn ? 'activity.wrongStatus' : undefined
    case 'checkIn':
    case 'checkOut':
      return f.state === 'placed' ? undefined : 'checkin.notSignedUp'
    default:
      return f.manages ? undefined : 'auth.forbidden'
  }
}

const statusCode = (action: Action): ErrorCode =>
  action === 'checkIn' || action === 'checkOut' ? 'checkin.notOpen' : 'activity.wrongStatus'

/** 已取消 answers everything that would change the activity with its own code, whoever asks. */
const calledOff = (action: Action, a: ActivityRecord) => a.phase === 'cancelled' && action !== 'manage'

export const guard = (action: Action, a: ActivityRecord, f: Facts): ErrorCode | undefined => {
  const who = mayAct(action, a, f)
  if (who) return who
  if (calledOff(action, a)) return 'activity.cancelled'
  if (!allowedFrom[action].includes(statusAt(a, f.now))) return statusCode(action)
  const now = f.now.getTime()
  if ((action === 'signUp' || action === 'signUpFor') && f.now.toISOString() >= a.signUpDeadline)
    return 'activity.signUpClosed'
  if (action === 'checkIn' && !inCheckIn(a, now)) return 'checkin.notOpen'
  if ((action === 'checkOut' || action === 'showCode' || action === 'proxy') && !inCheckOut(a, now))
    return statusCode(action)
  if (action === 'checkOut' && !f.checkedIn) return 'checkin.notCheckedIn'
  return undefined
}

/** Done already: the same attempt again changes nothing, so it is not offered. */
const done = (action: Action, f: Facts) =>
  (action === 'signUp' && f.state !== 'none') ||
  (action === 'cancel' && f.state === 'none') ||
  (action === 'checkIn' && f.checkedIn) ||
  (action === 'checkOut' && f.checkedOut)

/** The actions the caller could take now: the mini-program shows exactly these buttons. */
export const possibleActions = (a: ActivityRecord, f: Facts): Action[] =>
  activityActions.filter((x) => !done(x, f) && guard(x, a, f) === undefined)
