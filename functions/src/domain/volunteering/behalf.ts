import type * as routes from '../../../../contracts/volunteering'
import type { Actor } from '../identity/actor'
import { residentsMatching } from '../identity/residentSearch'
import { queued } from '../notifications/deliver'
import { fail } from '../shared/errors'
import { attendanceView } from './attendance'
import { assertMay, factsFor, knownFor, loadActivity, myState, registeredAs } from './facts'
import { guestIdOf, type ActivityRecord, type Body } from './model'
import { hasAudience, volunteerNotices } from './notices'
import type { VolunteeringDeps } from './ports'
import { MAX_WAITING } from './signup'

/*
 * 代报名: the organiser signs up someone who cannot do it in the app — a resident of the community found by name or
 * room (as 积分发放 finds them), or a volunteer without a WeChat account, by name and phone. The place is taken
 * exactly as a self sign-up takes it (the same conditional append on the activity), so capacity and the waiting
 * list hold whoever signs up; the volunteer's attendance item notes who signed them up. A repeat (the same request,
 * or the same person again) is one entry.
 */

/** The organiser's search: residents bound in the activity's community whose name or room matches. */
export const findResidentsFor = async (deps: VolunteeringDeps, actor: Actor, activityId: string, q: string) => {
  const a = await loadActivity(deps, activityId)
  assertMay('manage', a, factsFor(actor, a, await knownFor(deps, actor, a, { attendance: false }), deps.now()))
  const { buildings } = await deps.structure.listCommunity(a.communityId)
  return {
    items: await residentsMatching(
      deps.identity,
      buildings.map((b) => b.buildingId),
      q,
    ),
  }
}

/** Who is signed up: the resident's account (bound in the community, or registered there), or the guest's id. */
const volunteerOf = async (
  deps: VolunteeringDeps,
  a: ActivityRecord,
  v: Body<typeof routes.signUpOnBehalf>['volunteer'],
) => {
  if (v.kind === 'guest') {
    if (a.audience === 'members') fail('volunteer.membersOnly')
    return { userId: guestIdOf(a.communityId, v.phone), guest: { name: v.name, phone: v.phone } }
  }
  const [loaded, registration, { buildings }] = await Promise.all([
    deps.identity.loadUser(v.userId),
    deps.volunteerRegistrations.get(v.userId),
    deps.structure.listCommunity(a.communityId),
  ])
  const registered = registeredAs(registration, a.communityId).registered
  const lives = (loaded?.memberships ?? []).some((m) => buildings.some((b) => b.buildingId === m.buildingId))
  if (!lives && !registered) fail('volunteer.notResident')
  if (a.audience === 'members' && registered !== 'member') fail('volunteer.membersOnly')
  return { userId: v.userId }
}

export const signUpOnBehalf = async (
  deps: VolunteeringDeps,
  actor: Actor,
  activityId: string,
  input: Body<typeof routes.signUpOnBehalf>,
) => {
  const a = await loadActivity(deps, activityId)
  const known = await knownFor(deps, actor, a, { attendance: false })
  assertMay('manage', a, factsFor(actor, a, known, deps.now()))
  if (a.phase === 'cancelled') fail('activity.cancelled')
  const who = await volunteerOf(deps, a, input.volunteer)
  if (myState(a, who.userId).state !== 'none') return attendanceView(deps, actor, activityId)
  assertMay('signUpFor', a, factsFor(actor, a, known, deps.now()))
  const now = deps.now().toISOString()
  // Noted first (once): a sign-up that dies after its place is taken still says who the guest is and who signed them up.
  await deps.attendance.signedUpBy(activityId, who.userId, {
    at: now,
    byUserId: actor.principal.userId,
    byName: actor.principal.displayName,
    requestId: input.requestId,
    ...(who.guest ? { guest: who.guest } : {}),
  })
  const joined = await deps.activities.join(a, who.userId, now, MAX_WAITING)
  if (!joined.ok) {
    if (joined.refused === 'waitlistFull') fail('activity.waitlistFull')
    const fresh = await loadActivity(deps, activityId)
    assertMay('signUpFor', fresh, factsFor(actor, fresh, known, deps.now()))
    fail('activity.wrongStatus')
  }
  if (joined.ok && joined.value !== 'already') {
    const after = await loadActivity(deps, activityId)
    const mine = myState(after, who.userId)
    const n =
      mine.state === 'waiting'
        ? volunteerNotices.waiting(after, now, who.userId, mine.position!)
        : volunteerNotices.placed(after, now, who.userId)
    if (hasAudience(n)) await deps.notices.queue([queued(n, deps.newId)])
  }
  return attendanceView(deps, actor, activityId)
}
