import { homesOf, type Actor } from '../identity/actor'
import { DomainError } from '../shared/errors'
import { holdsRole, isWithin, type PlaceRef } from '../shared/places'
import type { WishRecord, WishSettings } from './model'
import type { MicroWishDeps } from './ports'
import { guard, type Action, type Facts } from './states'

/** `street:S/community:C/…` → `street:S/community:C`. */
export const communityPathOf = (path: string): string => {
  const segments = path.split('/')
  const at = segments.findIndex((s) => s.startsWith('community:'))
  return segments.slice(0, at + 1).join('/')
}

const householdPlace = (w: WishRecord): PlaceRef => ({
  type: 'household',
  id: w.beneficiary.householdId,
  name: '',
  path: w.placePath,
  gridId: w.gridId,
  buildingId: w.beneficiary.buildingId,
})

export const isGridWorkerOf = (actor: Actor, w: Pick<WishRecord, 'gridId' | 'gridPath'>) =>
  holdsRole(actor.principal, ['gridWorker'], { type: 'grid', id: w.gridId, name: '', path: w.gridPath })

/** What a claim records of the claimant: their 报到单位 when the registration names one. */
export interface Claimant {
  unit?: { unitId: string; unitName: string }
}

/**
 * Whether the community admits the caller as a claimant: an in-service member registered with it (双报到, through
 * the port), else one holding the `inServiceMember` role at the community; and, where the community's rule widens
 * it, its party households or any of its residents.
 */
export const claimantOf = async (
  deps: MicroWishDeps,
  actor: Actor,
  w: Pick<WishRecord, 'communityId' | 'placePath'>,
  settings: WishSettings,
): Promise<Claimant | undefined> => {
  const p = actor.principal
  const communityPath = communityPathOf(w.placePath)
  const registration = await deps.servingMembers.servingMember(w.communityId, p.userId)
  if (registration)
    return registration.unitId
      ? { unit: { unitId: registration.unitId, unitName: registration.unitName || registration.unitId } }
      : {}
  if (
    !p.system &&
    holdsRole(p, ['inServiceMember'], { type: 'community', id: w.communityId, name: '', path: communityPath })
  )
    return {}
  if (
    settings.whoMayClaim === 'membersAndPartyHouseholds' &&
    p.grants.some((g) => g.role === 'partyHousehold' && isWithin(g.placePath, communityPath))
  )
    return {}
  if (
    settings.whoMayClaim === 'membersAndResidents' &&
    (await homesOf(deps, actor)).some((h) => isWithin(h.path, communityPath))
  )
    return {}
  return undefined
}

/**
 * Who the caller is relative to one wish. Whether they may claim (a port read and their record) is read only where
 * a claim is possible at all: on the wall, for someone not of the wish's household.
 */
export const factsFor = async (
  deps: MicroWishDeps,
  actor: Actor,
  w: WishRecord,
  settings: WishSettings,
  options: { claim?: boolean } = {},
): Promise<Facts & { claimant?: Claimant }> => {
  const p = actor.principal
  const isPoster = w.posterId === p.userId
  const ofHousehold = actor.user.memberships.some((m) => m.householdId === w.beneficiary.householdId)
  const base = {
    isPoster,
    ofHousehold,
    isGridWorker: isGridWorkerOf(actor, w),
    isCommunityStaff: holdsRole(p, ['committee', 'communityAdmin'], householdPlace(w)),
    isClaimant: w.claim?.userId === p.userId,
    mayClaim: false,
    activeClaims: 0,
    activeClaimLimit: settings.activeClaimLimit,
  }
  // A claim is read for when one is asked for, or possible at all (a view of a wish on the wall).
  if (!(options.claim ?? w.status === 'published') || isPoster || ofHousehold) return base
  const [claimant, record] = await Promise.all([claimantOf(deps, actor, w, settings), deps.wishes.member(p.userId)])
  return {
    ...base,
    mayClaim: claimant !== undefined,
    activeClaims: record?.active ?? 0,
    ...(claimant ? { claimant } : {}),
  }
}

export const assertMay = (action: Action, w: WishRecord, f: Facts) => {
  const code = guard(action, w, f)
  if (code) throw new DomainError(code)
}
