import type { z } from 'zod'
import type { Comment, DeliberationSettings, Rating } from '../../../../contracts/deliberation'
import type { IdentityStore } from '../identity/ports'
import type { ContentWrite } from '../moderation/model'
import type { ContentSafety, ModerationStore } from '../moderation/ports'
import type { Delivery, QueuedNotice } from '../notifications/model'
import type { NoticeStore } from '../notifications/ports'
import type { DueItem } from '../schedule/ports'
import type { Outcome } from '../shared/outcome'
import type { StructureStore } from '../structure/ports'
import type { OrganisationStore } from '../structure/organisations'
import type { PhotoStore } from '../uploads/ports'
import type { MatterRecord, PollRecord, TimelineEvent } from './model'

/** A matter, its timeline, comments and seconds (storage/deliberation/matters.ts). */
export interface MatterStore {
  /** Strongly consistent unless asked otherwise (a cheap look whether a create was already made). */
  get(matterId: string, options?: { consistent?: boolean }): Promise<MatterRecord | undefined>
  /** Writes a new matter with its first timeline entry, notices and held content; refused `exists` when the id is taken (a repeat). */
  create(
    matter: MatterRecord,
    event: TimelineEvent,
    notices: QueuedNotice[],
    content?: ContentWrite[],
  ): Promise<Outcome<'exists'>>
  /**
   * Writes `next` if the stored matter is still at `expected.version` and `expected.status`, with its timeline
   * entry, notices, due work and held content, in one transaction; refused `moved` when someone moved it first.
   */
  transition(
    expected: MatterRecord,
    next: MatterRecord,
    event: TimelineEvent,
    notices: QueuedNotice[],
    due?: DueItem[],
    content?: ContentWrite[],
  ): Promise<Outcome<'moved'>>
  timeline(matterId: string): Promise<TimelineEvent[]>
  /** One page of the community's matters, newest first within a step; `next` continues after it. */
  page(
    communityId: string,
    step: string | undefined,
    page: { limit: number; cursor?: string },
  ): Promise<Outcome<'badCursor', { items: MatterRecord[]; next?: string }>>
  listByStep(communityId: string, step: string): Promise<MatterRecord[]>
  /** Matters of the community in any step but closed. */
  listOpen(communityId: string): Promise<MatterRecord[]>
  listByProposer(userId: string): Promise<MatterRecord[]>

  /** Records one second and counts it while the matter is still collecting seconds; returns the new count. */
  addSecond(matterId: string, userId: string, at: string): Promise<Outcome<'already' | 'moved', number>>
  /** Which of these matters the user has seconded (one read for all). */
  secondedBy(userId: string, matterIds: string[]): Promise<Set<string>>

  /** Refused `exists` when a comment with this id is already there (a repeat); a held comment's record is written with it. */
  addComment(matterId: string, comment: Comment, content?: ContentWrite[]): Promise<Outcome<'exists'>>
  getComment(matterId: string, commentId: string): Promise<Comment | undefined>
  comments(matterId: string): Promise<Comment[]>
}

/** A poll, its frozen electorate and its ballots (storage/deliberation/polls.ts). */
export interface PollStore {
  get(pollId: string): Promise<PollRecord | undefined>
  /** Writes the poll and its frozen electorate (before the matter's transition). */
  create(poll: PollRecord, householdIds: string[]): Promise<void>
  setState(poll: PollRecord, from: PollRecord['state'], next: Partial<PollRecord>): Promise<Outcome<'moved'>>
  /** One transaction: the voter is the household's representative, the household is in the electorate and has not voted, the ballot is written. */
  castVote(
    poll: PollRecord,
    householdId: string,
    userId: string,
    option: number,
    at: string,
  ): Promise<Outcome<'notRepresentative' | 'notEligible' | 'already'>>
  /**
   * For each (poll, household): whether the household is in that poll's electorate (absent from the map if not),
   * whether it has voted and, in a named poll, how. One read for all, keyed `voteKey(pollId, householdId)`.
   */
  householdVotes(
    keys: { pollId: string; householdId: string }[],
  ): Promise<Map<string, { voted: boolean; option?: number }>>
  /** How many households have voted so far (not how). */
  turnout(pollId: string): Promise<number>
  tally(poll: PollRecord): Promise<number[]>
}

export type RatingCounts = { satisfied: number; basic: number; unsatisfied: number }

/** Households' ratings of a resolution round (storage/deliberation/ratings.ts). */
export interface RatingStore {
  rate(
    matterId: string,
    round: number,
    householdId: string,
    userId: string,
    rating: z.infer<typeof Rating>,
    at: string,
  ): Promise<Outcome<'notRepresentative' | 'already'>>
  /** Which of these (matter, round, household) have rated, as `rateKey(…)`; one read for all. */
  ratedHouseholds(keys: { matterId: string; round: number; householdId: string }[]): Promise<Set<string>>
  counts(matterId: string, round: number): Promise<RatingCounts>
}

export interface DeliberationSettingsStore {
  get(communityId: string): Promise<DeliberationSettings | undefined>
  put(communityId: string, settings: DeliberationSettings): Promise<void>
}

export interface DeliberationDeps {
  matters: MatterStore
  polls: PollStore
  ratings: RatingStore
  deliberationSettings: DeliberationSettingsStore
  notices: NoticeStore
  structure: StructureStore
  /** 责任方名录: whom a matter is handed to, and which organisations the caller acts for. */
  organisations: OrganisationStore
  identity: IdentityStore
  photos: PhotoStore
  /** Content safety: WeChat's checks and the moderation records views read. */
  safety: ContentSafety
  moderation: ModerationStore
  newId: () => string
  now: () => Date
}

export type { Delivery }

export const voteKey = (pollId: string, householdId: string) => `${pollId}|${householdId}`
export const rateKey = (matterId: string, round: number, householdId: string) => `${matterId}|${round}|${householdId}`
