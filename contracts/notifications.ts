import { z } from 'zod'
import { defineRoute, Id } from './common'

/*
 * Notifications reach people as WeChat subscribe messages (订阅消息). WeChat only delivers a message the user
 * has agreed to, one message per "allow" tap (一次性订阅), so the mini-program asks at natural moments and
 * reports each "allow" here. A topic is one WeChat template configured for the mini-program; every queued
 * notification belongs to one topic.
 */
export const topics = ['progress', 'community', 'task'] as const
export const Topic = z.enum(topics)
export type Topic = z.infer<typeof Topic>

export const topicLabels: Record<Topic, string> = {
  progress: '我的议题进展',
  community: '议事投票与公示',
  task: '待办提醒（工作人员）',
}

/** Which topic each kind of queued notification belongs to. */
export const topicOfTemplate: Record<string, Topic> = {
  matterProgress: 'progress',
  reviewNeeded: 'task',
  taskAssigned: 'task',
  secondingOpen: 'community',
  consultOpen: 'community',
  pollOpen: 'community',
  pollResult: 'community',
  resolutionPublished: 'community',
  evaluationOpen: 'community',
  evaluationResult: 'community',
}

export const TopicInfo = z.object({
  topic: Topic,
  label: z.string(),
  /** The WeChat template id to pass to wx.requestSubscribeMessage; absent when this stage has none configured. */
  templateId: z.string().optional(),
  /** Messages of this topic the caller has agreed to receive and not yet received. */
  remaining: z.number().int(),
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
  body: z.object({ topics: z.array(Topic).min(1).max(3), communityId: Id.optional() }),
  response: z.object({ communityId: Id, items: z.array(TopicInfo) }),
  errors: ['auth.required', 'subscription.noCommunity', 'subscription.noOpenid'],
})

export const notificationRoutes = { listSubscriptions, addSubscriptions }
