import type { z } from 'zod'
import type { Organisation, OrganisationKind } from '../../../../contracts/structure'
import type { IdentityStore } from '../identity/ports'
import { fail, found } from '../shared/errors'
import { authorize, isWithin, type Principal } from '../shared/places'
import type { StructureStore } from './ports'

/*
 * 责任方名录: the organisations of a community a matter can be handed to (the property company, the 居委会, a
 * street department), each with the accounts that act for it. Kept by the community admin; read by the staff who
 * choose a responsible party, and by deliberation to know whom a matter is assigned to.
 */

export interface OrganisationRecord {
  organisationId: string
  communityId: string
  kind: z.infer<typeof OrganisationKind>
  name: string
  memberIds: string[]
  updatedAt: string
  updatedBy: string
}

/** One organisation a user acts for (their side of the registry, so "what is assigned to me" is one Query). */
export interface Membership {
  organisationId: string
  communityId: string
  kind: OrganisationRecord['kind']
  name: string
}

export interface OrganisationStore {
  list(communityId: string): Promise<OrganisationRecord[]>
  get(communityId: string, organisationId: string): Promise<OrganisationRecord | undefined>
  /** The organisations a user acts for, in every community. */
  ofMember(userId: string): Promise<Membership[]>
  /** Writes the organisation and its members' side, removing those no longer in it (`previous`), in one transaction. */
  put(organisation: OrganisationRecord, previous?: OrganisationRecord): Promise<void>
}

export interface OrganisationDeps {
  organisations: OrganisationStore
  structure: StructureStore
  identity: Pick<IdentityStore, 'getUsers'>
  now: () => Date
}

const staffRoles = ['committee', 'communityAdmin', 'gridWorker', 'buildingHead', 'propertyManager'] as const

const communityPlace = async (deps: Pick<OrganisationDeps, 'structure'>, communityId: string) =>
  found(await deps.structure.resolvePlace({ type: 'community', id: communityId }), 'community.notFound')

const view = async (deps: Pick<OrganisationDeps, 'identity'>, orgs: OrganisationRecord[]): Promise<Organisation[]> => {
  const users = new Map(
    (await deps.identity.getUsers([...new Set(orgs.flatMap((o) => o.memberIds))])).map((u) => [
      u.userId,
      u.displayName,
    ]),
  )
  return orgs.map((o) => ({
    organisationId: o.organisationId,
    communityId: o.communityId,
    kind: o.kind,
    name: o.name,
    members: o.memberIds.map((userId) => ({ userId, name: users.get(userId) ?? '' })),
  }))
}

const byName = new Intl.Collator('zh-CN', { numeric: true })

/** Read by any staff member serving the community or a place in it (the committee choosing, a worker seeing who carries a matter out). */
export const listOrganisations = async (deps: OrganisationDeps, actor: Principal, input: { communityId: string }) => {
  const place = await communityPlace(deps, input.communityId)
  const serves = actor.grants.some(
    (g) =>
      (staffRoles as readonly string[]).includes(g.role) &&
      (isWithin(g.placePath, place.path) || isWithin(place.path, g.placePath)),
  )
  if (!serves) authorize(actor, staffRoles, place)
  const orgs = (await deps.organisations.list(input.communityId)).sort(
    (a, b) => a.kind.localeCompare(b.kind) || byName.compare(a.name, b.name),
  )
  return { items: await view(deps, orgs) }
}

/** The community admin registers or changes an organisation under the id the client made (a repeat writes the same). */
export const putOrganisation = async (
  deps: OrganisationDeps,
  actor: Principal,
  input: {
    communityId: string
    organisationId: string
    kind: OrganisationRecord['kind']
    name: string
    memberIds: string[]
  },
): Promise<Organisation> => {
  const place = await communityPlace(deps, input.communityId)
  authorize(actor, ['communityAdmin'], place)
  const memberIds = [...new Set(input.memberIds)]
  const known = new Set((await deps.identity.getUsers(memberIds)).map((u) => u.userId))
  const missing = memberIds.findIndex((id) => !known.has(id))
  if (missing >= 0) fail('user.notFound', [{ path: `body.memberIds.${missing}`, message: '没有这个账号' }])
  const previous = await deps.organisations.get(input.communityId, input.organisationId)
  const record: OrganisationRecord = {
    organisationId: input.organisationId,
    communityId: input.communityId,
    kind: input.kind,
    name: input.name,
    memberIds,
    updatedAt: deps.now().toISOString(),
    updatedBy: actor.userId,
  }
  await deps.organisations.put(record, previous)
  return (await view(deps, [record]))[0]!
}
