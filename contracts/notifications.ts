import { z } from 'zod'
import { defineRoute, Id } from './common'

/*
 * Notifications reach people as WeChat subscribe messages (订阅消息). WeChat only delivers a message the user
 * has agreed to, one message per "allow" tap (一次性订阅), so the mini-program asks at natural moments and
 * reports each "allow" here. A topic is one WeChat template configured for the mini-program; every queued
 * notification belongs to one topic.
 */
/**
 * The topics, each one WeChat subscribe-message template. A capability that notifies adds its topic here (one
 * line) and the deployment names a template for it in `WECHAT_SUBSCRIBE_TEMPLATES` (README: "Adding a topic").
 * Every queued notice names its topic; the sender reaches only the users who agreed to that topic.
 */
export const topicCatalog = {
  progress: { label: '我的议题进展' },
  community: { label: '议事投票与公示' },
  task: { label: '待办提醒（工作人员）' },
  points: { label: '积分兑换提醒' },
  volunteer: { label: '志愿活动提醒' },
  wish: { label: '微心愿进展' },
} as const satisfies Record<string, { label: string }>

export type Topic = keyof typeof topicCatalog
export const topics = Object.keys(topicCatalog) as [Topic, ...Topic[]]
export const Topic = z.enum(topics)

export const topicLabels: Record<Topic, string> = Object.fromEntries(
  topics.map((t) => [t, topicCatalog[t].label]),
) as Record<Topic, string>

export const TopicInfo = z.object({
  topic: Topic,
  label: z.string(),
  /** The WeChat template id to pass to wx.requestSubscribeMessage; absent when this stage has none configured. */
  templateId: z.string().optional(),
  /** Messages of this topic the caller has agreed to receive and not yet received. */
  remaining: z.number().int(),
})

/** A queued notice and what the sender did with it (a subject's notification log). */
export const NoticeView = z.object({
  at: z.string(),
  template: z.string(),
  text: z.string(),
  audience: z.string(),
  /** What it is about: `{ kind: 'matter', id }`, a wish, an activity, a redemption. */
  subject: z.object({ kind: z.string(), id: Id }),
  /** What the sender did (WeChat subscribe messages to the consenting users it reached), once the scheduler has run. */
  delivery: z
    .object({
      at: z.string(),
      topic: z.string(),
      audience: z.number().int(),
      sent: z.number().int(),
      skipped: z.number().int(),
      failed: z.number().int(),
      reason: z.string().optional(),
    })
    .optional(),
})

export const listSubscriptions = defineRoute({
  operationId: 'listSubscriptions',
  method: 'GET',
  path: '/me/subscriptions',
  summary: '通知主题（微信订阅消息模板）与我剩余可接收的条数',
  auth: 'user',
  query: z.object({ communityId: Id.optional() }),
  response: z.object({ communityId: Id.optional(), items: z.array(TopicInfo) }),
  errors: ['auth.required'],
})

export const addSubscriptions = defineRoute({
  operationId: 'addSubscriptions',
  method: 'POST',
  path: '/me/subscriptions',
  summary: '记录用户在 wx.requestSubscribeMessage 中点了「允许」的主题：每次允许可接收一条',
  auth: 'user',
  body: z.object({
    topics: z
      .array(Topic)
      .min(1)
      .max(topics.length * 3),
    communityId: Id.optional(),
  }),
  response: z.object({ communityId: Id, items: z.array(TopicInfo) }),
  errors: ['auth.required', 'subscription.noCommunity', 'subscription.noOpenid'],
})

export const notificationRoutes = { listSubscriptions, addSubscriptions }
