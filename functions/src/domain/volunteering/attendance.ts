import type { z } from 'zod'
import type * as routes from '../../../../contracts/volunteering'
import type { AttendanceRow } from '../../../../contracts/volunteering'
import type { ErrorCode } from '../../../../contracts/errors'
import type { Actor } from '../identity/actor'
import { maskPhone } from '../identity/labels'
import { DomainError, fail } from '../shared/errors'
import { activityView } from './activities'
import { assertMay, factsFor, knownFor, loadActivity, myState } from './facts'
import { type ActivityRecord, type AttendanceRecord, type PlanRecord, type PresenceMark, type Body } from './model'
import type { VolunteeringDeps } from './ports'
import { creditedMinutes, distanceMetres, pointsFor } from './rules'
import { checkSiteCode, currentSiteCode, WINDOW_SECONDS } from './siteCode'
import { guard } from './states'

/*
 * 实地报到: the volunteer scans the organiser's rotating code and sends it with the phone's location. Every refusal
 * (another activity's code, an expired one, not signed up, outside the radius, a location too vague) changes no
 * attendance and is logged, so the organiser sees someone trying again and again.
 */

type Scan = Body<typeof routes.checkIn>
/** The organiser reads a refusal in a few words. */
const refusalLabels: Record<string, string> = {
  'checkin.notSignedUp': '未报名或仍在候补',
  'checkin.wrongActivity': '扫了其他活动的签到码',
  'checkin.codeExpired': '签到码已过期',
  'checkin.badCode': '无法识别的签到码',
  'checkin.outside': '不在签到范围内',
  'checkin.inaccurate': '定位不够准确',
  'checkin.notOpen': '不在签到时间内',
  'checkin.notCheckedIn': '未签到就签退',
  'activity.cancelled': '活动已取消',
}
const codeRefusal = {
  badCode: 'checkin.badCode',
  wrongActivity: 'checkin.wrongActivity',
  expired: 'checkin.codeExpired',
} as const

const refuse = async (deps: VolunteeringDeps, actor: Actor, a: ActivityRecord, code: ErrorCode): Promise<never> => {
  await deps.attendance.refuse({
    activityId: a.activityId,
    userId: actor.principal.userId,
    name: actor.principal.displayName,
    reason: code,
    at: deps.now().toISOString(),
  })
  throw new DomainError(code)
}

/** Why a scan is refused, in the order a volunteer would want to hear it; undefined when it is good. */
const scanRefusal = (deps: VolunteeringDeps, a: ActivityRecord, scan: Scan, now: Date): ErrorCode | undefined => {
  const code = checkSiteCode(deps.siteCodeSecret, a.activityId, scan.code, now)
  if (code !== 'ok') return codeRefusal[code]
  // A location vaguer than the radius cannot say the phone is inside it.
  if (scan.location.accuracy > a.place.radiusM) return 'checkin.inaccurate'
  if (distanceMetres(scan.location, a.place) > a.place.radiusM) return 'checkin.outside'
  return undefined
}

const scanned = (actor: Actor, a: ActivityRecord, scan: Scan, at: string): PresenceMark => ({
  at,
  by: 'self',
  byUserId: actor.principal.userId,
  location: {
    latitude: scan.location.latitude,
    longitude: scan.location.longitude,
    accuracy: scan.location.accuracy,
    distance: Math.round(distanceMetres(scan.location, a.place)),
  },
})

/** 签到 / 签退 by scanning. A second check-in (or check-out) is harmless: it changes nothing and answers as the first. */
export const scanAttendance = async (
  deps: VolunteeringDeps,
  actor: Actor,
  activityId: string,
  action: 'checkIn' | 'checkOut',
  scan: Scan,
) => {
  const a = await loadActivity(deps, activityId)
  const known = await knownFor(deps, actor, a)
  const now = deps.now()
  const done = action === 'checkIn' ? known.attendance?.checkIn : known.attendance?.checkOut
  if (!done) {
    const who = guard(action, a, factsFor(actor, a, known, now))
    if (who) await refuse(deps, actor, a, who)
    const bad = scanRefusal(deps, a, scan, now)
    if (bad) await refuse(deps, actor, a, bad)
    const mark = scanned(actor, a, scan, now.toISOString())
    if (action === 'checkIn') await deps.attendance.checkIn(a.activityId, actor.principal.userId, mark)
    else {
      const out = await deps.attendance.checkOut(a.activityId, actor.principal.userId, mark)
      if (!out.ok && out.refused === 'notIn') fail('checkin.notCheckedIn')
    }
  }
  return activityView(actor, a, await knownFor(deps, actor, a), deps.now())
}

/** The organiser checks in or out a volunteer without a smartphone: recorded as made by them, by name. */
export const proxyAttendance = async (
  deps: VolunteeringDeps,
  actor: Actor,
  activityId: string,
  userId: string,
  action: 'checkIn' | 'checkOut',
) => {
  const a = await loadActivity(deps, activityId)
  const known = await knownFor(deps, actor, a, { attendance: false })
  const now = deps.now()
  assertMay('proxy', a, factsFor(actor, a, known, now))
  if (myState(a, userId).state !== 'placed') fail('checkin.notSignedUp')
  const theirs = await deps.attendance.get(activityId, userId)
  // The volunteer's own window: the same times as a scan would have.
  const asThem = factsFor(
    { ...actor, principal: { ...actor.principal, userId } },
    a,
    { ...known, ...(theirs ? { attendance: theirs } : {}) },
    now,
  )
  const mark: PresenceMark = {
    at: now.toISOString(),
    by: 'proxy',
    byUserId: actor.principal.userId,
    byName: actor.principal.displayName,
  }
  if (action === 'checkIn' && !theirs?.checkIn) {
    assertMay('checkIn', a, asThem)
    await deps.attendance.checkIn(activityId, userId, mark)
  } else if (action === 'checkOut' && !theirs?.checkOut) {
    assertMay('checkOut', a, asThem)
    await deps.attendance.checkOut(activityId, userId, mark)
  }
  return attendanceView(deps, actor, activityId)
}

/** The code the organiser's phone shows now, as text and as a QR; it changes every 30 seconds. */
export const siteCode = async (deps: VolunteeringDeps, actor: Actor, activityId: string) => {
  const a = await loadActivity(deps, activityId)
  const now = deps.now()
  assertMay('showCode', a, factsFor(actor, a, await knownFor(deps, actor, a, { attendance: false }), now))
  const { code, validUntil } = currentSiteCode(deps.siteCodeSecret, a.activityId, now)
  return { code, validUntil, periodSeconds: WINDOW_SECONDS, qr: await deps.siteQr.png(code) }
}

/** What the rule credits one presence with, given what the volunteer was already credited that day. */
export const creditFor = (a: ActivityRecord, att: AttendanceRecord | undefined, alreadyThatDay: number) => {
  if (!att?.checkIn) return { minutes: 0, points: 0, note: '未签到' }
  const c = creditedMinutes({
    window: a,
    presence: { in: att.checkIn.at, ...(att.checkOut && !att.checkOut.missed ? { out: att.checkOut.at } : {}) },
    rule: a.rule,
    alreadyThatDay,
  })
  // A volunteer without a WeChat account has no points account: their hours are recorded, no points.
  const guest = Boolean(att.signedUpBy?.guest)
  const notes = [...c.notes, ...(guest && c.minutes > 0 ? [GUEST_NO_POINTS] : [])]
  return {
    minutes: c.minutes,
    points: guest ? 0 : pointsFor(c.minutes, a.pointsPerHour),
    note: notes.join('；') || '按签到签退时间计',
  }
}
export const GUEST_NO_POINTS = '无微信账号，只记时长不计积分'

const presence = (m: PresenceMark | undefined) =>
  m && { at: m.at, by: m.by, ...(m.byName ? { byName: m.byName } : {}), ...(m.missed ? { missed: true } : {}) }

/** The organiser's list: who is placed and waiting, their check-in and -out, and what the rule credits (or what was confirmed). */
export const attendanceView = async (deps: VolunteeringDeps, actor: Actor, activityId: string, plan?: PlanRecord) => {
  const a = await loadActivity(deps, activityId)
  const known = await knownFor(deps, actor, a)
  assertMay('manage', a, factsFor(actor, a, known, deps.now()))
  const [rows, refusals, confirmed, users] = await Promise.all([
    deps.attendance.list(activityId),
    deps.attendance.refusals(activityId),
    plan ?? (a.phase === 'confirmed' ? deps.activities.plan(activityId) : undefined),
    deps.identity.getUsers([...a.placedIds, ...a.waitingIds]),
  ])
  const records = confirmed
    ? await Promise.all(confirmed.entries.map((e) => deps.serviceRecords.get(e.userId, `${activityId}_${e.userId}`)))
    : []
  const byUser = new Map(rows.map((r) => [r.userId, r]))
  const name = (id: string) =>
    users.find((u) => u.userId === id)?.displayName ?? byUser.get(id)?.signedUpBy?.guest?.name ?? '志愿者'
  const row = (userId: string, state: 'placed' | 'waiting', position?: number): z.input<typeof AttendanceRow> => {
    const att = byUser.get(userId)
    const entry = confirmed?.entries.find((e) => e.userId === userId)
    const record = records.find((r) => r?.volunteer.userId === userId)
    return {
      userId,
      name: name(userId),
      state,
      ...(position ? { position } : {}),
      ...(att?.signedUpBy ? { signedUpBy: { byName: att.signedUpBy.byName, at: att.signedUpBy.at } } : {}),
      ...(att?.signedUpBy?.guest ? { guest: { phone: maskPhone(att.signedUpBy.guest.phone) } } : {}),
      ...(att?.checkIn ? { checkIn: presence(att.checkIn) } : {}),
      ...(att?.checkOut ? { checkOut: presence(att.checkOut) } : {}),
      credited: entry
        ? {
            minutes: entry.minutes,
            points: entry.points,
            note: entry.excluded ? `未计入：${entry.excluded}` : entry.note,
          }
        : creditFor(a, att, 0),
      ...(confirmed
        ? { points: record?.pointsState === 'credited' ? 'credited' : entry && entry.points > 0 ? 'pending' : 'none' }
        : {}),
    }
  }
  const counts = new Map<string, { userId: string; name: string; count: number; lastReason: string; lastAt: string }>()
  for (const r of refusals) {
    const c = counts.get(r.userId) ?? { userId: r.userId, name: r.name, count: 0, lastReason: '', lastAt: '' }
    counts.set(r.userId, {
      ...c,
      count: c.count + 1,
      ...(r.at >= c.lastAt ? { lastReason: refusalLabels[r.reason] ?? '签到被拒', lastAt: r.at } : {}),
    })
  }
  return {
    activity: activityView(actor, a, known, deps.now()),
    rows: [...a.placedIds.map((id) => row(id, 'placed')), ...a.waitingIds.map((id, i) => row(id, 'waiting', i + 1))],
    // Most refused first: someone trying again and again is what the organiser should look at.
    refusals: [...counts.values()].sort((x, y) => y.count - x.count),
  }
}
