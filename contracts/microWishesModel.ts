import { z } from 'zod'
import { Id } from './common'
import { ContentModeration } from './moderation'

/*
 * Micro-wishes (微心愿): a resident (or a grid worker for one who cannot) posts a small wish; the grid worker of the
 * household's grid vets it and puts it on the wish wall (心愿墙) with the name masked; one in-service party member
 * claims it and fulfils it by a deadline, or the claim lapses and the wish returns to the wall; the resident
 * confirms and thanks, and the member earns points through the points ledger (key `wish:<wishId>`).
 */
export const wishStatuses = [
  'awaitingVetting',
  'returned',
  'refused',
  'published',
  'claimed',
  'fulfilled',
  'disputed',
  'confirmed',
  'withdrawn',
] as const
export const WishStatus = z.enum(wishStatuses)
export type WishStatus = z.infer<typeof WishStatus>

export const wishStatusLabels: Record<WishStatus, string> = {
  awaitingVetting: '待网格员审核',
  returned: '退回修改',
  refused: '未予发布',
  published: '待认领',
  claimed: '已认领，办理中',
  fulfilled: '已送达，待确认',
  disputed: '有异议，网格员处理中',
  confirmed: '已实现',
  withdrawn: '已撤回',
}

export const wishCategoryLabels = {
  daily: '生活用品',
  study: '学习用品',
  mobility: '助行助残',
  repair: '维修帮办',
  care: '陪伴关爱',
  other: '其他',
} as const
export const WishCategory = z.enum(
  Object.keys(wishCategoryLabels) as [keyof typeof wishCategoryLabels, ...(keyof typeof wishCategoryLabels)[]],
  {
    errorMap: () => ({ message: '请选择心愿类别' }),
  },
)
export type WishCategory = z.infer<typeof WishCategory>

/** Private: recorded by the grid worker when vetting, shown only to the grid's and the community's staff, never on the wall. */
export const hardshipLabels = {
  lowIncome: '低保或低收入家庭',
  extremePoverty: '特困供养',
  disability: '残疾人家庭',
  elderlyAlone: '独居或空巢老人',
  childInNeed: '困境儿童',
  illness: '重病或大病家庭',
  other: '其他困难',
  none: '无特殊困难',
} as const
export const Hardship = z.enum(
  Object.keys(hardshipLabels) as [keyof typeof hardshipLabels, ...(keyof typeof hardshipLabels)[]],
)

export const checkMethodLabels = { phone: '电话核实', visit: '上门走访', other: '其他方式' } as const
export const CheckMethod = z.enum(['phone', 'visit', 'other'])

export const whoMayClaimLabels = {
  members: '仅在职党员（双报到）',
  membersAndPartyHouseholds: '在职党员和党员中心户',
  membersAndResidents: '在职党员和本社区居民',
} as const
export const WhoMayClaim = z.enum(['members', 'membersAndPartyHouseholds', 'membersAndResidents'])

/** The community's rules for wishes (its admin sets them; the defaults until then). */
export const WishSettings = z
  .object({
    /** Wishes a household may have open at once (posted and not yet confirmed, refused or withdrawn). */
    openLimit: z.number().int().min(1).max(10),
    /** The range the grid worker chooses the fulfiller's points in. */
    pointsMin: z.number().int().min(1).max(1000),
    pointsMax: z.number().int().min(1).max(1000),
    /** The claim period offered when vetting (days from the claim to its deadline); the grid worker may change it per wish. */
    claimDays: z.number().int().min(1).max(60),
    /** Hours before the deadline the claimant is reminded. */
    reminderHours: z.number().int().min(1).max(72),
    /** Days after the report of fulfilment the wish confirms itself unless disputed. */
    autoConfirmDays: z.number().int().min(1).max(30),
    /** Claims a member may hold at once. */
    activeClaimLimit: z.number().int().min(1).max(10),
    whoMayClaim: WhoMayClaim,
  })
  .refine((s) => s.pointsMin <= s.pointsMax, { message: '最低积分不能高于最高积分', path: ['pointsMax'] })
export type WishSettings = z.infer<typeof WishSettings>

/** A photo as the caller may see it: a held one (to its writer and the staff) says so. */
export const Photo = z.object({ key: z.string(), url: z.string(), moderation: ContentModeration.optional() })

/** A wish as the wall shows it: never the room, the phone, the full name or the hardship category. */
export const WallCard = z.object({
  wishId: Id,
  title: z.string(),
  categoryId: WishCategory,
  categoryName: z.string(),
  photo: Photo.optional(),
  gridId: Id,
  gridName: z.string(),
  buildingName: z.string(),
  /** 姓** : the surname only. */
  maskedName: z.string(),
  /** Posted by the grid worker for the resident. */
  byGridWorker: z.boolean(),
  wantedBy: z.string(),
  points: z.number().int(),
  /** Since when it is on the wall (published, or back after a lapse or release). */
  onWallSince: z.string(),
  status: z.enum(['published', 'confirmed']),
  /** Once fulfilled: who fulfilled it, when it was confirmed, and the thank-you letter (感谢信) if written. */
  claimantName: z.string().optional(),
  claimantUnit: z.string().optional(),
  confirmedAt: z.string().optional(),
  thanks: z.string().optional(),
})
export type WallCard = z.infer<typeof WallCard>

export const TimelineEntry = z.object({
  at: z.string(),
  action: z.string(),
  label: z.string(),
  actorName: z.string(),
  /** Who they acted as (网格员, 1号楼楼长), shown before the name as on a matter's; none for a resident. */
  actorRole: z.string().optional(),
  note: z.string().optional(),
  status: WishStatus,
})

export const WishSummary = z.object({
  wishId: Id,
  communityId: Id,
  gridId: Id,
  gridName: z.string(),
  buildingName: z.string(),
  title: z.string(),
  categoryId: WishCategory,
  categoryName: z.string(),
  maskedName: z.string(),
  byGridWorker: z.boolean(),
  wantedBy: z.string(),
  status: WishStatus,
  statusLabel: z.string(),
  points: z.number().int().optional(),
  photo: Photo.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The claim's deadline while claimed; the day it confirms itself while awaiting confirmation. */
  deadline: z.string().optional(),
})
export type WishSummary = z.infer<typeof WishSummary>

export const Wish = WishSummary.extend({
  text: z.string(),
  photos: z.array(Photo),
  /** Photos of the wish and its delivery the caller does not see (held for review, removed, blocked). */
  photosWithheld: z.number().int().optional(),
  /** Held by content safety (审核中) or removed: only its poster and the staff see the wish, and they see this. */
  moderation: ContentModeration.optional(),
  publishedAt: z.string().optional(),
  claimDays: z.number().int().optional(),
  claim: z
    .object({ claimantName: z.string(), unitName: z.string().optional(), claimedAt: z.string(), deadline: z.string() })
    .optional(),
  fulfilment: z
    .object({
      note: z.string(),
      photos: z.array(Photo),
      at: z.string(),
      autoConfirmAt: z.string(),
      moderation: ContentModeration.optional(),
    })
    .optional(),
  confirmation: z.object({ at: z.string(), byName: z.string(), auto: z.boolean() }).optional(),
  thanks: z.object({ text: z.string(), at: z.string(), moderation: ContentModeration.optional() }).optional(),
  /** Points paid to the fulfiller (through the points ledger), or pending while the community's budget cannot pay. */
  credit: z.object({ amount: z.number().int(), at: z.string().optional(), pending: z.boolean() }).optional(),
  /** The poster, the resident's household and the staff see these. */
  address: z.string().optional(),
  onBehalfOf: z.string().optional(),
  returnNote: z.string().optional(),
  refusedReason: z.string().optional(),
  dispute: z.object({ reason: z.string(), at: z.string() }).optional(),
  /** Only the grid's worker and the community's staff: how it was checked and the private hardship category. */
  vetting: z
    .object({
      method: CheckMethod,
      methodLabel: z.string(),
      note: z.string(),
      hardship: Hardship,
      hardshipLabel: z.string(),
      byName: z.string(),
      at: z.string(),
    })
    .optional(),
  /** Only the claimant, while the claim runs: how to reach the resident (or the grid worker who posted it). */
  contact: z
    .object({
      name: z.string(),
      phone: z.string().optional(),
      address: z.string(),
      via: z.enum(['resident', 'gridWorker']),
      note: z.string().optional(),
    })
    .optional(),
  iPosted: z.boolean(),
  iClaimed: z.boolean(),
  timeline: z.array(TimelineEntry),
  /** What the caller may do now (the same checks the server makes). */
  can: z.array(z.string()),
})
export type Wish = z.infer<typeof Wish>

export const MemberRecord = z.object({
  active: z.number().int(),
  claimed: z.number().int(),
  fulfilled: z.number().int(),
  lapsed: z.number().int(),
  released: z.number().int(),
  pointsEarned: z.number().int(),
  unitName: z.string().optional(),
})

export const ClaimEntry = z.object({
  wishId: Id,
  title: z.string(),
  claimedAt: z.string(),
  deadline: z.string(),
  /** How this claim ended, or `active` while it runs. */
  outcome: z.enum(['active', 'fulfilled', 'confirmed', 'lapsed', 'released', 'reopened']),
  points: z.number().int(),
  wish: WishSummary.optional(),
})

export const FigureRow = z.object({
  posted: z.number().int(),
  vetted: z.number().int(),
  refused: z.number().int(),
  claimed: z.number().int(),
  fulfilled: z.number().int(),
  lapsed: z.number().int(),
  released: z.number().int(),
  /** Fulfilled ÷ claims that have ended (fulfilled, lapsed, released or reopened); absent before any has ended. */
  fulfilmentRate: z.number().optional(),
  /** Mean days from publication to confirmed fulfilment. */
  meanDaysToFulfil: z.number().optional(),
})
export const WishFigures = z.object({
  community: FigureRow,
  grids: z.array(FigureRow.extend({ gridId: Id, gridName: z.string() })),
  units: z.array(FigureRow.extend({ unitId: z.string(), unitName: z.string() })),
})
export type WishFigures = z.infer<typeof WishFigures>
