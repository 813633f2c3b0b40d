import type { z } from 'zod'
import type {
  CheckMethod,
  Hardship,
  WallCard,
  WishCategory,
  WishSettings,
  WishStatus,
} from '../../../../contracts/microWishes'

export type { WishSettings, WishStatus }

/** A wall card as stored: the public part of a wish only, its photo by key (signed when the wall is read). */
export type StoredCard = Omit<WallCard, 'photo'> & { photoKey?: string }

/** The resident a wish is for, and how to reach them: shown only to the claimant while the claim runs. */
export interface Beneficiary {
  householdId: string
  buildingId: string
  buildingName: string
  unit: string
  room: string
  /** The resident's own name (the poster, or the resident a grid worker named). */
  name: string
  phone?: string
}

export interface Claim {
  claimId: string
  userId: string
  name: string
  phone?: string
  unitId?: string
  unitName?: string
  claimedAt: string
  deadline: string
  remindedAt?: string
}

export interface WishRecord {
  wishId: string
  communityId: string
  /** The household's place path (`street:…/community:…/compound:…/building:…/household:…`). */
  placePath: string
  gridId: string
  gridName: string
  gridPath: string
  beneficiary: Beneficiary
  posterId: string
  posterName: string
  posterPhone?: string
  /** A grid worker posted it for the resident (who may not use the mini-program at all). */
  onBehalf: boolean
  title: string
  text: string
  categoryId: z.infer<typeof WishCategory>
  photoKeys: string[]
  wantedBy: string
  status: WishStatus
  createdAt: string
  updatedAt: string
  version: number
  returnNote?: string
  refusedReason?: string
  closedReason?: string
  vetting?: {
    method: z.infer<typeof CheckMethod>
    note: string
    hardship: z.infer<typeof Hardship>
    points: number
    claimDays: number
    byId: string
    byName: string
    at: string
  }
  publishedAt?: string
  /** When it last came onto the wall (published, or back after a lapse or a release): the wall's newest-first order. */
  onWallSince?: string
  claim?: Claim
  /** Claims made so far (the next claim's id counts on from it). */
  claims: number
  fulfilment?: { note: string; photoKeys: string[]; at: string; autoConfirmAt: string }
  dispute?: { reason: string; at: string; byId: string }
  confirmation?: { at: string; byId: string; byName: string; auto: boolean }
  /** `byId`: who wrote it (absent on letters written before it was kept). */
  thanks?: { text: string; at: string; byId?: string; byName: string }
  /** The fulfiller's points, once the ledger has paid them (`wish:<wishId>`). */
  credited?: { amount: number; transferId: string; at: string }
}

export interface WishEvent {
  at: string
  action: string
  label: string
  actorId: string
  actorName: string
  actorRole?: string
  note?: string
  status: WishStatus
}

/** A member's claim of one wish, kept on the member's record after the wish has moved on. */
export interface ClaimLog {
  userId: string
  wishId: string
  claimId: string
  title: string
  claimedAt: string
  deadline: string
  outcome: 'active' | 'fulfilled' | 'confirmed' | 'lapsed' | 'released' | 'reopened'
  points: number
}

/** A member's service record for wishes (`active` is what the claim limit counts). */
export interface MemberRecord {
  active: number
  claimed: number
  fulfilled: number
  lapsed: number
  released: number
  pointsEarned: number
  unitId?: string
  unitName?: string
}

export const statKeys = [
  'posted',
  'vetted',
  'refused',
  'claimed',
  'fulfilled',
  'lapsed',
  'released',
  'reopened',
  'hoursToFulfil',
] as const
export type StatKey = (typeof statKeys)[number]
export type StatDelta = Partial<Record<StatKey, number>>

/** One row of the figures: the community as a whole, a grid, or a member's 报到单位 (`none`: no unit registered). */
export interface StatRow {
  kind: 'all' | 'grid' | 'unit'
  id: string
  name: string
  counts: Record<StatKey, number>
}

/** Statuses in which a wish counts against its household's limit of open wishes. */
export const openStatuses: readonly WishStatus[] = [
  'awaitingVetting',
  'returned',
  'published',
  'claimed',
  'fulfilled',
  'disputed',
]
export const isOpen = (s: WishStatus) => openStatuses.includes(s)

export const defaultWishSettings: WishSettings = {
  openLimit: 2,
  pointsMin: 5,
  pointsMax: 50,
  claimDays: 7,
  reminderHours: 24,
  autoConfirmDays: 7,
  activeClaimLimit: 3,
  whoMayClaim: 'members',
}

/** 姓**: the wall shows the surname only (one character; two for the common compound surnames). */
const compoundSurnames = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
]
export const maskName = (name: string): string => {
  const n = name.trim()
  if (!n) return '居民'
  const surname = compoundSurnames.find((s) => n.startsWith(s) && n.length > s.length) ?? [...n][0]!
  return `${surname}**`
}

export const DAY_MS = 86_400_000

/** The wish page in the mini-program, which a message about a wish opens. */
export const WISH_PAGE = 'packages/wishes/pages/wish/index'
export const wishSubject = (w: Pick<WishRecord, 'wishId' | 'title'>) => ({
  kind: 'wish',
  id: w.wishId,
  title: w.title,
  page: `${WISH_PAGE}?wishId=${w.wishId}`,
})

export const addressOf = (b: Beneficiary) => `${b.buildingName}${b.unit}单元${b.room}室`
