import {
  decideContent as decideContentRoute,
  getModerationSettings as getModerationSettingsRoute,
  putModerationSettings as putModerationSettingsRoute,
  moderationDecisions as moderationDecisionsRoute,
  moderationQueue as moderationQueueRoute,
  reportContent as reportContentRoute,
  type ReportReason,
  type ReportSubjectKind,
} from '@contracts/moderation'
import { call } from '../http'

/** 举报: one report per person and item (a repeat says `already`); `hidden` once enough neighbours reported it. */
export const reportContent = (
  subject: { kind: ReportSubjectKind; id: string },
  contentKey: string,
  reason: ReportReason,
) => call(reportContentRoute, { body: { subject, contentKey, reason } })

/** The staff's moderation queue of a community (held texts and photos, oldest first) with its counts. */
export const moderationQueue = (communityId: string) => call(moderationQueueRoute, { params: { communityId } })

/** A committee member restores or removes a held item, with the reason (kept on the record). */
export const decideContent = (contentKey: string, decision: 'restore' | 'remove', reason: string) =>
  call(decideContentRoute, { body: { contentKey, decision, reason } })

export const getModerationSettings = (communityId: string) =>
  call(getModerationSettingsRoute, { params: { communityId } })
/** Only the community admin may change how many reports hide an item (the server refuses anyone else). */
export const putModerationSettings = (communityId: string, reportsToHide: number) =>
  call(putModerationSettingsRoute, { params: { communityId }, body: { reportsToHide } })

export const moderationDecisions = (communityId: string) => call(moderationDecisionsRoute, { params: { communityId } })

/** The keys a matter's content goes by (as the server names them). */
export const contentKeys = {
  comment: (matterId: string, commentId: string) => `matter:${matterId}:comment:${commentId}`,
  photo: (photoKey: string) => `photo:${photoKey}`,
}

/** The keys a wish's content goes by (functions/src/domain/microWishes/content.ts names them). */
export const wishContentKeys = {
  body: (wishId: string) => `wish:${wishId}:body`,
  fulfilment: (wishId: string) => `wish:${wishId}:fulfilment`,
  thanks: (wishId: string) => `wish:${wishId}:thanks`,
}
