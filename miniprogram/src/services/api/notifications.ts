import {
  addSubscriptions as addSubscriptionsRoute,
  listSubscriptions as listSubscriptionsRoute,
  type Topic,
} from '@contracts/notifications'
import { call } from '../http'

/** The notification topics with their WeChat template ids and how many messages of each the caller may still receive. */
export const listSubscriptions = (communityId?: string) =>
  call(listSubscriptionsRoute, { query: communityId ? { communityId } : {} })

/** Records the topics the user allowed in the subscribe dialog: one more message of each (一次性订阅). */
export const addSubscriptions = (topics: Topic[], communityId?: string) =>
  call(addSubscriptionsRoute, { body: { topics, ...(communityId ? { communityId } : {}) } })
