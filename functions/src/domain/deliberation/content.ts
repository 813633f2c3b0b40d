import type { ContentModeration } from '../../../../contracts/moderation'
import type { Actor } from '../identity/actor'
import type { ContentRecord } from '../moderation/model'
import type { ContentSource } from '../moderation/ports'
import { photoContentKey, seenAs, type ContentDraft } from '../moderation/screen'
import { factsFor } from './facts'
import { matterSubject, type MatterRecord } from './model'
import type { DeliberationDeps } from './ports'
import { canView } from './states'

/*
 * What of a matter goes through content safety, under which key: the proposal (title and text, replaced by each
 * revision), each comment, the resolution and each round's report; photos by their own key. Views read these
 * keys' moderation in one batched read and show each piece as `seenAs` says.
 */
export const matterContent = {
  body: (matterId: string) => `matter:${matterId}:body`,
  comment: (matterId: string, commentId: string) => `matter:${matterId}:comment:${commentId}`,
  commentPrefix: (matterId: string) => `matter:${matterId}:comment:`,
  resolution: (matterId: string, round: number) => `matter:${matterId}:resolution:${round}`,
  report: (matterId: string, round: number) => `matter:${matterId}:report:${round}`,
}

type Author = { userId: string; displayName: string }

/** Where a matter's content was published and by whom: what the queue shows and who may decide. */
export const publishedIn = (m: MatterRecord, author: Author) => ({
  communityId: m.communityId,
  placePath: m.scope.path,
  subject: matterSubject(m),
  authorId: author.userId,
  authorName: author.displayName,
})

export const textDraft = (m: MatterRecord, contentKey: string, author: Author, text: string): ContentDraft => ({
  ...publishedIn(m, author),
  contentKey,
  kind: 'text',
  text,
})

export const authorOf = (actor: Actor): Author => ({
  userId: actor.principal.userId,
  displayName: actor.principal.displayName,
})

/** The photo's writer is in its key (`uploads/<userId>/…`). */
const photoAuthorId = (photoKey: string) => photoKey.split('/')[1] ?? ''

/**
 * The photos a viewer sees, with a mark on the held ones they may see (their own, or any for the staff), and how
 * many they do not see. Presigned only for those shown.
 */
export const photosSeen = async (
  deps: Pick<DeliberationDeps, 'photos'>,
  keys: string[],
  mod: Map<string, ContentRecord>,
  viewer: { userId: string; isStaff: boolean },
) => {
  const seen = keys.map((key) => ({
    key,
    ...seenAs(mod.get(photoContentKey(key)), {
      isAuthor: photoAuthorId(key) === viewer.userId,
      isStaff: viewer.isStaff,
    }),
  }))
  const shown = seen.filter((s) => s.show)
  const photos = await Promise.all(
    shown.map(async (s) => ({
      key: s.key,
      url: await deps.photos.viewUrl(s.key),
      ...(s.moderation ? { moderation: s.moderation } : {}),
    })),
  )
  return { photos, withheld: seen.length - shown.length }
}

/** The mark a viewer who may see a held piece gets, or nothing. */
export const markOf = (seen: { moderation?: ContentModeration }) =>
  seen.moderation ? { moderation: seen.moderation } : {}

/**
 * What a resident may report on a matter they can see: one of its comments, or one of its photos or its report's
 * (handlers/moderation.ts wires this as the `matter` source).
 */
export const deliberationContent: ContentSource<DeliberationDeps> = {
  async describe(deps, actor, matterId, contentKey) {
    const m = await deps.matters.get(matterId)
    if (!m || !canView(await factsFor(deps, actor, m, undefined, { participation: false }))) return undefined
    const prefix = matterContent.commentPrefix(m.matterId)
    if (contentKey.startsWith(prefix)) {
      const c = await deps.matters.getComment(m.matterId, contentKey.slice(prefix.length))
      return c && textDraft(m, contentKey, { userId: c.authorId, displayName: c.authorName }, c.text)
    }
    const photoKey = contentKey.startsWith('photo:') ? contentKey.slice('photo:'.length) : undefined
    if (!photoKey || !(m.photoKeys.includes(photoKey) || m.report?.photoKeys.includes(photoKey))) return undefined
    const authorId = photoAuthorId(photoKey)
    const author =
      authorId === m.proposerId ? m.proposerName : ((await deps.identity.getUser(authorId))?.displayName ?? '工作人员')
    return { ...publishedIn(m, { userId: authorId, displayName: author }), contentKey, kind: 'photo', photoKey }
  },
}
