import type * as routes from '../../../../contracts/volunteering'
import type { VolunteerSettings } from '../../../../contracts/volunteering'
import type { Actor } from '../identity/actor'
import { DomainError, fail, found } from '../shared/errors'
import { holdsRole } from '../shared/places'
import { assertLead, communityPlace, isCommunityLead } from './facts'
import type { UnitRecord, Body } from './model'
import type { VolunteeringDeps } from './ports'

/** The crediting rule a community starts with: half hours, 60% attendance, 8 hours a day. */
export const defaultSettings: VolunteerSettings = { unitMinutes: 30, attendanceShare: 0.6, dailyCapHours: 8 }

export const getVolunteerSettings = async (deps: VolunteeringDeps, communityId: string): Promise<VolunteerSettings> => {
  await communityPlace(deps, communityId)
  return (await deps.volunteerSettings.get(communityId)) ?? defaultSettings
}

export const putVolunteerSettings = async (
  deps: VolunteeringDeps,
  actor: Actor,
  communityId: string,
  settings: VolunteerSettings,
) => {
  const place = await communityPlace(deps, communityId)
  if (!holdsRole(actor.principal, ['communityAdmin'], place)) fail('auth.forbidden')
  await deps.volunteerSettings.put(communityId, settings)
  return settings
}

/** Units paired with a community; their contacts' phones only for its leads (a registrant needs the names). */
export const listUnits = async (deps: VolunteeringDeps, actor: Actor, communityId: string) => {
  const place = await communityPlace(deps, communityId)
  const lead = isCommunityLead(actor.principal, place)
  return (await deps.volunteerUnits.listForCommunity(communityId)).map((u) =>
    lead ? u : { ...u, contact: { name: u.contact.name, phone: '' } },
  )
}

type UnitBody = Omit<Body<typeof routes.createUnit>, 'unitId'>

/** The community admin or the street registers a unit and pairs it with the community; a repeat returns the first. */
export const createUnit = async (
  deps: VolunteeringDeps,
  actor: Actor,
  communityId: string,
  input: UnitBody & { unitId: string },
) => {
  const place = await communityPlace(deps, communityId)
  assertLead(actor.principal, place)
  const unit: UnitRecord = {
    ...input,
    communityIds: [communityId],
    createdAt: deps.now().toISOString(),
    createdBy: actor.principal.userId,
  }
  const created = await deps.volunteerUnits.create(unit)
  if (created.ok) return unit
  const first = found(await deps.volunteerUnits.get(input.unitId), 'request.idConflict')
  if (first.createdBy !== actor.principal.userId) fail('request.idConflict')
  return first
}

/** A lead of any community the unit is paired with keeps it; pairings may be added for communities the caller also leads. */
export const updateUnit = async (
  deps: VolunteeringDeps,
  actor: Actor,
  unitId: string,
  input: Body<typeof routes.updateUnit>,
) => {
  const unit = found(await deps.volunteerUnits.get(unitId), 'unit.notFound')
  const { communityIds: wanted, ...body } = input
  const leads = async (communityId: string) => {
    const place = await deps.structure.resolvePlace({ type: 'community', id: communityId })
    return place !== undefined && isCommunityLead(actor.principal, place)
  }
  if (!(await Promise.all(unit.communityIds.map(leads))).some(Boolean)) throw new DomainError('auth.forbidden')
  const added = (wanted ?? []).filter((c) => !unit.communityIds.includes(c))
  if (!(await Promise.all(added.map(leads))).every(Boolean)) throw new DomainError('auth.forbidden')
  const next: UnitRecord = { ...unit, ...body, communityIds: [...unit.communityIds, ...added] }
  if (!body.liaisonUserId) delete next.liaisonUserId
  if (body.partyMembers === undefined) delete next.partyMembers
  await deps.volunteerUnits.update(next)
  return next
}
