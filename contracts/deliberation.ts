import { z } from 'zod'
import { ClientId, defineRoute, Id } from './common'
import { PhotoKey } from './uploads'
import { NoticeView } from './notifications'
import {
  DeliberationSettings,
  Matter,
  MatterSummary,
  PartyChoice,
  PollRule,
  Rating,
  ReviewQueueItem,
  Scope,
  Step,
  Comment,
  Triage,
} from './deliberationModel'

/* The five-step deliberation's routes; the schemas they speak are in deliberationModel.ts (re-exported here). */
export * from './deliberationModel'
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
