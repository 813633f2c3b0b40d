import type { Actor } from '../identity/actor'
import type { Outcome } from '../shared/outcome'
import type { StructureStore } from '../structure/ports'
import type { PhotoStore } from '../uploads/ports'
import type {
  ContentDecision,
  ContentDraft,
  ContentRecord,
  ModerationSettings,
  ReportReason,
  Scene,
  Verdict,
} from './model'

/**
 * WeChat's content security APIs (adapters/contentSafety.ts; the local WeChat stand-in plays them). Both throw
 * DomainError('content.checkUnavailable') when WeChat cannot be asked or answers with an error.
 */
export interface ContentSafety {
  /** msgSecCheck v2: a verdict on one text, written by the user with this openid. */
  checkText(input: { content: string; scene: Scene; openid: string; title?: string }): Promise<Verdict>
  /** mediaCheckAsync v2: WeChat fetches the image at `mediaUrl` and pushes its verdict later (trace id). */
  submitPhoto(input: { mediaUrl: string; scene: Scene; openid: string }): Promise<{ traceId: string }>
}

/** The moderation state of content, its reports and decisions (storage/moderation/content.ts). */
export interface ModerationStore {
  /** One batched read: the records of these content keys (absent ones were never held). */
  states(contentKeys: string[]): Promise<Map<string, ContentRecord>>
  get(contentKey: string): Promise<ContentRecord | undefined>
  /** Writes the record if none is there yet (refused `exists`). */
  create(record: ContentRecord): Promise<Outcome<'exists'>>
  /** Writes `next` if the stored record is still at `expected.version` (refused `moved`), with a decision on the record. */
  update(expected: ContentRecord, next: ContentRecord, decision?: ContentDecision): Promise<Outcome<'moved'>>
  /** A photo sent to WeChat: its pending record and the trace id the verdict will name. */
  trackPhoto(record: ContentRecord, traceId: string): Promise<void>
  contentOfTrace(traceId: string): Promise<string | undefined>
  /** One report per user and item; counts it on the record (created from the draft if missing). Refused `already`. */
  report(draft: ContentDraft, userId: string, reason: ReportReason, at: string): Promise<Outcome<'already'>>
  /** The community's held content, oldest first. */
  queue(communityId: string): Promise<ContentRecord[]>
  /** The community's decisions, newest first. */
  decisions(communityId: string, limit: number): Promise<LoggedDecision[]>
  settings(communityId: string): Promise<ModerationSettings | undefined>
  putSettings(communityId: string, settings: ModerationSettings): Promise<void>
}

/** A decision as the community's record keeps it: with what it was about. */
export type LoggedDecision = ContentDecision &
  Pick<ContentRecord, 'contentKey' | 'communityId' | 'kind' | 'subject' | 'authorName' | 'placePath'>

/** What content screening needs: the WeChat port, the store, photos (to sign the GET WeChat fetches). */
export interface ScreeningDeps {
  safety: ContentSafety
  moderation: ModerationStore
  photos: PhotoStore
  now: () => Date
}

export interface ModerationDeps extends ScreeningDeps {
  structure: StructureStore
  newId: () => string
  /** The token configured for message push in the WeChat console (signs every push). */
  pushToken: string
}

/**
 * A capability that lets residents report its content says what a key names, for a caller who may see it (a
 * comment of a matter they may read, one of its photos), or undefined. handlers/moderation.ts wires each
 * capability's source by subject kind, so this module imports none of them.
 */
export interface ContentSource<D = any> {
  describe(deps: D, actor: Actor, subjectId: string, contentKey: string): Promise<ContentDraft | undefined>
}
export type ContentSources<D = any> = Record<string, ContentSource<D>>
