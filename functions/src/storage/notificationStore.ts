import { $add, $set, DeleteTransaction, executeTransactWrite, GetItemCommand, PutTransaction, UpdateItemCommand, UpdateTransaction } from 'dynamodb-toolbox'
import { topics, type Topic } from '../../../contracts/notifications'
import type { QueuedNotification } from '../domain/deliberation/model'
import { parseNotificationRef, type NotificationStore } from '../domain/notifications/ports'
import { topicSubscribers } from './accessPatterns'
import { MatterLogEntity, SubscriptionEntity } from './entities'
import { failedConditions } from './transactions'

export const dynamoNotificationStore: NotificationStore = {
  async addConsent(communityId, topic, s, at) {
    const { Attributes } = await SubscriptionEntity.build(UpdateItemCommand)
      .item({ communityId, topic, userId: s.userId, openid: s.openid, remaining: $add(1), homePaths: $set(s.homePaths), roles: $set(s.roles), updatedAt: at })
      .options({ returnValues: 'ALL_NEW' })
      .send()
    return Attributes?.remaining ?? 1
  },
  async remaining(communityId, userId) {
    const items = await Promise.all(topics.map((topic) => SubscriptionEntity.build(GetItemCommand).key({ communityId, topic, userId }).send()))
    const out: Partial<Record<Topic, number>> = {}
    items.forEach(({ Item }, i) => {
      if (Item) out[topics[i]!] = Item.remaining
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
  async takeOne(communityId, topic, userId, ref) {
    // The marker makes a notification reach a user once, whatever reruns or overlapping scheduler runs do.
    const { matterId, sortKey } = parseNotificationRef(ref)
    try {
      await executeTransactWrite(
        MatterLogEntity.build(PutTransaction)
          .item({ matterId, kind: 'SNT', sortKey: `${sortKey}#${userId}`, json: '{}' })
          .options({ condition: { attr: 'matterId', exists: false } }),
        SubscriptionEntity.build(UpdateTransaction)
          .item({ communityId, topic, userId, remaining: $add(-1) })
          .options({ condition: { attr: 'remaining', gt: 0 } }),
      )
      return 'taken'
    } catch (error) {
      const failed = failedConditions(error)
      if (failed?.includes(0)) return 'already'
      if (failed?.includes(1)) return 'none'
      throw error
    }
  },
  async giveBack(communityId, topic, userId, ref) {
    const { matterId, sortKey } = parseNotificationRef(ref)
    await executeTransactWrite(
      MatterLogEntity.build(DeleteTransaction).key({ matterId, kind: 'SNT', sortKey: `${sortKey}#${userId}` }),
      SubscriptionEntity.build(UpdateTransaction).item({ communityId, topic, userId, remaining: $add(1) }),
    )
  },
  async clear(communityId, topic, userId) {
    await SubscriptionEntity.build(UpdateItemCommand).item({ communityId, topic, userId, remaining: 0 }).send()
  },
  async getQueued(matterId, sortKey) {
    const { Item } = await MatterLogEntity.build(GetItemCommand).key({ matterId, kind: 'NTF', sortKey }).send()
    return Item ? (JSON.parse(Item.json) as QueuedNotification) : undefined
  },
  async markDelivered(matterId, sortKey, delivery) {
    await MatterLogEntity.build(UpdateItemCommand)
      .item({ matterId, kind: 'NTF', sortKey, delivery: JSON.stringify(delivery) })
      .send()
  },
}
