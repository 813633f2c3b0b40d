import type * as routes from '../../../../contracts/volunteering'
import type { Actor } from '../identity/actor'
import { screenText } from '../moderation/screen'
import { fail, found } from '../shared/errors'
import { orFail } from '../shared/outcome'
import { registrationCounters, type Belonging } from './counters'
import { assertLead, communityPlace } from './facts'
import type { RegistrationRecord, Body } from './model'
import type { InServiceMembers, VolunteeringDeps } from './ports'

/*
 * 双报到: an in-service party member registers with the community where they live, naming their unit; a resident
 * who is not a party member registers as a volunteer. One registration per person; the community approves it.
 * An approved member's unit and community are on every record they earn.
 */

const belonging = (r: RegistrationRecord): Belonging => ({
  userId: r.userId,
  kind: r.kind,
  communityId: r.communityId,
  streetId: r.streetId,
  ...(r.unitId ? { unitId: r.unitId } : {}),
})

export const myRegistration = async (deps: VolunteeringDeps, actor: Actor) =>
  (await deps.volunteerRegistrations.get(actor.principal.userId)) ?? null

/**
 * Registers, or changes a registration. Skills, availability and phone change in place; a new community, kind or
 * unit goes back to the community for approval (and an approved one stops counting until then).
 */
export const putMyRegistration = async (
  deps: VolunteeringDeps,
  actor: Actor,
  input: Body<typeof routes.putMyRegistration>,
) => {
  const community = found(await deps.structure.getCommunity(input.communityId), 'community.notFound')
  let unitName: string | undefined
  if (input.kind === 'member') {
    if (!input.unitId) fail('registration.unitRequired')
    const unit = found(await deps.volunteerUnits.get(input.unitId!), 'unit.notFound')
    if (!unit.communityIds.includes(input.communityId)) fail('registration.unitNotPaired')
    unitName = unit.name
  }
  await screenText(
    deps,
    actor,
    input.skills.map((text, i) => ({ field: `body.skills.${i}`, text })),
    'profile',
  )
  const before = await deps.volunteerRegistrations.get(actor.principal.userId)
  const unitId = input.kind === 'member' ? input.unitId : undefined
  const same =
    before && before.communityId === input.communityId && before.kind === input.kind && before.unitId === unitId
  const at = deps.now().toISOString()
  const next: RegistrationRecord = {
    userId: actor.principal.userId,
    name: actor.principal.displayName,
    ...(input.phone ? { phone: input.phone } : actor.user.user.phone ? { phone: actor.user.user.phone } : {}),
    communityId: community.communityId,
    communityName: community.name,
    streetId: community.streetId,
    kind: input.kind,
    ...(unitId ? { unitId, unitName: unitName! } : {}),
    skills: [...new Set(input.skills)],
    availability: [...new Set(input.availability)],
    status: same ? before.status : 'pending',
    createdAt: same ? before.createdAt : at,
    ...(same && before.decidedAt ? { decidedAt: before.decidedAt, decidedBy: before.decidedBy! } : {}),
    ...(same && before.reason ? { reason: before.reason } : {}),
  }
  // A refused registration asked again goes back to the queue.
  if (same && before.status === 'refused') {
    next.status = 'pending'
    delete next.reason
  }
  const withdrawn = before?.status === 'approved' && !same ? registrationCounters(belonging(before), -1) : undefined
  await deps.volunteerRegistrations.put(next, withdrawn)
  return next
}

export const listRegistrations = async (
  deps: VolunteeringDeps,
  actor: Actor,
  communityId: string,
  status?: RegistrationRecord['status'],
) => {
  assertLead(actor.principal, await communityPlace(deps, communityId))
  return deps.volunteerRegistrations.listForCommunity(communityId, status)
}

/** The community approves (it then counts among those reported) or refuses with a reason. */
export const decideRegistration = async (
  deps: VolunteeringDeps,
  actor: Actor,
  userId: string,
  input: Body<typeof routes.decideRegistration>,
) => {
  const r = found(await deps.volunteerRegistrations.get(userId), 'registration.notFound')
  assertLead(actor.principal, await communityPlace(deps, r.communityId))
  if (r.status !== 'pending') fail('registration.notPending')
  const at = deps.now().toISOString()
  const next: RegistrationRecord =
    input.decision === 'approve'
      ? { ...r, status: 'approved', decidedAt: at, decidedBy: actor.principal.displayName }
      : { ...r, status: 'refused', reason: input.reason, decidedAt: at, decidedBy: actor.principal.displayName }
  orFail(
    await deps.volunteerRegistrations.decide(
      next,
      input.decision === 'approve' ? registrationCounters(belonging(next), 1) : [],
    ),
    {
      notPending: 'registration.notPending',
    },
  )
  // An approved member holds the 在职党员 role at the community, as the rest of the product reads roles.
  if (next.status === 'approved' && next.kind === 'member') {
    const place = await communityPlace(deps, next.communityId)
    await deps.identity.putGrant({
      userId,
      role: 'inServiceMember',
      placeType: 'community',
      placeId: place.id,
      placeName: place.name,
      placePath: place.path,
    })
  }
  return next
}

/** The registration query other capabilities are given (micro-wishes: "may this user claim as an in-service member, of which unit"). */
export const inServiceMembers = (deps: Pick<VolunteeringDeps, 'volunteerRegistrations'>): InServiceMembers => ({
  async approvedMember(communityId, userId) {
    const r = await deps.volunteerRegistrations.get(userId)
    return r && r.status === 'approved' && r.kind === 'member' && r.communityId === communityId && r.unitId
      ? { unitId: r.unitId, unitName: r.unitName ?? '', approvedAt: r.decidedAt ?? r.createdAt }
      : undefined
  },
})
