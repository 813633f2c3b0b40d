import type { Actor } from '../identity/actor'
import { DomainError, found } from '../shared/errors'
import { holdsRole, isWithin, type PlaceRef, type Principal } from '../shared/places'
import type { ActivityRecord, AttendanceRecord, RegistrationRecord } from './model'
import type { VolunteeringDeps } from './ports'
import { guard, type Action, type Facts } from './states'

/** The community as authorization sees it (its path from the street), or `community.notFound`. */
export const communityPlace = async (
  deps: Pick<VolunteeringDeps, 'structure'>,
  communityId: string,
): Promise<PlaceRef> =>
  found(await deps.structure.resolvePlace({ type: 'community', id: communityId }), 'community.notFound')

/** 两委 or the community admin (a street's admin included): they keep units, registrations, the rule, and any activity. */
export const isCommunityLead = (p: Principal, place: PlaceRef) => holdsRole(p, ['committee', 'communityAdmin'], place)

/** The community's staff who publish activities: its leads and the grid workers of its grids. */
export const isCommunityStaff = (p: Principal, place: PlaceRef) =>
  isCommunityLead(p, place) || p.grants.some((g) => g.role === 'gridWorker' && isWithin(g.placePath, place.path))

export const assertLead = (p: Principal, place: PlaceRef) => {
  if (!isCommunityLead(p, place)) throw new DomainError('auth.forbidden')
}

/** The organiser runs their activity; the community's leads may run any of its activities. */
export const manages = (p: Principal, a: ActivityRecord, place: PlaceRef) =>
  a.organiser.userId === p.userId || isCommunityLead(p, place)

export const myState = (
  a: Pick<ActivityRecord, 'placedIds' | 'waitingIds'>,
  userId: string,
): { state: Facts['state']; position?: number } => {
  if (a.placedIds.includes(userId)) return { state: 'placed' }
  const i = a.waitingIds.indexOf(userId)
  return i >= 0 ? { state: 'waiting', position: i + 1 } : { state: 'none' }
}

/** The caller's approved registration as the activity's community sees it. */
export const registeredAs = (
  r: RegistrationRecord | undefined,
  communityId: string,
): Pick<Facts, 'registered' | 'elsewhere'> => {
  if (!r || r.status !== 'approved') return { elsewhere: false }
  return r.communityId === communityId ? { registered: r.kind, elsewhere: false } : { elsewhere: true }
}

export interface Known {
  place: PlaceRef
  registration?: RegistrationRecord
  attendance?: AttendanceRecord
}

/** What the state table decides on, for one caller and one activity. */
export const factsFor = (actor: Actor, a: ActivityRecord, known: Known, now: Date): Facts => ({
  manages: manages(actor.principal, a, known.place),
  ...registeredAs(known.registration, a.communityId),
  state: myState(a, actor.principal.userId).state,
  checkedIn: Boolean(known.attendance?.checkIn),
  checkedOut: Boolean(known.attendance?.checkOut),
  now,
})

/** Reads what the facts need: the activity's community, the caller's registration and attendance. */
export const knownFor = async (
  deps: VolunteeringDeps,
  actor: Actor,
  a: ActivityRecord,
  options: { attendance?: boolean } = {},
): Promise<Known> => {
  const [place, registration, attendance] = await Promise.all([
    communityPlace(deps, a.communityId),
    deps.volunteerRegistrations.get(actor.principal.userId),
    options.attendance === false ? undefined : deps.attendance.get(a.activityId, actor.principal.userId),
  ])
  return { place, ...(registration ? { registration } : {}), ...(attendance ? { attendance } : {}) }
}

export const assertMay = (action: Action, a: ActivityRecord, f: Facts) => {
  const code = guard(action, a, f)
  if (code) throw new DomainError(code)
}

export const loadActivity = async (deps: VolunteeringDeps, activityId: string) =>
  found(await deps.activities.get(activityId), 'activity.notFound')
