import type { DeliberationSettings } from '../../../../contracts/deliberation'
import { homesOf, type Actor } from '../identity/actor'
import { queued } from '../notifications/deliver'
import { DomainError, fail, found } from '../shared/errors'
import { orFail } from '../shared/outcome'
import { communityOfPath, isWithin } from '../shared/places'
import { checkPhotos } from '../uploads/uploads'
import { heldText, replacedText, screenPhotos, screenText } from '../moderation/screen'
import { advance, advanceAsSystem } from './advance'
import { factsFor, assertMay } from './facts'
import type { MatterRecord, ScopeRef } from './model'
import { authorOf, matterContent, publishedIn, textDraft } from './content'
import { actorOf, event, notices } from './notices'
import type { DeliberationDeps } from './ports'
import { settingsFor } from './settings'

const checkCategory = (settings: DeliberationSettings, categoryId: string) => {
  const category = settings.categories.find((c) => c.categoryId === categoryId) ?? fail('category.notFound')
  // "A 不议 matter is refused with the reason, at once."
  if (category.kind === 'exclude')
    fail('matter.excludedCategory', [
      { path: 'body.categoryId', message: category.reason ?? `「${category.name}」属于不议事项` },
    ])
  return category
}

const resolveScope = async (deps: DeliberationDeps, scope: { type: ScopeRef['type']; id: string }) => {
  const ref = (await deps.structure.resolvePlace({ type: scope.type, id: scope.id })) ?? fail(`${scope.type}.notFound`)
  return {
    scope: { type: scope.type, id: ref.id, name: ref.name, path: ref.path } as ScopeRef,
    communityId: communityOfPath(ref.path)!,
  }
}

/**
 * 居民提议: a resident bound to a household inside the scope proposes a matter. A "不议" category is refused
 * at once with the community's reason; with no seconds needed the matter goes straight to review. The client
 * names the matter (`matterId`) before it submits, so a double tap or a retry returns the first matter.
 */
export const proposeMatter = async (
  deps: DeliberationDeps,
  actor: Actor,
  input: {
    matterId: string
    scope: { type: ScopeRef['type']; id: string }
    categoryId: string
    title: string
    text: string
    photoKeys: string[]
  },
): Promise<MatterRecord> => {
  // A repeat (a double tap, a retry) finds the first matter; one racing this request is caught by the create's condition.
  const earlier = await deps.matters.get(input.matterId, { consistent: false })
  if (earlier) return earlier.proposerId === actor.principal.userId ? earlier : fail('request.idConflict')
  const { scope, communityId } = await resolveScope(deps, input.scope)
  const homes = await homesOf(deps, actor)
  if (!homes.some((h) => isWithin(h.path, scope.path))) fail('matter.notInScope')
  const settings = await settingsFor(deps, communityId)
  const category = checkCategory(settings, input.categoryId)
  await checkPhotos(deps, actor, input.photoKeys)
  // Content safety: a risky title or text is refused here and nothing is stored.
  const screening = await screenText(
    deps,
    actor,
    [
      { field: 'body.title', text: input.title },
      { field: 'body.text', text: input.text },
    ],
    'forum',
  )
  const at = deps.now().toISOString()
  const status = settings.secondsNeeded === 0 ? 'awaitingReview' : 'seconding'
  const matter: MatterRecord = {
    matterId: input.matterId,
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
  await screenPhotos(deps, actor, input.photoKeys, publishedIn(matter, authorOf(actor)), 'forum')
  const held = heldText(
    screening,
    textDraft(matter, matterContent.body(matter.matterId), authorOf(actor), `${input.title}\n${input.text}`),
    at,
  )
  // A proposal held for review is not announced to the scope (its neighbours do not see it until it is restored).
  const told =
    status === 'awaitingReview'
      ? [notices.toCommittee(matter, at, '已提交，待两委审议')]
      : held.length
        ? []
        : [notices.toScope(matter, at, 'secondingOpen', `征集附议（需${settings.secondsNeeded}人）`)]
  const written = await deps.matters.create(
    matter,
    event('propose', '居民提议', actorOf(actor), at, status),
    told.map((n) => queued(n, deps.newId)),
    held,
  )
  if (!written.ok) {
    // The same request raced itself (two taps at once): the first one's matter is the answer.
    const first = found(await deps.matters.get(input.matterId), 'matter.notFound')
    return first.proposerId === actor.principal.userId ? first : fail('request.idConflict')
  }
  return matter
}

/** 附议: each other resident in scope once; reaching the community's number sends the matter to review. */
export const secondMatter = async (deps: DeliberationDeps, actor: Actor, input: { matterId: string }) => {
  const m = found(await deps.matters.get(input.matterId), 'matter.notFound')
  // Whether the caller has seconded already is decided by the second's own conditional write.
  assertMay('second', m, await factsFor(deps, actor, m, undefined, { participation: false }))
  const at = deps.now().toISOString()
  const count = orFail(await deps.matters.addSecond(m.matterId, actor.principal.userId, at), {
    already: 'second.already',
    moved: 'matter.wrongStep',
  })
  if (count >= m.secondsNeeded) {
    const current = found(await deps.matters.get(m.matterId), 'matter.notFound')
    if (current.status === 'seconding') {
      try {
        await advanceAsSystem(
          deps,
          current,
          'seconded',
          {
            status: 'awaitingReview',
            label: `附议达到${m.secondsNeeded}人，转两委审议`,
            notices: (next) => [
              notices.toProposer(next, at, '附议人数已满，已转两委审议'),
              notices.toCommittee(next, at, '附议人数已满，待两委审议'),
            ],
          },
          actorOf(actor),
        )
      } catch (e) {
        // Another second moved it at the same moment: the matter is where it should be.
        if (!(e instanceof DomainError && e.code === 'matter.wrongStep')) throw e
      }
    }
  }
  return m.matterId
}

export const withdrawMatter = async (
  deps: DeliberationDeps,
  actor: Actor,
  input: { matterId: string; reason?: string },
) =>
  advance(deps, actor, input.matterId, 'withdraw', () => ({
    status: 'withdrawn',
    set: { closedReason: input.reason ?? '提议人撤回' },
    label: '提议人撤回',
    ...(input.reason ? { note: input.reason } : {}),
  }))

/** A matter returned for revision comes back to review when its proposer revises it. */
export const reviseMatter = async (
  deps: DeliberationDeps,
  actor: Actor,
  input: { matterId: string; categoryId: string; title: string; text: string; photoKeys: string[] },
) =>
  advance(deps, actor, input.matterId, 'revise', async (m, { at }) => {
    const category = checkCategory(await settingsFor(deps, m.communityId), input.categoryId)
    await checkPhotos(deps, actor, input.photoKeys)
    const screening = await screenText(
      deps,
      actor,
      [
        { field: 'body.title', text: input.title },
        { field: 'body.text', text: input.text },
      ],
      'forum',
    )
    await screenPhotos(deps, actor, input.photoKeys, publishedIn(m, authorOf(actor)), 'forum')
    return {
      content: replacedText(
        screening,
        textDraft(
          { ...m, title: input.title },
          matterContent.body(m.matterId),
          authorOf(actor),
          `${input.title}\n${input.text}`,
        ),
        at,
      ),
      status: 'awaitingReview',
      set: {
        categoryId: category.categoryId,
        categoryName: category.name,
        title: input.title,
        text: input.text,
        photoKeys: input.photoKeys,
      },
      label: '提议人修改后重新提交',
      notices: (next) => [notices.toCommittee(next, at, '已修改，待两委重新审议')],
    }
  })
