import type { ContentModeration } from '../../../../contracts/moderation'
import type { Actor } from '../identity/actor'
import {
  heldText,
  photoContentKey,
  readModeration,
  replacedText,
  screenPhotos,
  screenText,
  seenAs,
  type ContentDraft,
  type ContentWrite,
  type Scene,
} from '../moderation/screen'
import type { ContentSource } from '../moderation/ports'
import { factsFor } from './facts'
import { wishSubject, type WishRecord } from './model'
import type { MicroWishDeps } from './ports'
import { settingsFor } from './settings'
import { canView } from './states'

/*
 * What of a wish goes through content safety (README, "Content safety"), under which key: the wish itself (title and
 * text, replaced by a revision), the claimant's report of delivery, the thank-you letter; photos by their own key.
 * A risky text is refused before anything is stored; one WeChat wants a person to look at is written held, and the
 * views show each piece as `seenAs` says (the writer and the staff see the mark, everyone else nothing of it).
 */
export const wishContent = {
  body: (wishId: string) => `wish:${wishId}:body`,
  fulfilment: (wishId: string) => `wish:${wishId}:fulfilment`,
  thanks: (wishId: string) => `wish:${wishId}:thanks`,
}

type Author = { userId: string; displayName: string }
const authorOf = (actor: Actor): Author => ({
  userId: actor.principal.userId,
  displayName: actor.principal.displayName,
})

/** Where a wish's content was published: its building (the committee covering it decides), and who wrote it. */
const publishedIn = (w: WishRecord, author: Author) => ({
  communityId: w.communityId,
  placePath: w.placePath.split('/').slice(0, -1).join('/'),
  subject: wishSubject(w),
  authorId: author.userId,
  authorName: author.displayName,
})

/**
 * Screens one text of a wish (`parts` name the request's fields, so a refusal marks them) and the photos that go with
 * it; returns the content writes for the wish's own transaction. `replaces`: the text takes the place of an earlier
 * version under the same key (a revision), whose hold then ends.
 */
export const screenWishText = async (
  deps: MicroWishDeps,
  actor: Actor,
  w: WishRecord,
  content: {
    key: string
    parts: { field: string; text: string }[]
    scene: Scene
    photoKeys?: string[]
    replaces?: boolean
  },
  at: string,
): Promise<ContentWrite[]> => {
  const screening = await screenText(deps, actor, content.parts, content.scene)
  if (content.photoKeys?.length)
    await screenPhotos(deps, actor, content.photoKeys, publishedIn(w, authorOf(actor)), content.scene)
  const draft: ContentDraft = {
    ...publishedIn(w, authorOf(actor)),
    contentKey: content.key,
    kind: 'text',
    text: content.parts.map((p) => p.text).join('\n'),
  }
  return content.replaces ? replacedText(screening, draft, at) : heldText(screening, draft, at)
}

/** The photo's writer is in its key (`uploads/<userId>/…`). */
const photoAuthorId = (photoKey: string) => photoKey.split('/')[1] ?? ''

export interface WishSeen {
  /** A text's verdict for this viewer: shown, or hidden, with a mark for its writer and the staff. */
  text: (key: string, authorId: string) => { show: boolean; moderation?: ContentModeration }
  /** The photos this viewer sees (marked when held and theirs or the staff's), and how many they do not. */
  photos: (keys: string[]) => { shown: { key: string; moderation?: ContentModeration }[]; withheld: number }
}

/** One batched read of the moderation of everything a view shows of these wishes, and how each piece looks to `viewer`. */
export const moderationFor = async (
  deps: MicroWishDeps,
  viewer: { userId: string; isStaff: boolean },
  textKeys: string[],
  photoKeys: string[],
): Promise<WishSeen> => {
  const mod = await readModeration(deps, [...textKeys, ...photoKeys.map(photoContentKey)])
  return {
    text: (key, authorId) => seenAs(mod.get(key), { isAuthor: authorId === viewer.userId, isStaff: viewer.isStaff }),
    photos: (keys) => {
      const seen = keys.map((key) => ({
        key,
        ...seenAs(mod.get(photoContentKey(key)), {
          isAuthor: photoAuthorId(key) === viewer.userId,
          isStaff: viewer.isStaff,
        }),
      }))
      return {
        shown: seen
          .filter((s) => s.show)
          .map((s) => ({ key: s.key, ...(s.moderation ? { moderation: s.moderation } : {}) })),
        withheld: seen.filter((s) => !s.show).length,
      }
    },
  }
}

/**
 * 举报 on a wish a caller may read (handlers/moderation.ts wires this as the `wish` source): its title and text, the
 * report of delivery, the thank-you, or one of its photos or the delivery's. Enough reports hide the piece where the
 * views already look (`moderationFor`): a hidden wish leaves the wall and its page, a hidden thank-you its card.
 */
export const wishContentSource: ContentSource<MicroWishDeps> = {
  async describe(deps, actor, wishId, contentKey) {
    const w = await deps.wishes.get(wishId)
    if (!w || !canView(w, await factsFor(deps, actor, w, await settingsFor(deps, w.communityId)))) return undefined
    const poster = { userId: w.posterId, displayName: w.posterName }
    const claimant = w.claim && { userId: w.claim.userId, displayName: w.claim.name }
    const text = (author: Author, body: string): ContentDraft => ({
      ...publishedIn(w, author),
      contentKey,
      kind: 'text',
      text: body,
    })
    if (contentKey === wishContent.body(w.wishId)) return text(poster, `${w.title}\n${w.text}`)
    if (contentKey === wishContent.fulfilment(w.wishId))
      return w.fulfilment && claimant ? text(claimant, w.fulfilment.note) : undefined
    if (contentKey === wishContent.thanks(w.wishId))
      return (
        w.thanks &&
        text(
          { userId: w.thanks.byId ?? w.confirmation?.byId ?? w.posterId, displayName: w.thanks.byName },
          w.thanks.text,
        )
      )
    const photoKey = contentKey.startsWith('photo:') ? contentKey.slice('photo:'.length) : undefined
    const author = !photoKey
      ? undefined
      : w.photoKeys.includes(photoKey)
        ? poster
        : w.fulfilment?.photoKeys.includes(photoKey)
          ? claimant
          : undefined
    return author && photoKey ? { ...publishedIn(w, author), contentKey, kind: 'photo', photoKey } : undefined
  },
}
