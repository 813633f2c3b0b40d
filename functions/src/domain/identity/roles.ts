import type { Me } from '../../../../contracts/identity'
import type { Place, Role } from '../../../../contracts/common'
import { fail, found } from '../shared/errors'
import { authorize, roleFitsPlace, type Principal } from '../shared/places'
import type { PhotoStore } from '../uploads/ports'
import type { IdentityDeps, LoadedUser } from './ports'

/**
 * A community admin grants roles inside their community (a street-level admin inside the street). Each role
 * is held at the kind of place it belongs to: a building head at a building, a grid worker at a grid.
 */
export const grantRole = async (
  deps: IdentityDeps,
  actor: Principal,
  input: { userId: string; role: Role; place: Place },
) => {
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
export const getMe = async (deps: IdentityDeps & { photos?: PhotoStore }, loaded: LoadedUser): Promise<Me> => {
  // A user belongs to one or two households: the compounds and communities around them are few, read once each.
  const names = new Map<string, Promise<string>>()
  const nameOf = (kind: 'compound' | 'community', id: string) => {
    const key = `${kind}:${id}`
    if (!names.has(key)) {
      const read = kind === 'compound' ? deps.structure.getCompound(id) : deps.structure.getCommunity(id)
      names.set(
        key,
        read.then((p) => p?.name ?? ''),
      )
    }
    return names.get(key)!
  }
  const read = await Promise.all(
    loaded.memberships.map(async (m) => {
      const h = await deps.structure.getHousehold(m.householdId)
      // A membership whose household is gone (never in practice) is left out rather than shown without a place.
      if (!h) return []
      const { compoundId, communityId } = h
      const [compoundName, communityName] = await Promise.all([
        nameOf('compound', compoundId),
        nameOf('community', communityId),
      ])
      return [
        {
          householdId: m.householdId,
          buildingId: m.buildingId,
          buildingName: m.buildingName,
          compoundId,
          compoundName,
          communityId,
          communityName,
          unit: m.unit,
          room: m.room,
          isRepresentative: h.representativeUserId === loaded.user.userId,
        },
      ]
    }),
  )
  const households = read.flat()
  const avatarUrl = loaded.user.avatarKey && deps.photos ? await deps.photos.viewUrl(loaded.user.avatarKey) : undefined
  return {
    userId: loaded.user.userId,
    displayName: loaded.user.displayName,
    hasNickname: loaded.user.nicknameSet === true,
    ...(avatarUrl ? { avatarUrl } : {}),
    grants: loaded.grants.map((g) => ({
      role: g.role,
      place: { type: g.placeType, id: g.placeId },
      placeName: g.placeName,
    })),
    households,
    bindingRequests: loaded.bindingRequests,
  }
}
