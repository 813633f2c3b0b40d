import { z } from 'zod'
import { Id } from './common'
import { ContentModeration } from './moderation'

/*
 * Five-step deliberation (五议工作法): 居民提议 propose → 两委审议 review → 民主商议 consult → 协同决议 resolve
 * → 大众评议 evaluate. `step` is where a matter is; `status` is the finer state inside the step.
 */
export const steps = ['propose', 'review', 'consult', 'resolve', 'evaluate', 'closed'] as const
export const Step = z.enum(steps)
export type Step = z.infer<typeof Step>

export const statuses = [
  'seconding',
  'returned',
  'awaitingReview',
  'awaitingPoll',
  'polling',
  'awaitingResolution',
  'inProgress',
  'evaluating',
  'withdrawn',
  'rejected',
  'failed',
  'completed',
] as const
export const MatterStatus = z.enum(statuses)
export type MatterStatus = z.infer<typeof MatterStatus>

export const stepOf: Record<MatterStatus, Step> = {
  seconding: 'propose',
  returned: 'propose',
  awaitingReview: 'review',
  awaitingPoll: 'consult',
  polling: 'consult',
  awaitingResolution: 'resolve',
  inProgress: 'resolve',
  evaluating: 'evaluate',
  withdrawn: 'closed',
  rejected: 'closed',
  failed: 'closed',
  completed: 'closed',
}

export const stepLabels: Record<Step, string> = {
  propose: '居民提议',
  review: '两委审议',
  consult: '民主商议',
  resolve: '协同决议',
  evaluate: '大众评议',
  closed: '已办结',
}

export const statusLabels: Record<MatterStatus, string> = {
  seconding: '征集附议',
  returned: '退回修改',
  awaitingReview: '待两委审议',
  awaitingPoll: '商议中',
  polling: '投票中',
  awaitingResolution: '待形成决议',
  inProgress: '决议办理中',
  evaluating: '评议中',
  withdrawn: '已撤回',
  rejected: '不予受理',
  failed: '表决未通过',
  completed: '已办结',
}

export const ScopeType = z.enum(['building', 'compound', 'community'])
export const Scope = z.object({ type: ScopeType, id: Id })
export type Scope = z.infer<typeof Scope>

export const Triage = z.enum(['small', 'general', 'major'])
export const triageLabels: Record<z.infer<typeof Triage>, string> = {
  small: '小事（小区内办理）',
  general: '一般事（社区办理）',
  major: '大事（报街道吹哨）',
}

export const CategoryKind = z.enum(['deliberate', 'exclude'])
export const Category = z.object({
  categoryId: z.string().regex(/^[a-z0-9-]{1,32}$/),
  name: z.string().trim().min(1).max(20),
  kind: CategoryKind,
  /** For a 不议 category: why it is not deliberated, shown to the proposer. */
  reason: z.string().trim().max(200).optional(),
})
export type Category = z.infer<typeof Category>

export const DeliberationSettings = z.object({
  categories: z
    .array(Category)
    .min(1)
    .max(30)
    .superRefine((list, ctx) => {
      const ids = new Set<string>()
      const names = new Set<string>()
      list.forEach((c, i) => {
        if (ids.has(c.categoryId)) ctx.addIssue({ code: 'custom', path: [i, 'categoryId'], message: '类别编号重复' })
        if (names.has(c.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `类别「${c.name}」重复` })
        if (c.kind === 'exclude' && !c.reason)
          ctx.addIssue({ code: 'custom', path: [i, 'reason'], message: '请填写不议理由：居民选择这一类别时会看到它' })
        ids.add(c.categoryId)
        names.add(c.name)
      })
      if (!list.some((c) => c.kind === 'deliberate'))
        ctx.addIssue({ code: 'custom', message: '至少保留一个「六议」类别，居民才能提议' })
    }),
  /** Seconds (附议) from other residents in scope that send a proposal to review. */
  secondsNeeded: z.number().int().min(0).max(100),
  /** Days the households in scope have to rate a reported-done resolution. */
  evaluationDays: z.number().int().min(1).max(60),
  /** Share of 满意 + 基本满意 below which a resolution goes back for rework. */
  satisfactionThreshold: z.number().min(0).max(1),
  /** Days a department has to answer a 大事 escalated to the street. */
  escalationDays: z.number().int().min(1).max(90),
})
export type DeliberationSettings = z.infer<typeof DeliberationSettings>

export const ResponsibleParty = z.object({
  kind: z.enum(['property', 'community', 'department']),
  name: z.string().trim().min(1).max(40),
  /** The community's registry entry (contracts/structure.ts `Organisation`); absent on matters decided before the registry. */
  organisationId: Id.optional(),
})
export type ResponsibleParty = z.infer<typeof ResponsibleParty>

/** What the committee picks in review and resolution: an organisation of the community's registry, never a typed name. */
export const PartyChoice = z.object({ organisationId: Id })

export const TimelineEntry = z.object({
  at: z.string(),
  action: z.string(),
  label: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  /** Who they acted as, made when they acted (网格员, 1号楼楼长, 阳光物业): shown before the name. Absent for residents and on older entries. */
  actorRole: z.string().optional(),
  note: z.string().optional(),
  status: MatterStatus,
})

export const PollRule = z.object({
  /** Minimum share of the electorate's households that must take part (≥). */
  minTurnout: z.number().min(0).max(1),
  /** Share of the votes cast the passing option needs (strictly more than). */
  passShare: z.number().min(0).max(1),
  /** Which option passes the matter (默认第一个，如「同意」). */
  passOption: z.number().int().min(0).max(9).default(0),
})

export const PollView = z.object({
  pollId: Id,
  matterId: Id,
  options: z.array(z.string()),
  opensAt: z.string(),
  closesAt: z.string(),
  secret: z.boolean(),
  rule: PollRule,
  /** Households in scope when the poll opened (frozen then, published with the poll). */
  electorate: z.number().int(),
  state: z.enum(['scheduled', 'open', 'closed']),
  /** Stated in every poll: a household's vote cannot be changed once cast. */
  changeRule: z.string(),
  /** How many households have voted (the tally stays hidden until close). */
  votedHouseholds: z.number().int().optional(),
  myHouseholdVoted: z.boolean().optional(),
  /** In a named (not secret) poll, the option the caller's household voted for. */
  myHouseholdOption: z.number().int().optional(),
  result: z
    .object({
      counts: z.array(z.number().int()),
      ballots: z.number().int(),
      turnout: z.number(),
      passShareReached: z.number(),
      passed: z.boolean(),
    })
    .optional(),
})
export type PollView = z.infer<typeof PollView>

export const Resolution = z.object({
  responsibleParty: ResponsibleParty,
  tasks: z.array(z.string().trim().min(1).max(200)).min(1).max(20),
  dueDate: z.string().date(),
  publishedAt: z.string(),
  round: z.number().int(),
})

export const Evaluation = z.object({
  round: z.number().int(),
  closesAt: z.string(),
  counts: z.object({ satisfied: z.number().int(), basic: z.number().int(), unsatisfied: z.number().int() }).optional(),
  score: z.number().optional(),
  myHouseholdRated: z.boolean().optional(),
})

export const MatterSummary = z.object({
  matterId: Id,
  communityId: Id,
  scope: Scope.extend({ name: z.string() }),
  categoryName: z.string(),
  title: z.string(),
  step: Step,
  status: MatterStatus,
  proposerName: z.string(),
  secondsCount: z.number().int(),
  secondsNeeded: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** When the current step ends for residents: the poll's closing time while polling, the evaluation window's end while evaluating. */
  deadline: z.string().optional(),
  /** What the caller's household is asked to do on this matter now (待我附议 / 待我投票 / 待我评议). */
  awaitingMe: z.array(z.enum(['second', 'vote', 'rate'])).optional(),
  /** Held (审核中) or removed: only its proposer and the staff see it, and they see this. */
  moderation: ContentModeration.optional(),
})
export type MatterSummary = z.infer<typeof MatterSummary>

/** A photo as the caller may see it: a held one (to its writer and the staff) says so. */
export const PhotoView = z.object({ key: z.string(), url: z.string(), moderation: ContentModeration.optional() })

/** A matter in the committee's review queue: its summary, the proposal's text and the first of its photos. */
export const ReviewQueueItem = MatterSummary.extend({
  text: z.string().optional(),
  /** The first photo the caller may see (presigned GET), absent when there is none. */
  firstPhoto: PhotoView.optional(),
})
export type ReviewQueueItem = z.infer<typeof ReviewQueueItem>

export const Matter = MatterSummary.extend({
  categoryId: z.string(),
  text: z.string(),
  photos: z.array(PhotoView),
  /** Photos of the matter and its report the caller does not see (held for review, reported, removed, blocked). */
  photosWithheld: z.number().int().optional(),
  proposerId: Id,
  returnNote: z.string().optional(),
  closedReason: z.string().optional(),
  triage: Triage.optional(),
  responsibleParty: ResponsibleParty.optional(),
  escalation: z
    .object({
      deadline: z.string(),
      answeredAt: z.string().optional(),
      answer: z.string().optional(),
      overdue: z.boolean(),
    })
    .optional(),
  poll: PollView.optional(),
  resolution: Resolution.extend({ moderation: ContentModeration.optional() }).optional(),
  report: z
    .object({
      note: z.string(),
      photos: z.array(PhotoView),
      at: z.string(),
      round: z.number().int(),
      moderation: ContentModeration.optional(),
    })
    .optional(),
  evaluation: Evaluation.optional(),
  timeline: z.array(TimelineEntry),
  iSeconded: z.boolean(),
  /** What the caller may do now (the same checks the server makes). */
  can: z.array(z.string()),
})
export type Matter = z.infer<typeof Matter>

export const Comment = z.object({
  commentId: Id,
  authorId: Id,
  authorName: z.string(),
  /** The role and place a staff writer spoke as (网格员, 1号楼楼长), made when written; absent for residents and on older comments. */
  authorRole: z.string().optional(),
  text: z.string(),
  at: z.string(),
  /** Held or removed: only its writer and the staff see it, with this. */
  moderation: ContentModeration.optional(),
})
export type Comment = z.infer<typeof Comment>

export const Rating = z.enum(['satisfied', 'basic', 'unsatisfied'])
export const ratingLabels: Record<z.infer<typeof Rating>, string> = {
  satisfied: '满意',
  basic: '基本满意',
  unsatisfied: '不满意',
}
