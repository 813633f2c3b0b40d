import { topicLabels, topics, type Topic } from '../../../../contracts/notifications'
import { communityOf, homesOf, type Actor } from '../identity/actor'
import { fail } from '../shared/errors'
import type { NotificationDeps } from './ports'

const view = (deps: NotificationDeps, remaining: Partial<Record<Topic, number>>) =>
  topics.map((topic) => ({
    topic,
    label: topicLabels[topic],
    ...(deps.subscribeTemplates[topic] ? { templateId: deps.subscribeTemplates[topic].id } : {}),
    remaining: remaining[topic] ?? 0,
  }))

/** The topics, their WeChat template ids on this stage, and how many messages of each the caller may still receive. */
export const listSubscriptions = async (deps: NotificationDeps, actor: Actor, input: { communityId?: string }) => {
  const communityId = input.communityId ?? communityOf(actor, await homesOf(deps, actor))
  return {
    ...(communityId ? { communityId } : {}),
    items: view(deps, communityId ? await deps.subscriptions.remaining(communityId, actor.principal.userId) : {}),
  }
}

/**
 * The caller tapped 允许 in wx.requestSubscribeMessage for these topics: one more message of each. Where they
 * live and which roles they hold are kept with the consent, refreshed on every tap, so the sender can match a
 * notice's audience against the few who consented.
 */
export const addSubscriptions = async (
  deps: NotificationDeps,
  actor: Actor,
  input: { topics: Topic[]; communityId?: string },
) => {
  const homes = await homesOf(deps, actor)
  const communityId = input.communityId ?? communityOf(actor, homes) ?? fail('subscription.noCommunity')
  const openid = actor.user.openid ?? fail('subscription.noOpenid')
  const who = {
    userId: actor.principal.userId,
    openid,
    homePaths: homes.map((h) => h.path),
    roles: actor.principal.grants.map((g) => `${g.role}@${g.placePath}`),
  }
  const at = deps.now().toISOString()
  for (const topic of new Set(input.topics)) await deps.subscriptions.addConsent(communityId, topic, who, at)
  return { communityId, items: view(deps, await deps.subscriptions.remaining(communityId, actor.principal.userId)) }
}
