import type { Building, Community, Compound, Street } from '../../../../contracts/structure'
import { fail, found } from '../shared/errors'
import { orFail, type Outcome } from '../shared/outcome'
import { authorize, type Principal } from '../shared/places'
import type { StructureDeps } from './ports'
import { normaliseRoom, normaliseUnit } from './address'

/**
 * A create the client named (`…Id` in the body) is written once: a repeat finds the first under the same parent
 * and returns it; the same id used for something else is refused.
 */
const createOnce = async <T>(
  written: Outcome<'exists'>,
  made: T,
  earlier: () => Promise<T | undefined>,
  sameParent: (t: T) => boolean,
): Promise<T> => {
  if (written.ok) return made
  const first = await earlier()
  return first && sameParent(first) ? first : fail('request.idConflict')
}

/** A street is the top of the tree: only the platform creates one (the bootstrap and seed scripts; no HTTP route). */
export const createStreet = async (deps: StructureDeps, actor: Principal, input: { name: string }): Promise<Street> => {
  authorize(actor, [], { type: 'street', id: '', name: '', path: '' })
  const street = { streetId: deps.newId(), name: input.name }
  if (!(await deps.structure.putStreet(street)).ok) fail('request.idConflict')
  return street
}

/** A street's community admin opens communities under it. */
export const createCommunity = async (
  deps: StructureDeps,
  actor: Principal,
  input: { streetId: string; name: string; communityId?: string },
): Promise<Community> => {
  const street = found(await deps.structure.resolvePlace({ type: 'street', id: input.streetId }), 'street.notFound')
  authorize(actor, ['communityAdmin'], street)
  const community = { communityId: input.communityId ?? deps.newId(), streetId: input.streetId, name: input.name }
  return createOnce(
    await deps.structure.putCommunity(community),
    community,
    () => deps.structure.getCommunity(community.communityId),
    (c) => c.streetId === input.streetId,
  )
}

export const createCompound = async (
  deps: StructureDeps,
  actor: Principal,
  input: { communityId: string; name: string; compoundId?: string },
): Promise<Compound> => {
  const community = found(await deps.structure.getCommunity(input.communityId), 'community.notFound')
  const place = found(
    await deps.structure.resolvePlace({ type: 'community', id: community.communityId }),
    'community.notFound',
  )
  authorize(actor, ['communityAdmin'], place)
  const compound = {
    compoundId: input.compoundId ?? deps.newId(),
    communityId: community.communityId,
    streetId: community.streetId,
    name: input.name,
  }
  const made = await createOnce(
    await deps.structure.putCompound(compound),
    compound,
    () => deps.structure.getCompound(compound.compoundId),
    (c) => c.communityId === community.communityId,
  )
  return { compoundId: made.compoundId, communityId: made.communityId, name: made.name }
}

export const createBuilding = async (
  deps: StructureDeps,
  actor: Principal,
  input: { compoundId: string; name: string; buildingId?: string },
): Promise<Building> => {
  const compound = found(await deps.structure.getCompound(input.compoundId), 'compound.notFound')
  const place = found(
    await deps.structure.resolvePlace({ type: 'compound', id: compound.compoundId }),
    'compound.notFound',
  )
  authorize(actor, ['communityAdmin'], place)
  const building = {
    buildingId: input.buildingId ?? deps.newId(),
    compoundId: compound.compoundId,
    communityId: compound.communityId,
    streetId: compound.streetId,
    name: input.name,
  }
  const made = await createOnce(
    await deps.structure.putBuilding(building),
    building,
    () => deps.structure.getBuilding(building.buildingId),
    (b) => b.compoundId === compound.compoundId,
  )
  return { buildingId: made.buildingId, compoundId: made.compoundId, communityId: made.communityId, name: made.name }
}

/** Registering households is idempotent by address: a room already on file is counted, not duplicated. */
export const addHouseholds = async (
  deps: StructureDeps,
  actor: Principal,
  input: { buildingId: string; households: { unit: string; room: string }[] },
) => {
  const building = found(await deps.structure.getBuilding(input.buildingId), 'building.notFound')
  const place = found(
    await deps.structure.resolvePlace({ type: 'building', id: building.buildingId }),
    'building.notFound',
  )
  authorize(actor, ['communityAdmin', 'gridWorker'], place)
  // The register keeps the bare form (1, 101), whichever way the staff wrote it (1单元, 101室).
  const unique = new Map(
    input.households
      .map((h) => ({ unit: normaliseUnit(h.unit), room: normaliseRoom(h.room) }))
      .map((h) => [`${h.unit}#${h.room}`, h]),
  )
  return deps.structure.addHouseholds(
    building,
    [...unique.values()].map((h) => ({ householdId: deps.newId(), unit: h.unit, room: h.room })),
  )
}

export const renamePlace = async (
  deps: StructureDeps,
  actor: Principal,
  input: { placeType: 'community' | 'compound' | 'building'; placeId: string; name: string },
) => {
  const place = found(
    await deps.structure.resolvePlace({ type: input.placeType, id: input.placeId }),
    `${input.placeType}.notFound`,
  )
  authorize(actor, ['communityAdmin'], place)
  orFail(await deps.structure.rename(input.placeType, input.placeId, input.name), {
    missing: `${input.placeType}.notFound`,
  })
  return { ok: true as const }
}

export const getCommunityStructure = async (deps: StructureDeps, actor: Principal, input: { communityId: string }) => {
  const community = found(await deps.structure.getCommunity(input.communityId), 'community.notFound')
  const place = found(
    await deps.structure.resolvePlace({ type: 'community', id: community.communityId }),
    'community.notFound',
  )
  authorize(actor, ['communityAdmin', 'committee', 'gridWorker'], place)
  const { compounds, buildings, grids } = await deps.structure.listCommunity(community.communityId)
  return {
    community,
    compounds,
    buildings,
    grids: grids.map(({ gridId, communityId, name, buildingIds }) => ({ gridId, communityId, name, buildingIds })),
  }
}
