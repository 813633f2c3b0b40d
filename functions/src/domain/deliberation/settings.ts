import type { DeliberationSettings } from '../../../../contracts/deliberation'
import type { Actor } from '../identity/actor'
import { found } from '../shared/errors'
import { authorize } from '../shared/places'
import { defaultSettings } from './model'
import type { DeliberationDeps } from './ports'

/** The community's 六议六不议 lists and rules of procedure; the defaults until its admin changes them. */
export const settingsFor = async (
  deps: Pick<DeliberationDeps, 'deliberationSettings'>,
  communityId: string,
): Promise<DeliberationSettings> => (await deps.deliberationSettings.get(communityId)) ?? defaultSettings

export const getSettings = async (deps: DeliberationDeps, input: { communityId: string }) => {
  found(await deps.structure.getCommunity(input.communityId), 'community.notFound')
  return settingsFor(deps, input.communityId)
}

/** The community admin keeps the 六议六不议 lists and the rules of procedure. */
export const putSettings = async (
  deps: DeliberationDeps,
  actor: Actor,
  input: { communityId: string; settings: DeliberationSettings },
) => {
  const place = found(
    await deps.structure.resolvePlace({ type: 'community', id: input.communityId }),
    'community.notFound',
  )
  authorize(actor.principal, ['communityAdmin'], place)
  await deps.deliberationSettings.put(input.communityId, input.settings)
  return input.settings
}
