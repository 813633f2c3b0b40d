import {
  $add,
  $set,
  DeleteTransaction,
  Entity,
  executeTransactWrite,
  item,
  list,
  map,
  number,
  PutTransaction,
  string,
  TableAccessPattern as AccessPattern,
  UpdateItemCommand,
  UpdateTransaction,
} from 'dynamodb-toolbox'
import { topics, type Topic } from '../../../../contracts/notifications'
import type { QueuedNotice } from '../../domain/notifications/model'
import type { SubscriptionStore } from '../../domain/notifications/ports'
import { done, refused } from '../../domain/shared/outcome'
import { batchGet } from '../batch'
import { userKeys } from '../identity/users'
import { GridLinkTable as table } from '../table'
import { failedConditions } from '../transactions'
import { NoticeSentEntity } from './notices'

/**
 * A user's consent to WeChat subscribe messages of one topic in one community: `remaining` messages (one per
 * "allow"), with where the user lives and which roles they hold at the time of the last consent, so a notice's
 * audience is matched against the few who consented instead of every household in scope (AP16).
 */
export const subscriptionKeys = {
  topic: (communityId: string, topic: string) => `SUBS#${communityId}#${topic}`,
  user: userKeys.user,
}

export const SubscriptionEntity = new Entity({
  name: 'Subscription',
  table,
  schema: item({
    communityId: string().key(),
    topic: string().key(),
    userId: string().key(),
    openid: string(),
    remaining: number(),
    homePaths: list(string()),
    roles: list(string()),
    updatedAt: string(),
  }),
  computeKey: ({ communityId, topic, userId }) => ({
    pk: subscriptionKeys.topic(communityId, topic),
    sk: subscriptionKeys.user(userId),
  }),
})

/** AP16 — who in a community agreed to messages of a topic (the sender matches each audience against them). */
export const topicSubscribers = table
  .build(AccessPattern)
  .entities(SubscriptionEntity)
  .schema(map({ communityId: string(), topic: string() }))
  .pattern(({ communityId, topic }) => ({ partition: subscriptionKeys.topic(communityId, topic) }))
  .options({ maxPages: Infinity })
  .meta({ title: 'topicSubscribers' })

const sentKey = (n: QueuedNotice, userId: string) => ({
  subjectKind: n.subject.kind,
  subjectId: n.subject.id,
  noticeId: n.noticeId,
  userId,
})

export const dynamoSubscriptionStore: SubscriptionStore = {
  async addConsent(communityId, topic, s, at) {
    const { Attributes } = await SubscriptionEntity.build(UpdateItemCommand)
      .item({
        communityId,
        topic,
        userId: s.userId,
        openid: s.openid,
        remaining: $add(1),
        homePaths: $set(s.homePaths),
        roles: $set(s.roles),
        updatedAt: at,
      })
      .options({ returnValues: 'ALL_NEW' })
      .send()
    return Attributes?.remaining ?? 1
  },
  async remaining(communityId, userId) {
    const items = await batchGet(
      SubscriptionEntity,
      topics.map((topic) => ({ communityId, topic, userId })),
    )
    const out: Partial<Record<Topic, number>> = {}
    items.forEach((i, n) => {
      if (i) out[topics[n]!] = i.remaining
    })
    return out
  },
  async subscribers(communityId, topic) {
    const { Items = [] } = await topicSubscribers.query({ communityId, topic }).send()
    return Items.filter((i) => i.remaining > 0).map((i) => ({
      userId: i.userId,
      openid: i.openid,
      remaining: i.remaining,
      homePaths: i.homePaths,
      roles: i.roles,
    }))
  },
  async takeOne(n, userId) {
    // The marker makes a notice reach a user once, whatever reruns or overlapping scheduler runs do.
    try {
      await executeTransactWrite(
        NoticeSentEntity.build(PutTransaction)
          .item(sentKey(n, userId))
          .options({ condition: { attr: 'userId', exists: false } }),
        SubscriptionEntity.build(UpdateTransaction)
          .item({ communityId: n.communityId, topic: n.topic, userId, remaining: $add(-1) })
          .options({ condition: { attr: 'remaining', gt: 0 } }),
      )
      return done()
    } catch (error) {
      const failed = failedConditions(error)
      if (failed?.includes(0)) return refused('already')
      if (failed?.includes(1)) return refused('none')
      throw error
    }
  },
  async giveBack(n, userId) {
    await executeTransactWrite(
      NoticeSentEntity.build(DeleteTransaction).key(sentKey(n, userId)),
      SubscriptionEntity.build(UpdateTransaction).item({
        communityId: n.communityId,
        topic: n.topic,
        userId,
        remaining: $add(1),
      }),
    )
  },
  async clear(communityId, topic, userId) {
    await SubscriptionEntity.build(UpdateItemCommand).item({ communityId, topic, userId, remaining: 0 }).send()
  },
}
