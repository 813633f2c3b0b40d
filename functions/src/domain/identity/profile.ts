import type { Me } from '../../../../contracts/identity'
import { screenPhotos, screenText } from '../moderation/screen'
import type { ScreeningDeps } from '../moderation/ports'
import { fail } from '../shared/errors'
import { checkPhotos } from '../uploads/uploads'
import { communityOf, homesOf, type Actor } from './actor'
import type { IdentityDeps } from './ports'
import { getMe } from './roles'

export type ProfileDeps = IdentityDeps & ScreeningDeps

/**
 * 头像昵称填写: the nickname WeChat's nickname input gave (checked again here with msgSecCheck, scene 资料) and an
 * avatar the user chose and uploaded through the shared uploads (their own photo; sent to WeChat's image check where
 * the user has a community, so a late verdict can hide it). A nickname WeChat wants a person to look at is not used:
 * a name is shown at once everywhere its owner acts, so it cannot wait in a queue.
 */
export const putProfile = async (
  deps: ProfileDeps,
  actor: Actor,
  input: { nickname?: string; avatarKey?: string },
): Promise<Me> => {
  if (input.avatarKey) await checkPhotos(deps, actor, [input.avatarKey], 'body.avatarKey')
  if (input.nickname !== undefined) {
    const screening = await screenText(deps, actor, [{ field: 'body.nickname', text: input.nickname }], 'profile')
    if (screening.verdict === 'review')
      fail('profile.nicknameHeld', [{ path: 'body.nickname', message: '这个昵称需要人工审核，暂时不能使用，请换一个' }])
  }
  if (input.avatarKey) {
    const homes = await homesOf(deps, actor)
    const communityId = communityOf(actor, homes)
    const placePath = homes[0]?.path ?? actor.principal.grants[0]?.placePath
    if (communityId && placePath) {
      const name = input.nickname ?? actor.principal.displayName
      await screenPhotos(
        deps,
        actor,
        [input.avatarKey],
        {
          communityId,
          placePath,
          subject: { kind: 'profile', id: actor.principal.userId, title: `${name}的头像`, page: 'pages/mine/index' },
          authorId: actor.principal.userId,
          authorName: name,
        },
        'profile',
      )
    }
  }
  await deps.identity.updateProfile(actor.principal.userId, {
    ...(input.nickname !== undefined ? { displayName: input.nickname } : {}),
    ...(input.avatarKey ? { avatarKey: input.avatarKey } : {}),
  })
  const loaded = (await deps.identity.loadUser(actor.principal.userId)) ?? actor.user
  return getMe(deps, loaded)
}
