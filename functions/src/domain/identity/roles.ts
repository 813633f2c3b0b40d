import type { Me } from '../../../../contracts/identity'
import type { Place, Role } from '../../../../contracts/common'
import { fail, found } from '../shared/errors'
import { authorize, roleFitsPlace, type Principal } from '../shared/places'
import type { IdentityDeps, LoadedUser } from './ports'

/**
 * A community admin grants roles inside their community (a street-level admin inside the street). Each role
 * is held at the kind of place it belongs to: a building head at a building, a grid worker at a grid.
 */
export const grantRole = async (deps: IdentityDeps, actor: Principal, input: { userId: string; role: Role; place: Place }) => {
  if (!roleFitsPlace(input.role, input.place.type)) fail('role.placeMismatch')
  const place = found(await deps.structure.resolvePlace(input.place), `${input.place.type}.notFound`)
  authorize(actor, ['communityAdmin'], place)
  found(await deps.identity.getUser(input.userId), 'user.notFound')
  await deps.identity.putGrant({
    userId: input.userId,
    role: input.role,
    placeType: place.type,
    placeId: place.id,
    placeName: place.name,
    placePath: place.path,
    ...(place.buildingId ? { buildingId: place.buildingId } : {}),
  })
  return { ok: true as const }
}

export const toPrincipal = (loaded: LoadedUser): Principal => ({
  userId: loaded.user.userId,
  displayName: loaded.user.displayName,
  grants: loaded.grants,
  householdIds: loaded.memberships.map((m) => m.householdId),
})

/** The user's own view; representative status is read from the households so it is never stale. */
export const getMe = async (deps: IdentityDeps, loaded: LoadedUser): Promise<Me> => {
  const households = await Promise.all(
    loaded.memberships.map(async (m) => {
      const h = await deps.structure.getHousehold(m.householdId)
      return {
        householdId: m.householdId,
        buildingId: m.buildingId,
        buildingName: m.buildingName,
        unit: m.unit,
        room: m.room,
        isRepresentative: h?.representativeUserId === loaded.user.userId,
      }
    }),
  )
  return {
    userId: loaded.user.userId,
    displayName: loaded.user.displayName,
    grants: loaded.grants.map((g) => ({ role: g.role, place: { type: g.placeType, id: g.placeId }, placeName: g.placeName })),
    households,
    bindingRequests: loaded.bindingRequests,
  }
}
