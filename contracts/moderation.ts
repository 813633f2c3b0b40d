import { z } from 'zod'
import { defineRoute, Id } from './common'

/*
 * Content safety (内容安全), shared by every capability that publishes residents' and staff's words and pictures.
 * Texts are checked by WeChat's msgSecCheck before they are stored, photos by mediaCheckAsync after (its verdict is
 * pushed to POST /wechat/push). Residents report comments and photos (举报); enough reports hide an item until a
 * committee member restores or removes it. Every decision is on the record.
 */

/** Names one piece of published content: `photo:<photo key>` or `<subject kind>:<id>:<part>…` (e.g. `matter:<id>:comment:<id>`). */
export const ContentKey = z
  .string()
  .min(3)
  .max(200)
  .regex(/^[A-Za-z0-9:/._-]+$/, '内容编号格式不正确')

/**
 * Where a piece of content stands. pending: a photo sent to WeChat, no verdict yet (shown); passed; review (WeChat
 * asked for a person, held); reported (enough reports, held); restored and removed (a committee member decided);
 * blocked (WeChat found a photo risky, hidden everywhere).
 */
export const contentStates = ['pending', 'passed', 'review', 'reported', 'restored', 'removed', 'blocked'] as const
export const ContentState = z.enum(contentStates)
export type ContentState = z.infer<typeof ContentState>

/** Told to the writer and the staff who see a held or removed item (everyone else does not see it at all). */
export const ContentModeration = z.object({
  state: z.enum(['review', 'reported', 'removed', 'blocked']),
  /** 审核中，仅自己可见 / 被举报，待社区处理 / 已被社区移除 / 未通过内容安全检测. */
  label: z.string(),
  /** A removal's reason, for the writer. */
  reason: z.string().optional(),
})
export type ContentModeration = z.infer<typeof ContentModeration>

/** The subjects whose content residents may report: a matter's comments and photos; a wish's text, photos and thanks. */
export const ReportSubjectKind = z.enum(['matter', 'wish'])
export type ReportSubjectKind = z.infer<typeof ReportSubjectKind>

export const reportReasons = ['abuse', 'ads', 'privacy', 'false', 'illegal', 'other'] as const
export const ReportReason = z.enum(reportReasons)
export type ReportReason = z.infer<typeof ReportReason>
export const reportReasonLabels: Record<ReportReason, string> = {
  abuse: '辱骂攻击',
  ads: '广告营销',
  privacy: '泄露隐私',
  false: '不实信息',
  illegal: '违法违规',
  other: '其他',
}

export const contentStateLabels: Record<ContentState, string> = {
  pending: '检测中',
  passed: '已通过',
  review: '待人工审核',
  reported: '被举报待处理',
  restored: '已恢复显示',
  removed: '已移除',
  blocked: '未通过内容安全检测',
}

export const Subject = z.object({ kind: z.string(), id: Id, title: z.string(), page: z.string() })

export const QueueItem = z.object({
  contentKey: ContentKey,
  kind: z.enum(['text', 'photo']),
  state: z.enum(['review', 'reported']),
  /** Where it appears (a matter, a wish, …) and the mini-program page that shows it. */
  subject: Subject,
  authorId: Id,
  authorName: z.string(),
  /** The text itself, for a text. */
  text: z.string().optional(),
  /** A presigned GET, for a photo. */
  photoUrl: z.string().optional(),
  reports: z.number().int(),
  reasons: z.array(ReportReason),
  /** WeChat's verdict, when it asked for a person (label: 10001 广告, 20001 时政, 20002 色情, 20003 辱骂, 20006 违法犯罪, …). */
  wechat: z
    .object({ suggest: z.enum(['pass', 'review', 'risky']), label: z.number().int(), at: z.string() })
    .optional(),
  queuedAt: z.string(),
})
export type QueueItem = z.infer<typeof QueueItem>

export const Decision = z.object({
  contentKey: ContentKey,
  kind: z.enum(['text', 'photo']),
  subject: Subject,
  outcome: z.enum(['restore', 'remove', 'block']),
  /** Who decided: a committee member, or 微信内容安全 for a risky photo. */
  byId: z.string(),
  byName: z.string(),
  at: z.string(),
  reason: z.string(),
  authorName: z.string(),
})

export const ModerationSettings = z.object({
  /** Reports from different residents that hide a comment or photo until a committee member decides. */
  reportsToHide: z.number().int().min(1).max(50),
})
export type ModerationSettings = z.infer<typeof ModerationSettings>
export const defaultModerationSettings: ModerationSettings = { reportsToHide: 3 }

const communityParams = z.object({ communityId: Id })

export const reportContent = defineRoute({
  operationId: 'reportContent',
  method: 'POST',
  path: '/moderation/reports',
  summary:
    '举报一条评论、一张照片或一个心愿的文字、感谢信：每人每项一次（重复举报只算一次）；达到社区设定的人数即隐藏，待两委处理',
  auth: 'user',
  status: 201,
  body: z.object({
    /** Where the reporter saw it: `{ kind: 'matter', id }` or `{ kind: 'wish', id }`. */
    subject: z.object({ kind: ReportSubjectKind, id: Id }),
    contentKey: ContentKey,
    reason: ReportReason,
  }),
  response: z.object({
    accepted: z.literal(true),
    /** This caller had reported it before: counted once. */ already: z.boolean(),
    hidden: z.boolean(),
  }),
  errors: ['auth.required', 'content.notFound', 'content.ownReport'],
})

export const moderationQueue = defineRoute({
  operationId: 'moderationQueue',
  method: 'GET',
  path: '/communities/{communityId}/moderation-queue',
  summary: '内容审核队列：微信要求人工复审的内容与被举报隐藏的内容，先到先审',
  auth: 'user',
  params: communityParams,
  response: z.object({
    items: z.array(QueueItem),
    counts: z.object({ review: z.number().int(), reported: z.number().int(), total: z.number().int() }),
  }),
  errors: ['auth.required', 'auth.forbidden', 'community.notFound'],
})

export const decideContent = defineRoute({
  operationId: 'decideContent',
  method: 'POST',
  path: '/moderation/decisions',
  summary: '两委处理待审核内容：恢复显示或移除，须说明理由（记录处理人、时间和理由）',
  auth: 'user',
  body: z.object({
    contentKey: ContentKey,
    decision: z.enum(['restore', 'remove']),
    reason: z.string().trim().min(1, '请说明处理理由').max(200, '最多200字'),
  }),
  response: Decision,
  errors: ['auth.required', 'auth.forbidden', 'content.notFound', 'moderation.notPending'],
})

export const moderationDecisions = defineRoute({
  operationId: 'moderationDecisions',
  method: 'GET',
  path: '/communities/{communityId}/moderation-decisions',
  summary: '内容审核处理记录（最近的在前）：谁、何时、为何恢复或移除',
  auth: 'user',
  params: communityParams,
  response: z.object({ items: z.array(Decision) }),
  errors: ['auth.required', 'auth.forbidden', 'community.notFound'],
})

export const getModerationSettings = defineRoute({
  operationId: 'getModerationSettings',
  method: 'GET',
  path: '/communities/{communityId}/moderation-settings',
  summary: '社区的举报隐藏门槛（几人举报即隐藏待审）',
  auth: 'user',
  params: communityParams,
  response: ModerationSettings,
  errors: ['auth.required', 'community.notFound'],
})

export const putModerationSettings = defineRoute({
  operationId: 'putModerationSettings',
  method: 'PUT',
  path: '/communities/{communityId}/moderation-settings',
  summary: '社区管理员修改举报隐藏门槛',
  auth: 'user',
  params: communityParams,
  body: ModerationSettings,
  response: ModerationSettings,
  errors: ['auth.required', 'auth.forbidden', 'community.notFound'],
})

const pushQuery = z.object({
  signature: z.string().max(100),
  timestamp: z.string().max(20),
  nonce: z.string().max(100),
})

export const verifyWechatPush = defineRoute({
  operationId: 'verifyWechatPush',
  method: 'GET',
  path: '/wechat/push',
  summary: '微信消息推送的服务器地址校验：签名正确时原样返回 echostr（纯文本）',
  auth: 'public',
  query: pushQuery.extend({ echostr: z.string().max(200) }),
  response: z.string(),
  binary: 'text/plain',
  errors: ['wechat.badSignature'],
})

export const receiveWechatPush = defineRoute({
  operationId: 'receiveWechatPush',
  method: 'POST',
  path: '/wechat/push',
  summary:
    '微信消息推送（明文模式、JSON 格式）：mediaCheckAsync 的异步检测结果（wxa_media_check），签名校验后处理，返回 success',
  auth: 'public',
  query: pushQuery,
  body: z
    .object({
      Event: z.string().max(100).optional(),
      MsgType: z.string().max(100).optional(),
      trace_id: z.string().max(200).optional(),
      errcode: z.number().int().optional(),
      result: z
        .object({ suggest: z.string().max(20), label: z.number().int() })
        .partial()
        .optional(),
    })
    .passthrough(),
  response: z.string(),
  binary: 'text/plain',
  errors: ['wechat.badSignature'],
})

export const moderationRoutes = {
  reportContent,
  moderationQueue,
  decideContent,
  moderationDecisions,
  getModerationSettings,
  putModerationSettings,
  verifyWechatPush,
  receiveWechatPush,
}
