import type { DeliberationSettings } from '../../../../contracts/deliberation'
import { DomainError, fail, found } from '../shared/errors'
import { assertMay, factsFor, householdPaths, type Actor } from './facts'
import { actorOf, event, notices } from './events'
import { defaultSettings, type MatterRecord, type ScopeRef } from './model'
import type { DeliberationDeps } from './ports'
import { authorize } from '../shared/places'

export const settingsFor = async (deps: DeliberationDeps, communityId: string): Promise<DeliberationSettings> =>
  (await deps.deliberation.getSettings(communityId)) ?? defaultSettings

export const getSettings = async (deps: DeliberationDeps, input: { communityId: string }) => {
  found(await deps.structure.getCommunity(input.communityId), 'community.notFound')
  return settingsFor(deps, input.communityId)
}

/** The community admin keeps the 六议六不议 lists and the rules of procedure. */
export const putSettings = async (deps: DeliberationDeps, actor: Actor, input: { communityId: string; settings: DeliberationSettings }) => {
  const place = found(await deps.structure.resolvePlace({ type: 'community', id: input.communityId }), 'community.notFound')
  authorize(actor.principal, ['communityAdmin'], place)
  await deps.deliberation.putSettings(input.communityId, input.settings)
  return input.settings
}

const extensions: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }

/** A photo goes straight from the phone to object storage; the API only signs the upload, under the user's prefix. */
export const createUpload = async (deps: DeliberationDeps, actor: Actor, input: { contentType: 'image/jpeg' | 'image/png' | 'image/webp'; size: number }) => {
  const key = `uploads/${actor.principal.userId}/${deps.newId()}.${extensions[input.contentType]}`
  const { url, headers } = await deps.photos.presignUpload(key, input.contentType, input.size)
  return { key, uploadUrl: url, method: 'PUT' as const, headers }
}

const checkPhotos = async (deps: DeliberationDeps, actor: Actor, keys: string[]) => {
  for (const key of keys) {
    if (!key.startsWith(`uploads/${actor.principal.userId}/`)) fail('upload.missing', [{ path: 'body.photoKeys', message: '只能使用自己上传的照片' }])
    if (!(await deps.photos.exists(key))) fail('upload.missing', [{ path: 'body.photoKeys', message: key }])
  }
}

const checkCategory = (settings: DeliberationSettings, categoryId: string) => {
  const category = settings.categories.find((c) => c.categoryId === categoryId) ?? fail('category.notFound')
  // "A 不议 matter is refused with the reason, at once."
  if (category.kind === 'exclude') fail('matter.excludedCategory', [{ path: 'body.categoryId', message: category.reason ?? `「${category.name}」属于不议事项` }])
  return category
}

const resolveScope = async (deps: DeliberationDeps, scope: { type: ScopeRef['type']; id: string }) => {
  const ref = await deps.structure.resolvePlace({ type: scope.type, id: scope.id })
  if (!ref) throw new DomainError(`${scope.type}.notFound`)
  const communityId = ref.path.split('/').find((s) => s.startsWith('community:'))!.slice('community:'.length)
  return { scope: { type: scope.type, id: ref.id, name: ref.name, path: ref.path } as ScopeRef, communityId }
}

/**
 * 居民提议: a resident bound to a household inside the scope proposes a matter. A "不议" category is refused
 * at once with the community's reason; with no seconds needed the matter goes straight to review.
 */
export const proposeMatter = async (
  deps: DeliberationDeps,
  actor: Actor,
  input: { scope: { type: ScopeRef['type']; id: string }; categoryId: string; title: string; text: string; photoKeys: string[] },
): Promise<MatterRecord> => {
  const { scope, communityId } = await resolveScope(deps, input.scope)
  const homes = await householdPaths(deps, actor)
  if (!homes.some((h) => h.path === scope.path || h.path.startsWith(`${scope.path}/`))) fail('matter.notInScope')
  const settings = await settingsFor(deps, communityId)
  const category = checkCategory(settings, input.categoryId)
  await checkPhotos(deps, actor, input.photoKeys)
  const at = deps.now().toISOString()
  const status = settings.secondsNeeded === 0 ? 'awaitingReview' : 'seconding'
  const matter: MatterRecord = {
    matterId: deps.newId(),
    communityId,
    scope,
    categoryId: category.categoryId,
    categoryName: category.name,
    title: input.title,
    text: input.text,
    photoKeys: input.photoKeys,
    proposerId: actor.principal.userId,
    proposerName: actor.principal.displayName,
    status,
    secondsCount: 0,
    secondsNeeded: settings.secondsNeeded,
    createdAt: at,
    updatedAt: at,
    version: 1,
  }
  await deps.deliberation.createMatter(
    matter,
    event('propose', '居民提议', actorOf(actor), at, status),
    status === 'awaitingReview'
      ? [notices.toCommittee(matter, at, '已提交，待两委审议')]
      : [notices.toScope(matter, at, 'secondingOpen', `征集附议（需${settings.secondsNeeded}人）`)],
  )
  return matter
}

/** 附议: each other resident in scope once; reaching the community's number sends the matter to review. */
export const secondMatter = async (deps: DeliberationDeps, actor: Actor, input: { matterId: string }) => {
  const m = found(await deps.deliberation.getMatter(input.matterId), 'matter.notFound')
  const f = await factsFor(deps, actor, m)
  assertMay('second', m, f)
  const at = deps.now().toISOString()
  const count = await deps.deliberation.addSecond(m.matterId, actor.principal.userId, at)
  if (count >= m.secondsNeeded) {
    const current = found(await deps.deliberation.getMatter(m.matterId), 'matter.notFound')
    if (current.status === 'seconding') {
      const next: MatterRecord = { ...current, status: 'awaitingReview', updatedAt: at, version: current.version + 1 }
      try {
        await deps.deliberation.transition(current, next, event('seconded', `附议达到${m.secondsNeeded}人，转两委审议`, actorOf(actor), at, 'awaitingReview'), [
          notices.toProposer(next, at, '附议人数已满，已转两委审议'),
          notices.toCommittee(next, at, '附议人数已满，待两委审议'),
        ])
      } catch (e) {
        // Another second moved it at the same moment: the matter is where it should be.
        if (!(e instanceof DomainError && e.code === 'matter.wrongStep')) throw e
      }
    }
  }
  return m.matterId
}

export const withdrawMatter = async (deps: DeliberationDeps, actor: Actor, input: { matterId: string; reason?: string }) => {
  const m = found(await deps.deliberation.getMatter(input.matterId), 'matter.notFound')
  assertMay('withdraw', m, await factsFor(deps, actor, m))
  const at = deps.now().toISOString()
  const next: MatterRecord = { ...m, status: 'withdrawn', closedReason: input.reason ?? '提议人撤回', updatedAt: at, version: m.version + 1 }
  await deps.deliberation.transition(m, next, event('withdraw', '提议人撤回', actorOf(actor), at, 'withdrawn', input.reason), [])
  return m.matterId
}

/** A matter returned for revision comes back to review when its proposer revises it. */
export const reviseMatter = async (
  deps: DeliberationDeps,
  actor: Actor,
  input: { matterId: string; categoryId: string; title: string; text: string; photoKeys: string[] },
) => {
  const m = found(await deps.deliberation.getMatter(input.matterId), 'matter.notFound')
  assertMay('revise', m, await factsFor(deps, actor, m))
  const category = checkCategory(await settingsFor(deps, m.communityId), input.categoryId)
  await checkPhotos(deps, actor, input.photoKeys)
  const at = deps.now().toISOString()
  const next: MatterRecord = {
    ...m,
    categoryId: category.categoryId,
    categoryName: category.name,
    title: input.title,
    text: input.text,
    photoKeys: input.photoKeys,
    status: 'awaitingReview',
    updatedAt: at,
    version: m.version + 1,
  }
  await deps.deliberation.transition(m, next, event('revise', '提议人修改后重新提交', actorOf(actor), at, 'awaitingReview'), [notices.toCommittee(next, at, '已修改，待两委重新审议')])
  return m.matterId
}
