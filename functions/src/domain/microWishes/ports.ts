import type { IdentityStore } from '../identity/ports'
import type { LedgerStore } from '../ledger/ports'
import type { ContentWrite } from '../moderation/model'
import type { ContentSafety, ModerationStore } from '../moderation/ports'
import type { QueuedNotice } from '../notifications/model'
import type { NoticeStore } from '../notifications/ports'
import type { DueItem, DueStore } from '../schedule/ports'
import type { Outcome } from '../shared/outcome'
import type { StructureStore } from '../structure/ports'
import type { PhotoStore } from '../uploads/ports'
import type {
  ClaimLog,
  MemberRecord,
  StatDelta,
  StatRow,
  StoredCard,
  WishEvent,
  WishRecord,
  WishSettings,
} from './model'

export type MemberDelta = Partial<
  Record<'active' | 'claimed' | 'fulfilled' | 'lapsed' | 'released' | 'pointsEarned', number>
>

/** What a change of a wish writes beside the wish and its timeline entry, all in one transaction. */
export interface WishEffects {
  notices?: QueuedNotice[]
  due?: DueItem[]
  /** The household's count of open wishes: +1 on posting (refused `openLimit` when it is at `limit`), -1 when one closes. */
  household?: { delta: 1 | -1; limit?: number }
  /** The claimant's record: on a new claim refused `claimLimit` when `active` is at `activeLimit`. */
  member?: { userId: string; delta: MemberDelta; activeLimit?: number; unit?: { unitId: string; unitName: string } }
  /** The member's entry for this claim (written whole). */
  claimLog?: ClaimLog
  /** The figures: the community's, the wish's grid's and, for what a claim does, the claimant's unit's. */
  stats?: { delta: StatDelta; unit?: { id: string; name: string } }
  /** The wall's entries (the public card only): off the wall, onto it, or into 已实现. */
  wall?: { removeOpen?: string; addOpen?: StoredCard; putDone?: StoredCard }
  /** Content safety: a text written held for review, or the end of an earlier version's hold. */
  content?: ContentWrite[]
}

export type WallScope = { kind: 'grid' | 'community'; id: string }

/** Wishes, their timelines, the wall, members' records and the figures (storage/microWishes). */
export interface WishStore {
  get(wishId: string): Promise<WishRecord | undefined>
  getMany(wishIds: string[]): Promise<WishRecord[]>
  /** Writes a new wish with its first timeline entry; refused `exists` (the id is taken) or `openLimit`. */
  create(wish: WishRecord, event: WishEvent, effects: WishEffects): Promise<Outcome<'exists' | 'openLimit'>>
  /**
   * Writes `next` if the stored wish is still at `expected.version` and `expected.status`, with the event and the
   * effects, in one transaction; refused `moved` when someone changed it first, `claimLimit` when the member's
   * active claims are at the limit. A transaction conflict is retried; `busy` when it keeps conflicting.
   */
  transition(
    expected: WishRecord,
    next: WishRecord,
    event: WishEvent | undefined,
    effects: WishEffects,
  ): Promise<Outcome<'moved' | 'claimLimit' | 'busy'>>
  timeline(wishId: string): Promise<WishEvent[]>
  /** One page of a wall: open cards newest first or soonest wanted first, or fulfilled ones newest first. */
  wall(
    scope: WallScope,
    show: 'open' | 'done',
    order: 'newest' | 'due',
    page: { limit: number; cursor?: string },
  ): Promise<Outcome<'badCursor', { items: StoredCard[]; next?: string }>>
  /** How many wishes wait for a claimant on a wall (the grid card's 微心愿 count). */
  countOpen(scope: WallScope): Promise<number>
  /** A grid's wishes in one status, oldest first (the vetting queue, the disputes). */
  ofGrid(gridId: string, status: WishRecord['status']): Promise<WishRecord[]>
  /** The wishes a user posted (for their household or for residents), newest first. */
  ofPoster(userId: string): Promise<WishRecord[]>
  member(userId: string): Promise<MemberRecord | undefined>
  /** A member's claims, newest first. */
  claimsOf(userId: string): Promise<ClaimLog[]>
  stats(communityId: string): Promise<StatRow[]>
}

export interface WishSettingsStore {
  get(communityId: string): Promise<WishSettings | undefined>
  put(communityId: string, settings: WishSettings): Promise<void>
}

/**
 * Who serves the community as an in-service party member (双报到), and with which unit (报到单位). The volunteering
 * capability's approved registration answers where it exists (the wiring fills this port); without one the role
 * `inServiceMember` at the community admits the caller, with no unit.
 */
export interface ServingMembers {
  servingMember(communityId: string, userId: string): Promise<{ unitId?: string; unitName?: string } | undefined>
}

export interface MicroWishDeps {
  wishes: WishStore
  wishSettings: WishSettingsStore
  servingMembers: ServingMembers
  notices: NoticeStore
  schedule: DueStore
  structure: StructureStore
  identity: IdentityStore
  photos: PhotoStore
  ledger: LedgerStore
  /** Content safety (shared, domain/moderation): WeChat's checks and the moderation records. */
  safety: ContentSafety
  moderation: ModerationStore
  newId: () => string
  now: () => Date
}
