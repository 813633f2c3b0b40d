import type { Actor } from '../identity/actor'
import { found } from '../shared/errors'
import { authorize } from '../shared/places'
import { defaultWishSettings, type WishSettings } from './model'
import type { MicroWishDeps } from './ports'

/** The community's rules for wishes; the defaults until its admin changes them. */
export const settingsFor = async (
  deps: Pick<MicroWishDeps, 'wishSettings'>,
  communityId: string,
): Promise<WishSettings> => (await deps.wishSettings.get(communityId)) ?? defaultWishSettings

export const getWishSettings = async (deps: MicroWishDeps, input: { communityId: string }) => {
  found(await deps.structure.getCommunity(input.communityId), 'community.notFound')
  return settingsFor(deps, input.communityId)
}

/** The community admin sets the limits, the points range, the periods and who may claim. */
export const putWishSettings = async (
  deps: MicroWishDeps,
  actor: Actor,
  input: { communityId: string; settings: WishSettings },
) => {
  const place = found(
    await deps.structure.resolvePlace({ type: 'community', id: input.communityId }),
    'community.notFound',
  )
  authorize(actor.principal, ['communityAdmin'], place)
  await deps.wishSettings.put(input.communityId, input.settings)
  return input.settings
}
