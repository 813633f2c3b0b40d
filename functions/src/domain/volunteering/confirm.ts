import type * as routes from '../../../../contracts/volunteering'
import { categoryLabels } from '../../../../contracts/volunteering'
import type { Actor } from '../identity/actor'
import { credit } from '../ledger/transfer'
import { queued } from '../notifications/deliver'
import { fail } from '../shared/errors'
import { attendanceView, creditFor } from './attendance'
import {
  activityCounters,
  recordCounters,
  servingCounters,
  servingMarker,
  unitActivityCounters,
  unitActivityMarker,
  type Belonging,
} from './counters'
import { assertMay, factsFor, knownFor, loadActivity } from './facts'
import {
  recordIdOf,
  type ActivityRecord,
  type PlanEntry,
  type PlanRecord,
  type RegistrationRecord,
  type ServiceRecordRecord,
  type Body,
} from './model'
import { hasAudience, volunteerNotices } from './notices'
import type { VolunteeringDeps } from './ports'
import { beijingDate, hoursText, periodsOf } from './rules'

/*
 * After the end the organiser reviews the list and confirms once. The confirmation freezes the plan (each
 * volunteer's minutes and points by the rule) with the move to 已确认, in one conditional write: a second confirm,
 * or two at once, finds the activity confirmed and changes nothing. Settling the plan then writes each service
 * record (with its roll-up counters and its notice, once: the record's key is the condition) and pays its points
 * through the ledger's `credit` under `service:<activityId>:<userId>` (once: the ledger's key). The settle runs in
 * the confirming request and again from the schedule, so a request that died half-way is finished by the tick.
 */
export const SETTLE = 'volunteering.settle'
/** How many volunteers a confirming request settles itself (well within its function's time); the scheduler does the rest. */
const INLINE = 25

/** Minutes already credited to a volunteer on a Beijing day, by activities other than this one. */
export const minutesThatDay = async (deps: VolunteeringDeps, userId: string, date: string, exceptActivity: string) =>
  (await deps.serviceRecords.forUser(userId))
    .filter((r) => r.date === date && r.activityId !== exceptActivity)
    .reduce((s, r) => s + r.minutes, 0)

export const confirmActivity = async (
  deps: VolunteeringDeps,
  actor: Actor,
  activityId: string,
  input: Body<typeof routes.confirmActivity>,
) => {
  const a = await loadActivity(deps, activityId)
  const now = deps.now()
  const facts = factsFor(actor, a, await knownFor(deps, actor, a, { attendance: false }), now)
  if (a.phase === 'confirmed') {
    // Already confirmed: nothing changes; a retry of a confirmation that died half-way finishes its settling.
    assertMay('manage', a, facts)
    await settle(deps, activityId, INLINE)
    return attendanceView(deps, actor, activityId)
  }
  assertMay('confirm', a, facts)
  const at = now.toISOString()
  const date = beijingDate(a.startAt)
  const [rows, users] = await Promise.all([deps.attendance.list(activityId), deps.identity.getUsers(a.placedIds)])
  const excluded = new Map(input.excluded.map((e) => [e.userId, e.reason]))
  const entries: PlanEntry[] = await Promise.all(
    a.placedIds.map(async (userId) => {
      const att = rows.find((r) => r.userId === userId)
      const name = users.find((u) => u.userId === userId)?.displayName ?? att?.signedUpBy?.guest?.name ?? '志愿者'
      const marks = {
        ...(att?.checkIn ? { checkIn: att.checkIn } : {}),
        ...(att?.checkOut ? { checkOut: att.checkOut } : {}),
        ...(att?.signedUpBy?.guest ? { guest: true } : {}),
        ...(att?.signedUpBy ? { signedUpByName: att.signedUpBy.byName } : {}),
      }
      if (excluded.has(userId))
        return { userId, name, minutes: 0, points: 0, note: '组织者未计入', excluded: excluded.get(userId)!, ...marks }
      const c = creditFor(a, att, att?.checkIn ? await minutesThatDay(deps, userId, date, activityId) : 0)
      return { userId, name, ...c, ...marks }
    }),
  )
  const plan: PlanRecord = {
    activityId,
    confirmedAt: at,
    confirmedBy: { userId: actor.principal.userId, name: actor.principal.displayName },
    entries,
  }
  const moved = await deps.activities.setPhase(a, ['open', 'ongoing', 'ended'], 'confirmed', {
    confirmedAt: at,
    confirmedBy: actor.principal.displayName,
    plan,
    counters: activityCounters(a, date),
    due: [{ kind: SETTLE, at, subjectId: activityId }],
  })
  if (!moved.ok && (await loadActivity(deps, activityId)).phase !== 'confirmed') fail('activity.wrongStatus')
  await settle(deps, activityId, INLINE)
  return attendanceView(deps, actor, activityId)
}

const belongingOf = (a: ActivityRecord, userId: string, reg: RegistrationRecord | undefined): Belonging => ({
  userId,
  kind: reg?.kind ?? 'volunteer',
  communityId: a.communityId,
  streetId: a.streetId,
  ...(reg?.kind === 'member' && reg.unitId && reg.communityId === a.communityId ? { unitId: reg.unitId } : {}),
})

/** The 平台记录 of one volunteer's service, with what 民政部令第67号 asks a record to hold. */
const serviceRecord = (
  a: ActivityRecord,
  plan: PlanRecord,
  e: PlanEntry,
  reg: RegistrationRecord | undefined,
): ServiceRecordRecord => {
  const b = belongingOf(a, e.userId, reg)
  const inAt = e.checkIn?.at ?? a.startAt
  const outAt = e.checkOut && !e.checkOut.missed ? e.checkOut.at : a.endAt
  const notes = [
    ...(e.signedUpByName ? [`由${e.signedUpByName}代报名${e.guest ? '（无微信账号）' : ''}`] : []),
    ...(e.checkIn?.by === 'proxy' ? [`签到由${e.checkIn.byName ?? '组织者'}代签`] : []),
    ...(e.checkOut?.by === 'proxy' ? [`签退由${e.checkOut.byName ?? '组织者'}代签`] : []),
    ...e.note.split('；').filter((n) => n && n !== '按签到签退时间计'),
  ]
  return {
    recordId: recordIdOf(a.activityId, e.userId),
    kind: 'service',
    volunteer: {
      userId: e.userId,
      name: e.name,
      kind: b.kind,
      ...(b.unitId && reg?.unitName ? { unitName: reg.unitName } : {}),
      ...(e.guest ? { guest: true } : {}),
    },
    communityId: a.communityId,
    communityName: a.communityName,
    streetId: a.streetId,
    ...(b.unitId ? { unitId: b.unitId } : {}),
    activityId: a.activityId,
    activityTitle: a.title,
    content: `${categoryLabels[a.category]}：${a.description.slice(0, 120)}`,
    place: a.place.name,
    date: beijingDate(a.startAt),
    startAt: inAt > a.startAt ? inAt : a.startAt,
    endAt: outAt < a.endAt ? outAt : a.endAt,
    minutes: e.minutes,
    points: e.points,
    pointsState: e.points > 0 ? 'pending' : 'none',
    organiser: a.unit ? `${a.organiser.name}（${a.unit.name}）` : a.organiser.name,
    recordingUnit: a.communityName,
    recordedAt: plan.confirmedAt,
    recordedBy: plan.confirmedBy.name,
    recordedById: plan.confirmedBy.userId,
    notes,
  }
}

/** Counts the volunteer as serving in the record's month, quarter and year (once each), and the unit's activity (once). */
export const countDistinct = async (deps: VolunteeringDeps, b: Belonging, activityId: string, date: string) => {
  for (const period of Object.values(periodsOf(date)))
    await deps.volunteerStats.once(servingMarker(b, period), servingCounters(b, period))
  if (b.unitId)
    await deps.volunteerStats.once(
      unitActivityMarker(b.unitId, activityId),
      unitActivityCounters(b.unitId, b.communityId, date),
    )
}

/** Pays a record's points once (the ledger's key); a spent budget leaves them pending for the next run. */
const payPoints = async (
  deps: VolunteeringDeps,
  a: ActivityRecord,
  r: ServiceRecordRecord,
  by: { userId: string; name: string },
) => {
  if (r.pointsState !== 'pending' || r.points <= 0) return true
  const paid = await credit(deps, {
    communityId: a.communityId,
    userId: r.volunteer.userId,
    amount: r.points,
    key: `service:${a.activityId}:${r.volunteer.userId}`,
    reason: `志愿服务 ${hoursText(r.minutes)}`,
    source: { kind: 'activity', id: a.activityId, label: `志愿活动「${a.title}」${hoursText(r.minutes)}` },
    by: { userId: by.userId, displayName: by.name },
    at: deps.now().toISOString(),
  })
  if (paid.ok) {
    await deps.serviceRecords.setPoints(r, 'credited', paid.value.transfer.transferId)
    return true
  }
  if (paid.refused === 'budgetSpent') return false
  throw new Error(`volunteering: points of ${r.recordId} refused by the ledger: ${paid.refused}`)
}

/**
 * Writes what a confirmed plan says, for every volunteer not yet done; safe to run any number of times. Returns
 * whether points are still waiting (the community's budget is spent): the scheduled run then tries again later.
 */
export const settle = async (
  deps: VolunteeringDeps,
  activityId: string,
  max = Infinity,
): Promise<{ pending: boolean }> => {
  const a = await deps.activities.get(activityId)
  const plan = a?.phase === 'confirmed' ? await deps.activities.plan(activityId) : undefined
  if (!a || !plan) return { pending: false }
  let pending = false
  let settled = 0
  for (const e of plan.entries) {
    // Every volunteer who was there gets a record, even of no hours (so they may ask for a correction); the excluded none.
    if (e.excluded || !e.checkIn) continue
    const recordId = recordIdOf(a.activityId, e.userId)
    const existing = await deps.serviceRecords.get(e.userId, recordId)
    if (existing && existing.pointsState !== 'pending') continue
    // A request settles the first ones; the scheduler's run (within the minute) the rest, within its own time.
    if (settled++ >= max) return { pending: true }
    const reg = await deps.volunteerRegistrations.get(e.userId)
    const record = serviceRecord(a, plan, e, reg)
    const told = volunteerNotices.credited(a, plan.confirmedAt, e.userId, e.minutes, e.points)
    const notices = hasAudience(told) ? [queued(told, deps.newId)] : []
    const created = existing ? { ok: false } : await deps.serviceRecords.create(record, recordCounters(record), notices)
    if (e.minutes > 0) await countDistinct(deps, belongingOf(a, e.userId, reg), activityId, record.date)
    const current = created.ok ? record : (existing ?? (await deps.serviceRecords.get(e.userId, recordId)))
    if (current && !(await payPoints(deps, a, current, plan.confirmedBy))) pending = true
  }
  return { pending }
}
