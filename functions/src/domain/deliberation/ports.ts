import type { NotificationDelivery } from '../notifications/ports'
import type { Comment, DeliberationSettings, Rating } from '../../../../contracts/deliberation'
import type { z } from 'zod'
import type { IdentityStore } from '../identity/ports'
import type { StructureStore } from '../structure/ports'
import type { MatterRecord, PollRecord, QueuedNotification, TimelineEvent } from './model'

export interface DeliberationStore {
  getSettings(communityId: string): Promise<DeliberationSettings | undefined>
  putSettings(communityId: string, settings: DeliberationSettings): Promise<void>

  getMatter(matterId: string): Promise<MatterRecord | undefined>
  createMatter(matter: MatterRecord, event: TimelineEvent, notifications: QueuedNotification[]): Promise<void>
  /**
   * Writes `next` if the stored matter is still at `expected.version` and `expected.status`, with its timeline
   * entry and notifications, in one transaction; `matter.wrongStep` if someone else moved it first.
   */
  transition(expected: MatterRecord, next: MatterRecord, event: TimelineEvent, notifications: QueuedNotification[], also?: TransitionExtras): Promise<void>
  timeline(matterId: string): Promise<TimelineEvent[]>
  notifications(matterId: string): Promise<(QueuedNotification & { delivery?: NotificationDelivery })[]>
  listByCommunity(communityId: string, step?: string): Promise<MatterRecord[]>
  /** One page of the community's matters, newest first within a step; `next` continues after it (`cursor.invalid` for a bad cursor). */
  pageByCommunity(communityId: string, step: string | undefined, page: { limit: number; cursor?: string }): Promise<{ items: MatterRecord[]; next?: string }>
  /** Matters of the community in any step but closed. */
  listOpenByCommunity(communityId: string): Promise<MatterRecord[]>
  listByProposer(userId: string): Promise<MatterRecord[]>

  /** Records one second and counts it, while the matter is still collecting seconds; returns the new count. */
  addSecond(matterId: string, userId: string, at: string): Promise<number>
  hasSeconded(matterId: string, userId: string): Promise<boolean>

  addComment(matterId: string, comment: Comment): Promise<void>
  comments(matterId: string): Promise<Comment[]>

  getPoll(pollId: string): Promise<PollRecord | undefined>
  /** Writes the poll and its frozen electorate (before the matter's transition). */
  createPoll(poll: PollRecord, householdIds: string[]): Promise<void>
  setPollState(poll: PollRecord, from: PollRecord['state'], next: Partial<PollRecord>): Promise<boolean>
  /** One transaction: the voter is the household's representative, the household is in the electorate and has not voted, the ballot is written. */
  castVote(poll: PollRecord, householdId: string, userId: string, option: number, at: string): Promise<'ok' | 'notRepresentative' | 'notEligible' | 'already'>
  householdVoted(pollId: string, householdId: string): Promise<boolean | undefined>
  /** How many households have voted so far (not how). */
  turnout(pollId: string): Promise<number>
  tally(poll: PollRecord): Promise<number[]>

  rate(
    matterId: string,
    round: number,
    householdId: string,
    userId: string,
    rating: z.infer<typeof Rating>,
    at: string,
  ): Promise<'ok' | 'notRepresentative' | 'already'>
  householdRated(matterId: string, round: number, householdId: string): Promise<boolean>
  ratingCounts(matterId: string, round: number): Promise<{ satisfied: number; basic: number; unsatisfied: number }>

  due(kind: DueKind, until: string): Promise<{ at: string; refId: string }[]>
  clearDue(kind: DueKind, at: string, refId: string): Promise<void>
  addDue(kind: DueKind, at: string, refId: string): Promise<void>
}

export type DueKind = 'pollOpen' | 'pollClose' | 'evaluationClose' | 'notify'
export interface TransitionExtras {
  addDue?: { kind: DueKind; at: string; refId: string }[]
}

export interface PhotoStore {
  /** A presigned PUT for one photo under the user's prefix. */
  presignUpload(key: string, contentType: string, size: number): Promise<{ url: string; headers: Record<string, string> }>
  exists(key: string): Promise<boolean>
  /** A presigned GET for showing a photo. */
  viewUrl(key: string): Promise<string>
}

export interface DeliberationDeps {
  deliberation: DeliberationStore
  structure: StructureStore
  identity: IdentityStore
  photos: PhotoStore
  newId: () => string
  now: () => Date
}
