import { z } from 'zod'
import { ClientId, defineRoute, Id } from './common'
import { PhotoKey } from './uploads'
import { NoticeView } from './notifications'
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

const matterParams = z.object({ matterId: Id })
const common = ['auth.required', 'auth.forbidden', 'matter.notFound'] as const
/** What a route whose texts and photos go through content safety may also answer (contracts/moderation.ts). */
const screened = ['content.risky', 'content.checkUnavailable'] as const

export const getDeliberationSettings = defineRoute({
  operationId: 'getDeliberationSettings',
  method: 'GET',
  path: '/communities/{communityId}/deliberation-settings',
  summary: '社区的「六议六不议」清单与议事规则（附议人数、评议期、满意度门槛、吹哨期限）',
  auth: 'user',
  params: z.object({ communityId: Id }),
  response: DeliberationSettings,
  errors: ['auth.required', 'community.notFound'],
})

export const putDeliberationSettings = defineRoute({
  operationId: 'putDeliberationSettings',
  method: 'PUT',
  path: '/communities/{communityId}/deliberation-settings',
  summary: '社区管理员修改「六议六不议」清单与议事规则',
  auth: 'user',
  params: z.object({ communityId: Id }),
  body: DeliberationSettings,
  response: DeliberationSettings,
  errors: ['auth.required', 'auth.forbidden', 'community.notFound'],
})

export const proposeMatter = defineRoute({
  operationId: 'proposeMatter',
  method: 'POST',
  path: '/matters',
  summary: '居民提议：范围（本楼/本小区/本社区）、类别、标题、内容、最多九张照片；「不议」类别当即退回并说明理由',
  auth: 'user',
  status: 201,
  body: z.object({
    /** Made by the client before it submits: a repeat with the same id returns the first matter. */
    matterId: ClientId,
    scope: Scope,
    categoryId: z.string().max(32),
    title: z.string().trim().min(4, '标题至少4个字').max(40, '标题最多40个字'),
    text: z.string().trim().min(10, '内容至少10个字').max(2000, '内容最多2000字'),
    photoKeys: z.array(PhotoKey).max(9, '最多九张照片').default([]),
  }),
  response: Matter,
  errors: [
    'auth.required',
    'auth.forbidden',
    'matter.excludedCategory',
    'category.notFound',
    'upload.missing',
    'matter.notInScope',
    'building.notFound',
    'compound.notFound',
    'community.notFound',
    'request.idConflict',
    ...screened,
  ],
})

export const listMatters = defineRoute({
  operationId: 'listMatters',
  method: 'GET',
  path: '/matters',
  summary: '我所在范围内的议题（按步骤，新的在前，分页），或我提出的议题',
  auth: 'user',
  query: z.object({
    communityId: Id.optional(),
    step: Step.optional(),
    mine: z.enum(['true', 'false']).optional(),
    /** Matters to read per page (a page may show fewer: those outside the caller's scope are left out). */
    limit: z.coerce.number().int().min(1).max(50).optional(),
    /** `nextCursor` of the previous page. */
    cursor: z.string().max(1000).optional(),
  }),
  response: z.object({ items: z.array(MatterSummary), nextCursor: z.string().optional() }),
  errors: ['auth.required', 'cursor.invalid'],
})

export const getMatter = defineRoute({
  operationId: 'getMatter',
  method: 'GET',
  path: '/matters/{matterId}',
  summary: '议题详情：时间线、投票、决议、评议（范围内居民与工作人员可见）',
  auth: 'user',
  params: matterParams,
  response: Matter,
  errors: common,
})

export const secondMatter = defineRoute({
  operationId: 'secondMatter',
  method: 'POST',
  path: '/matters/{matterId}/seconds',
  summary: '附议：范围内其他居民每人一次；达到社区规定人数即转两委审议',
  auth: 'user',
  params: matterParams,
  response: Matter,
  errors: [...common, 'matter.wrongStep', 'second.already', 'second.ownMatter'],
})

export const withdrawMatter = defineRoute({
  operationId: 'withdrawMatter',
  method: 'POST',
  path: '/matters/{matterId}/withdraw',
  summary: '提议人在两委审议前撤回',
  auth: 'user',
  params: matterParams,
  body: z.object({ reason: z.string().trim().max(200).optional() }).default({}),
  response: Matter,
  errors: [...common, 'matter.wrongStep'],
})

export const reviseMatter = defineRoute({
  operationId: 'reviseMatter',
  method: 'PUT',
  path: '/matters/{matterId}',
  summary: '提议人修改被退回的议题，重新提交两委审议',
  auth: 'user',
  params: matterParams,
  body: z.object({
    categoryId: z.string().max(32),
    title: z.string().trim().min(4).max(40),
    text: z.string().trim().min(10).max(2000),
    photoKeys: z.array(PhotoKey).max(9).default([]),
  }),
  response: Matter,
  errors: [
    ...common,
    'matter.wrongStep',
    'matter.excludedCategory',
    'category.notFound',
    'upload.missing',
    ...screened,
  ],
})

export const reviewQueue = defineRoute({
  operationId: 'reviewQueue',
  method: 'GET',
  path: '/communities/{communityId}/review-queue',
  summary: '两委待审议的议题，先到先审：每件附提议内容和第一张照片',
  auth: 'user',
  params: z.object({ communityId: Id }),
  response: z.object({ items: z.array(ReviewQueueItem) }),
  errors: ['auth.required', 'auth.forbidden', 'community.notFound'],
})

export const reviewMatter = defineRoute({
  operationId: 'reviewMatter',
  method: 'POST',
  path: '/matters/{matterId}/review',
  summary: '两委审议：受理并分流（小事/一般事/大事）、退回修改或不予受理',
  auth: 'user',
  params: matterParams,
  body: z.discriminatedUnion('decision', [
    z.object({
      decision: z.literal('accept'),
      triage: Triage,
      responsibleParty: PartyChoice,
      note: z.string().trim().max(500).optional(),
    }),
    z.object({ decision: z.literal('return'), note: z.string().trim().min(1, '请说明需要修改的地方').max(500) }),
    z.object({ decision: z.literal('reject'), reason: z.string().trim().min(1, '请说明不予受理的理由').max(500) }),
  ]),
  response: Matter,
  errors: [...common, 'matter.wrongStep', 'organisation.notFound'],
})

export const answerEscalation = defineRoute({
  operationId: 'answerEscalation',
  method: 'POST',
  path: '/matters/{matterId}/escalation-answer',
  summary: '记录街道职能部门对「大事」的答复（吹哨报到）',
  auth: 'user',
  params: matterParams,
  body: z.object({ answer: z.string().trim().min(1).max(1000) }),
  response: Matter,
  errors: [...common, 'matter.wrongStep'],
})

export const listComments = defineRoute({
  operationId: 'listComments',
  method: 'GET',
  path: '/matters/{matterId}/comments',
  summary: '议题讨论',
  auth: 'user',
  params: matterParams,
  response: z.object({ items: z.array(Comment) }),
  errors: common,
})

export const addComment = defineRoute({
  operationId: 'addComment',
  method: 'POST',
  path: '/matters/{matterId}/comments',
  summary: '范围内居民在投票前和投票中发表意见',
  auth: 'user',
  status: 201,
  params: matterParams,
  body: z.object({ commentId: ClientId, text: z.string().trim().min(1, '请输入内容').max(500, '最多500字') }),
  response: Comment,
  errors: [...common, 'matter.wrongStep', 'request.idConflict', ...screened],
})

export const openPoll = defineRoute({
  operationId: 'openPoll',
  method: 'POST',
  path: '/matters/{matterId}/poll',
  summary: '发起表决：楼长发起本楼议题，两委发起小区和社区议题；规则与选民（开票时范围内的户）在开票时冻结并公布',
  auth: 'user',
  status: 201,
  params: matterParams,
  body: z
    .object({
      options: z.array(z.string().trim().min(1).max(20)).min(2, '至少两个选项').max(10, '最多十个选项'),
      opensAt: z.string().datetime({ offset: true }),
      closesAt: z.string().datetime({ offset: true }),
      secret: z.boolean(),
      rule: PollRule,
    })
    .refine((p) => new Date(p.closesAt) > new Date(p.opensAt), {
      message: '截止时间须晚于开始时间',
      path: ['closesAt'],
    })
    .refine((p) => p.rule.passOption < p.options.length, { message: '通过选项不存在', path: ['rule', 'passOption'] }),
  response: Matter,
  errors: [...common, 'matter.wrongStep', 'poll.timeInvalid', 'poll.noElectorate'],
})

export const castVote = defineRoute({
  operationId: 'castVote',
  method: 'POST',
  path: '/polls/{pollId}/votes',
  summary: '户代表为本户投票：一户一票，投出后不可更改',
  auth: 'user',
  status: 201,
  params: z.object({ pollId: Id }),
  body: z.object({ option: z.number().int().min(0).max(9), householdId: Id.optional() }),
  response: z.object({ accepted: z.literal(true), householdId: Id }),
  errors: [
    'auth.required',
    'poll.notFound',
    'poll.notOpen',
    'matter.notFound',
    'matter.wrongStep',
    'vote.notRepresentative',
    'vote.notEligible',
    'vote.already',
    'vote.badOption',
  ],
})

export const recordResolution = defineRoute({
  operationId: 'recordResolution',
  method: 'POST',
  path: '/matters/{matterId}/resolution',
  summary: '两委形成决议并公示：责任方、任务、完成期限',
  auth: 'user',
  params: matterParams,
  body: z.object({
    responsibleParty: PartyChoice,
    tasks: z.array(z.string().trim().min(1).max(200)).min(1).max(20),
    dueDate: z.string().date(),
  }),
  response: Matter,
  errors: [...common, 'matter.wrongStep', 'organisation.notFound', ...screened],
})

export const reportDone = defineRoute({
  operationId: 'reportDone',
  method: 'POST',
  path: '/matters/{matterId}/completion',
  summary: '责任方报告办结（附照片和说明），开启大众评议',
  auth: 'user',
  params: matterParams,
  body: z.object({ note: z.string().trim().min(1).max(1000), photoKeys: z.array(PhotoKey).max(9).default([]) }),
  response: Matter,
  errors: [...common, 'matter.wrongStep', 'upload.missing', ...screened],
})

export const Rating = z.enum(['satisfied', 'basic', 'unsatisfied'])
export const ratingLabels: Record<z.infer<typeof Rating>, string> = {
  satisfied: '满意',
  basic: '基本满意',
  unsatisfied: '不满意',
}

export const rateMatter = defineRoute({
  operationId: 'rateMatter',
  method: 'POST',
  path: '/matters/{matterId}/ratings',
  summary: '户代表在评议期内为本户评议：满意 / 基本满意 / 不满意',
  auth: 'user',
  status: 201,
  params: matterParams,
  body: z.object({ rating: Rating, householdId: Id.optional() }),
  response: z.object({ accepted: z.literal(true), householdId: Id }),
  errors: [...common, 'matter.wrongStep', 'vote.notRepresentative', 'vote.notEligible', 'rating.already'],
})

export const listMatterNotifications = defineRoute({
  operationId: 'listMatterNotifications',
  method: 'GET',
  path: '/matters/{matterId}/notifications',
  summary: '议题每次流转排队的通知及其发送结果（微信订阅消息，发给已订阅且在受众内的用户）',
  auth: 'user',
  params: matterParams,
  response: z.object({ items: z.array(NoticeView) }),
  errors: common,
})

export const deliberationRoutes = {
  getDeliberationSettings,
  putDeliberationSettings,
  proposeMatter,
  listMatters,
  getMatter,
  secondMatter,
  withdrawMatter,
  reviseMatter,
  reviewQueue,
  reviewMatter,
  answerEscalation,
  listComments,
  addComment,
  openPoll,
  castVote,
  recordResolution,
  reportDone,
  rateMatter,
  listMatterNotifications,
}
