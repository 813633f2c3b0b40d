import { topicOfTemplate } from '../../../../contracts/notifications'
import type { QueuedNotification } from '../deliberation/model'
import { parseNotificationRef, type NotificationDeps, type Subscriber } from './ports'

/** The matter page in the mini-program, which a message opens. */
export const MATTER_PAGE = 'packages/resident/pages/matter/index'

const inside = (path: string, scopePath: string) => path === scopePath || path.startsWith(`${scopePath}/`)

/** Whether a consenting user is among the people a notification is for. */
export const reaches = (audience: QueuedNotification['audience'], s: Subscriber): boolean => {
  if (audience.kind === 'users') return audience.userIds.includes(s.userId)
  if (audience.kind === 'scope') return s.homePaths.some((p) => inside(p, audience.scopePath))
  // A role held at the scope or above it (the community's committee for a building's matter).
  return s.roles.some((r) => {
    const at = r.indexOf('@')
    return r.slice(0, at) === audience.role && inside(audience.scopePath, r.slice(at + 1))
  })
}

/** WeChat's `thing` keywords take at most 20 characters. */
const thing = (text: string) => (text.length > 20 ? `${text.slice(0, 19)}…` : text)
/** `time` keywords: China time, as residents read it. */
const chinaTime = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')

/**
 * The sender, run by the scheduler: every notification due is matched against the users of its community who
 * agreed to its topic; each match spends one message of consent and gets one WeChat subscribe message. The
 * outcome is kept on the notification (GET /matters/{id}/notifications shows it).
 */
export const deliverDue = async (deps: NotificationDeps, now: Date) => {
  let delivered = 0
  for (const d of await deps.deliberation.due('notify', now.toISOString())) {
    const { matterId, sortKey } = parseNotificationRef(d.refId)
    const [n, m] = await Promise.all([deps.notifications.getQueued(matterId, sortKey), deps.deliberation.getMatter(matterId)])
    if (n && m) {
      const topic = topicOfTemplate[n.template] ?? 'community'
      const templateId = deps.subscribeTemplates[topic]
      const outcome = { at: now.toISOString(), topic, audience: 0, sent: 0, skipped: 0, failed: 0 }
      if (!templateId) {
        await deps.notifications.markDelivered(matterId, sortKey, { ...outcome, reason: '本环境未配置该主题的订阅消息模板' })
      } else {
        const audience = (await deps.notifications.subscribers(m.communityId, topic)).filter((s) => reaches(n.audience, s))
        outcome.audience = audience.length
        for (const s of audience) {
          const taken = await deps.notifications.takeOne(m.communityId, topic, s.userId, d.refId)
          // Reached by an earlier or overlapping run of the scheduler: counted, not sent again.
          if (taken === 'already') {
            outcome.sent++
            continue
          }
          if (taken === 'none') {
            outcome.skipped++
            continue
          }
          const result = await deps.sender.send({
            openid: s.openid,
            templateId,
            page: `${MATTER_PAGE}?matterId=${matterId}`,
            data: { thing1: { value: thing(m.title) }, thing2: { value: thing(n.text) }, time3: { value: chinaTime(n.at) } },
          })
          if (result === 'sent') outcome.sent++
          else if (result === 'refused') {
            outcome.skipped++
            await deps.notifications.clear(m.communityId, topic, s.userId)
          } else {
            outcome.failed++
            await deps.notifications.giveBack(m.communityId, topic, s.userId, d.refId)
          }
        }
        await deps.notifications.markDelivered(matterId, sortKey, outcome)
      }
      delivered++
    }
    await deps.deliberation.clearDue('notify', d.at, d.refId)
  }
  return delivered
}
