import Taro from '@tarojs/taro'
import type { z } from 'zod'
import { topicLabels, type Topic, type TopicInfo } from '@contracts/notifications'
import { addSubscriptions, listSubscriptions } from './api/notifications'
import { IS_H5 } from './env'
import { isLoggedIn } from './session'

export type TopicItem = z.infer<typeof TopicInfo>
type TemplateIds = Partial<Record<Topic, string>>

/*
 * WeChat subscribe messages (订阅消息): WeChat delivers a message only after the user tapped 「允许」 in
 * wx.requestSubscribeMessage, one message per tap (一次性订阅). WeChat opens that dialog only from a tap and
 * only with nothing asynchronous before the call (otherwise: "can only be invoked by user TAP gesture"), so the
 * template ids are fetched ahead (prefetchSubscriptions on the page) and the dialog opens in the tap itself.
 */

/** The stage's template ids by topic: configuration of the mini-program, the same for every user, kept for the session. */
let templateIds: TemplateIds | undefined
let loadingIds: Promise<TemplateIds> | undefined
/** A dialog is open: a second tap does not stack another. */
let asking = false

/** Keeps the template ids of a listSubscriptions or addSubscriptions answer. */
export const rememberTopics = (items: TopicItem[]): void => {
  const ids: TemplateIds = {}
  for (const item of items) if (item.templateId) ids[item.topic] = item.templateId
  templateIds = ids
}

const loadTemplateIds = (communityId?: string): Promise<TemplateIds> => {
  if (templateIds) return Promise.resolve(templateIds)
  loadingIds ??= listSubscriptions(communityId)
    .then((res) => {
      rememberTopics(res.items)
      return templateIds ?? {}
    })
    .finally(() => {
      loadingIds = undefined
    })
  return loadingIds
}

/** Fetches the template ids ahead of a tap that may ask (on page load), so the dialog can open within the tap. Never throws. */
export const prefetchSubscriptions = (communityId?: string): void => {
  if (templateIds || !isLoggedIn()) return
  loadTemplateIds(communityId).catch((e: unknown) => console.warn('[subscribe] template ids not loaded', e))
}

/** The topics among `topics` the stage has a template for, from the session's cache (empty until fetched). */
export const configuredTopics = (topics: Topic[]): Topic[] => topics.filter((t) => templateIds?.[t])

/** Opens the dialog (WeChat's, or its H5 stand-in) for the topics with a template; resolves to the topics allowed. */
async function ask(topics: Topic[], ids: TemplateIds): Promise<Topic[]> {
  const asked = topics.filter((t) => ids[t])
  if (asked.length === 0) return []
  if (IS_H5) {
    // H5 has no requestSubscribeMessage: a modal stands in for WeChat's dialog, all topics at once.
    const { confirm } = await Taro.showModal({
      title: '接收通知？',
      content: `${asked.map((t) => `「${topicLabels[t]}」`).join('')}有新消息时通过微信通知您。每点一次「允许」可收到一条。`,
      confirmText: '允许',
      cancelText: '拒绝',
    })
    return confirm ? asked : []
  }
  const tmplIds = [...new Set(asked.map((t) => ids[t]!))]
  // Called before any await: still within the user's tap.
  const res = (await Taro.requestSubscribeMessage({
    tmplIds,
  } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, unknown>
  // 'reject' (or 'ban', or 「总是保持以上选择」 with reject): not nagged, nothing recorded.
  return asked.filter((t) => res[ids[t]!] === 'accept')
}

export interface Consent {
  /** Settles once the user has answered the dialog (at once when there is nothing to ask): the topics allowed. */
  answered: Promise<Topic[]>
  /** Settles once the allowed topics are recorded by the API: those topics, or none when recording failed. */
  recorded: Promise<Topic[]>
}

const none: Consent = { answered: Promise.resolve([]), recorded: Promise.resolve([]) }

/**
 * Asks to send the user messages of `topics` (at most 3: one WeChat call) and records the 「允许」s. Call it
 * from a tap handler before any await. Never rejects: a consent must never block proposing or voting, so
 * failures go to console.warn and count as nothing allowed. Use `answered` to go on (e.g. navigate) once the
 * dialog is closed, without waiting for the recording.
 */
export function requestConsent(topics: Topic[], communityId?: string): Consent {
  const wanted = [...new Set(topics)].slice(0, 3)
  if (wanted.length === 0 || asking || !isLoggedIn()) return none
  asking = true
  // With the ids cached the dialog opens synchronously, inside the tap; without them WeChat may refuse it (warned).
  const answered = (
    templateIds ? ask(wanted, templateIds) : loadTemplateIds(communityId).then((ids) => ask(wanted, ids))
  )
    .catch((e: unknown) => {
      console.warn('[subscribe] not asked', e)
      return [] as Topic[]
    })
    .finally(() => {
      asking = false
    })
  const recorded = answered
    .then(async (allowed) => {
      if (allowed.length === 0) return []
      rememberTopics((await addSubscriptions(allowed, communityId)).items)
      return allowed
    })
    .catch((e: unknown) => {
      console.warn('[subscribe] not recorded', e)
      return [] as Topic[]
    })
  return { answered, recorded }
}

/** Asks for `topics` and records the 「允许」s; resolves to the topics recorded. Never rejects. See requestConsent. */
export const askToSubscribe = (topics: Topic[], communityId?: string): Promise<Topic[]> =>
  requestConsent(topics, communityId).recorded
