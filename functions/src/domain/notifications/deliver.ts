import { reaches } from './audience'
import { parseNoticeRef, type Delivery, type Notice, type QueuedNotice } from './model'
import type { NotificationDeps } from './ports'

/** Names a notice within its subject: time first, so a subject's notices list in the order they were queued. */
export const queued = (n: Notice, newId: () => string): QueuedNotice => ({ ...n, noticeId: `${n.at}#${newId()}` })

/** WeChat's `thing` keywords take at most 20 characters. */
const thing = (text: string) => (text.length > 20 ? `${text.slice(0, 19)}…` : text)
/** `time` keywords: Beijing time, as residents read it. */
export const beijingTime = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')

/**
 * Sends one queued notice (the scheduler's `notifications.send` job): matched against the users of its
 * community who agreed to its topic; each match spends one message of consent and gets one WeChat subscribe
 * message. What became of it is kept on the notice. Safe to run again: a user reached once is not reached twice.
 */
export const sendNotice = async (deps: NotificationDeps, ref: string): Promise<void> => {
  const key = parseNoticeRef(ref)
  const n = key && (await deps.notices.get(key.subjectKind, key.subjectId, key.noticeId))
  if (!n) return
  const template = deps.subscribeTemplates[n.topic]
  const outcome: Delivery = {
    at: deps.now().toISOString(),
    topic: n.topic,
    audience: 0,
    sent: 0,
    skipped: 0,
    failed: 0,
  }
  if (!template) return deps.notices.markDelivered(n, { ...outcome, reason: '本环境未配置该主题的订阅消息模板' })
  const audience = (await deps.subscriptions.subscribers(n.communityId, n.topic)).filter((s) => reaches(n.audience, s))
  outcome.audience = audience.length
  for (const s of audience) {
    const taken = await deps.subscriptions.takeOne(n, s.userId)
    if (!taken.ok) {
      // `already`: reached by an earlier or overlapping run, counted and not sent again; `none`: no consent left.
      if (taken.refused === 'already') outcome.sent++
      else outcome.skipped++
      continue
    }
    const result = await deps.sender.send({
      openid: s.openid,
      templateId: template.id,
      page: n.subject.page,
      data: {
        [template.keys.title]: { value: thing(n.subject.title) },
        [template.keys.text]: { value: thing(n.text) },
        [template.keys.time]: { value: beijingTime(n.at) },
      },
    })
    if (result === 'sent') outcome.sent++
    else if (result === 'refused') {
      outcome.skipped++
      await deps.subscriptions.clear(n.communityId, n.topic, s.userId)
    } else {
      outcome.failed++
      await deps.subscriptions.giveBack(n, s.userId)
    }
  }
  await deps.notices.markDelivered(n, outcome)
}
