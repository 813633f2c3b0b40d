import type * as routes from '../../../../contracts/volunteering'
import type { Activity } from '../../../../contracts/volunteering'
import { communityOf, homesOf, type Actor } from '../identity/actor'
import { screenText } from '../moderation/screen'
import type { DueItem } from '../schedule/ports'
import { fail, found } from '../shared/errors'
import { communityPlace, factsFor, isCommunityStaff, knownFor, myState, type Known } from './facts'
import type { ActivityRecord, Body, Query } from './model'
import type { VolunteeringDeps } from './ports'
import { CHECK_OUT_LATE_MS, possibleActions, statusAt } from './states'
import { getVolunteerSettings } from './units'

const HOUR = 3600_000

/** The activity as the caller sees it: places taken, the caller's own sign-up and check-in, and what they may do now. */
export const activityView = (actor: Actor, a: ActivityRecord, known: Known, now: Date): Activity => {
  const mine = myState(a, actor.principal.userId)
  return {
    activityId: a.activityId,
    communityId: a.communityId,
    title: a.title,
    description: a.description,
    category: a.category,
    place: a.place,
    startAt: a.startAt,
    endAt: a.endAt,
    signUpDeadline: a.signUpDeadline,
    capacity: a.capacity,
    placed: a.placedIds.length,
    waiting: a.waitingIds.length,
    pointsPerHour: a.pointsPerHour,
    audience: a.audience,
    organiser: a.organiser,
    ...(a.unit ? { unit: a.unit } : {}),
    status: statusAt(a, now),
    ...(a.cancelled
      ? { cancelled: { at: a.cancelled.at, byName: a.cancelled.byName, reason: a.cancelled.reason } }
      : {}),
    rule: a.rule,
    me: {
      ...mine,
      ...(known.attendance?.checkIn ? { checkInAt: known.attendance.checkIn.at } : {}),
      ...(known.attendance?.checkOut ? { checkOutAt: known.attendance.checkOut.at } : {}),
    },
    can: possibleActions(a, factsFor(actor, a, known, now)),
  }
}

export const showActivity = async (deps: VolunteeringDeps, actor: Actor, activityId: string) => {
  const a = found(await deps.activities.get(activityId), 'activity.notFound')
  return activityView(actor, a, await knownFor(deps, actor, a), deps.now())
}

/** The scheduled work an activity brings: its start and end, the missed check-outs closed, reminders a day and two hours ahead. */
const scheduleOf = (a: ActivityRecord, now: Date): DueItem[] => {
  const at = (ms: number) => new Date(ms).toISOString()
  const start = Date.parse(a.startAt)
  const end = Date.parse(a.endAt)
  const reminders = [24 * HOUR, 2 * HOUR].filter((ahead) => start - ahead > now.getTime())
  return [
    { kind: 'volunteering.start', at: a.startAt, subjectId: a.activityId },
    { kind: 'volunteering.end', at: a.endAt, subjectId: a.activityId },
    { kind: 'volunteering.close', at: at(end + CHECK_OUT_LATE_MS), subjectId: a.activityId },
    ...reminders.map((ahead) => ({ kind: 'volunteering.remind', at: at(start - ahead), subjectId: a.activityId })),
  ]
}

/**
 * 需求发布: the committee, the community admin, a grid worker of the community, or the liaison of a unit paired with
 * it publishes an activity. The community's crediting rule is frozen on it: volunteers sign up under that rule.
 */
export const publishActivity = async (
  deps: VolunteeringDeps,
  actor: Actor,
  input: Body<typeof routes.publishActivity>,
) => {
  const place = await communityPlace(deps, input.communityId)
  const community = found(await deps.structure.getCommunity(input.communityId), 'community.notFound')
  const unit = input.unitId ? found(await deps.volunteerUnits.get(input.unitId), 'unit.notFound') : undefined
  if (unit && !unit.communityIds.includes(input.communityId)) fail('registration.unitNotPaired')
  const liaison = unit?.liaisonUserId === actor.principal.userId
  if (!isCommunityStaff(actor.principal, place) && !liaison) fail('auth.forbidden')
  // Residents read it: WeChat's content check first (a risky text is refused; staff publish, so nothing is held).
  await screenText(
    deps,
    actor,
    [
      { field: 'body.title', text: input.title },
      { field: 'body.description', text: input.description },
      { field: 'body.place.name', text: input.place.name },
    ],
    'forum',
  )
  const now = deps.now()
  const [start, end, deadline] = [Date.parse(input.startAt), Date.parse(input.endAt), Date.parse(input.signUpDeadline)]
  if (!(
    start > now.getTime() &&
    end > start &&
    end - start <= 24 * HOUR &&
    deadline <= start &&
    deadline > now.getTime()
  ))
    fail('activity.timeInvalid')
  const iso = (ms: number) => new Date(ms).toISOString()
  const { unitId: _u, ...body } = input
  const a: ActivityRecord = {
    ...body,
    startAt: iso(start),
    endAt: iso(end),
    signUpDeadline: iso(deadline),
    communityName: community.name,
    streetId: community.streetId,
    organiser: { userId: actor.principal.userId, name: actor.principal.displayName },
    ...(unit ? { unit: { unitId: unit.unitId, name: unit.name } } : {}),
    rule: await (async () => {
      const { expectedMembers: _e, ...rule } = await getVolunteerSettings(deps, input.communityId)
      return rule
    })(),
    phase: 'open',
    placedIds: [],
    waitingIds: [],
    rev: 0,
    version: 0,
    createdAt: now.toISOString(),
  }
  const created = await deps.activities.create(a, scheduleOf(a, now))
  if (!created.ok) {
    const first = found(await deps.activities.get(input.activityId), 'request.idConflict')
    if (first.organiser.userId !== actor.principal.userId) fail('request.idConflict')
    return activityView(actor, first, { place }, now)
  }
  return activityView(actor, a, { place }, now)
}

/** The community a listing is for: the one named, a grid's, else the caller's registration's, household's or role's. */
const listingCommunity = async (deps: VolunteeringDeps, actor: Actor, q: { communityId?: string; gridId?: string }) => {
  if (q.communityId) return q.communityId
  if (q.gridId) return found(await deps.structure.getGrid(q.gridId), 'grid.notFound').communityId
  const r = await deps.volunteerRegistrations.get(actor.principal.userId)
  return r?.communityId ?? communityOf(actor, await homesOf(deps, actor))
}

/**
 * A community's activities: those still to come or under way (by their start), those over (newest first), or the
 * caller's own sign-ups. The list shows places and the caller's sign-up; check-ins are on the activity's page.
 */
export const listActivities = async (deps: VolunteeringDeps, actor: Actor, q: Query<typeof routes.listActivities>) => {
  const now = deps.now()
  const registration = await deps.volunteerRegistrations.get(actor.principal.userId)
  const view = async (items: ActivityRecord[]) => {
    const places = new Map<string, Awaited<ReturnType<typeof communityPlace>>>()
    for (const id of new Set(items.map((a) => a.communityId))) places.set(id, await communityPlace(deps, id))
    return items.map((a) =>
      activityView(actor, a, { place: places.get(a.communityId)!, ...(registration ? { registration } : {}) }, now),
    )
  }
  if (q.when === 'mine') {
    const ids = await deps.activities.listForVolunteer(actor.principal.userId, 50)
    const items = (await deps.activities.getMany(ids)).filter(
      (a) => myState(a, actor.principal.userId).state !== 'none',
    )
    return { items: await view(items) }
  }
  const communityId = await listingCommunity(deps, actor, q)
  if (!communityId) return { items: [] }
  await communityPlace(deps, communityId)
  const t = now.getTime()
  const items =
    q.when === 'upcoming'
      ? (
          await deps.activities.listForCommunity(communityId, 'upcoming', new Date(t - 24 * HOUR).toISOString(), 50)
        ).filter((a) => a.phase !== 'confirmed' && Date.parse(a.endAt) + CHECK_OUT_LATE_MS > t)
      : (await deps.activities.listForCommunity(communityId, 'past', now.toISOString(), 50)).filter(
          (a) => a.phase === 'confirmed' || Date.parse(a.endAt) + CHECK_OUT_LATE_MS <= t,
        )
  return { communityId, items: await view(items) }
}
