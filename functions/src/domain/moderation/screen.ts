import type { ErrorDetail } from '../../../../contracts/errors'
import type { Actor } from '../identity/actor'
import { fail } from '../shared/errors'
import {
  labelNames,
  photoContentKey,
  type ContentDraft,
  type ContentRecord,
  type ContentWrite,
  type Scene,
} from './model'
import type { ModerationStore, ScreeningDeps } from './ports'

/*
 * The content-safety API every capability calls before it publishes what someone wrote or photographed
 * (README, "Content safety"). Texts: `screenText` first (a risky one is refused and nothing is stored), then the
 * capability writes `heldText(…)` / `replacedText(…)` with its own change, in its transaction. Photos:
 * `screenPhotos` as the change is made (shown at once; a late verdict hides them). Views: `readModeration` for
 * every key they show (one batched read), then `seenAs` per item.
 */

export interface TextPart {
  /** Where the text came from in the request (`body.text`, `body.tasks.0`): a refusal names it, so the form marks that field. */
  field: string
  text: string
}

export type Screening = { verdict: 'pass' } | { verdict: 'review'; label: number; traceId?: string }

/**
 * Asks WeChat (msgSecCheck v2, with the writer's openid and the scene) about each text, in parallel. A risky one
 * is refused with `content.risky` naming its field(s); any asking for review makes the whole `review`. When WeChat
 * cannot be asked the write is refused with `content.checkUnavailable` (503): nothing unchecked is published.
 */
export const screenText = async (
  deps: Pick<ScreeningDeps, 'safety'>,
  actor: Actor,
  parts: TextPart[],
  scene: Scene,
): Promise<Screening> => {
  const toCheck = parts.filter((p) => p.text.trim() !== '')
  if (toCheck.length === 0) return { verdict: 'pass' }
  const openid = actor.user.openid ?? fail('content.checkUnavailable')
  const verdicts = await Promise.all(
    toCheck.map(async (part) => ({
      part,
      verdict: await deps.safety.checkText({ content: part.text, scene, openid }),
    })),
  )
  const risky = verdicts.filter((v) => v.verdict.suggest === 'risky')
  if (risky.length > 0) {
    const details: ErrorDetail[] = risky.map(({ part, verdict }) => ({
      path: part.field,
      message: `内容含有${labelNames[verdict.label] && verdict.label !== 21000 ? `「${labelNames[verdict.label]}」类` : ''}违规信息，未能发布，请修改后再提交`,
    }))
    fail('content.risky', details)
  }
  const review = verdicts.find((v) => v.verdict.suggest === 'review')
  return review
    ? {
        verdict: 'review',
        label: review.verdict.label,
        ...(review.verdict.traceId ? { traceId: review.verdict.traceId } : {}),
      }
    : { verdict: 'pass' }
}

const heldRecord = (
  screening: Extract<Screening, { verdict: 'review' }>,
  draft: ContentDraft,
  at: string,
): ContentRecord => ({
  ...draft,
  state: 'review',
  reports: 0,
  reasons: [],
  verdict: {
    suggest: 'review',
    label: screening.label,
    ...(screening.traceId ? { traceId: screening.traceId } : {}),
    at,
  },
  queuedAt: at,
  createdAt: at,
  updatedAt: at,
  version: 1,
})

/** For new content: the held record to write with it when WeChat asked for review, nothing when it passed. */
export const heldText = (screening: Screening, draft: ContentDraft, at: string): ContentWrite[] =>
  screening.verdict === 'review' ? [{ put: heldRecord(screening, draft, at) }] : []

/** For content that replaces an earlier version under the same key (a revised proposal): held again, or its older hold ends. */
export const replacedText = (screening: Screening, draft: ContentDraft, at: string): ContentWrite[] =>
  screening.verdict === 'review' ? [{ put: heldRecord(screening, draft, at) }] : [{ clear: draft.contentKey }]

/**
 * Sends each photo not yet checked to WeChat (mediaCheckAsync v2, with a presigned GET it can fetch) and records it
 * as pending: it is shown until the verdict arrives at POST /wechat/push, which may hide it. A photo checked before
 * (the same key in a revision) is not sent again. WeChat unreachable: `content.checkUnavailable`, nothing stored.
 */
export const screenPhotos = async (
  deps: ScreeningDeps,
  actor: Actor,
  photoKeys: string[],
  where: Omit<ContentDraft, 'contentKey' | 'kind' | 'text' | 'photoKey'>,
  scene: Scene,
): Promise<void> => {
  if (photoKeys.length === 0) return
  const openid = actor.user.openid ?? fail('content.checkUnavailable')
  const known = await deps.moderation.states(photoKeys.map(photoContentKey))
  const at = deps.now().toISOString()
  await Promise.all(
    photoKeys
      .filter((key) => !known.has(photoContentKey(key)))
      .map(async (key) => {
        const { traceId } = await deps.safety.submitPhoto({ mediaUrl: await deps.photos.viewUrl(key), scene, openid })
        const record: ContentRecord = {
          ...where,
          contentKey: photoContentKey(key),
          kind: 'photo',
          photoKey: key,
          state: 'pending',
          reports: 0,
          reasons: [],
          createdAt: at,
          updatedAt: at,
          version: 1,
        }
        await deps.moderation.trackPhoto(record, traceId)
      }),
  )
}

/** The moderation records of the content a view is about to show, in one batched read. */
export const readModeration = (
  deps: { moderation: ModerationStore },
  contentKeys: string[],
): Promise<Map<string, ContentRecord>> =>
  contentKeys.length ? deps.moderation.states(contentKeys) : Promise.resolve(new Map())

export { photoContentKey, seenAs } from './model'
export type { ContentDraft, ContentWrite, Scene } from './model'
