import type { Topic } from '../../../../contracts/notifications'
import type { QueuedNotification } from '../deliberation/model'
import type { DeliberationDeps } from '../deliberation/ports'

/** A queued notification is named by its matter and its place in the matter's log. */
export const notificationRef = (matterId: string, sortKey: string) => `${matterId}|${sortKey}`
export const parseNotificationRef = (ref: string) => {
  const i = ref.indexOf('|')
  return { matterId: ref.slice(0, i), sortKey: ref.slice(i + 1) }
}

/** What the sender did with one queued notification. */
export interface NotificationDelivery {
  at: string
  topic: Topic
  /** Consenting users the audience reached. */
  audience: number
  sent: number
  /** Users whose consent was used up, or who turned messages off in WeChat. */
  skipped: number
  failed: number
  /** Why nothing was sent at all (e.g. no template configured on this stage). */
  reason?: string
}

/** One user's consent to one topic in one community. */
export interface Subscriber {
  userId: string
  openid: string
  remaining: number
  /** Paths of the user's households when they last consented. */
  homePaths: string[]
  /** `role@placePath` for each role the user held when they last consented. */
  roles: string[]
}

export interface NotificationStore {
  /** Adds one message of consent; returns how many the user now has. */
  addConsent(communityId: string, topic: Topic, s: Omit<Subscriber, 'remaining'>, at: string): Promise<number>
  remaining(communityId: string, userId: string): Promise<Partial<Record<Topic, number>>>
  subscribers(communityId: string, topic: Topic): Promise<Subscriber[]>
  /**
   * Uses one message of consent for one notification (`ref`), atomically with a marker that the user has it:
   * `none` when no consent is left, `already` when this notification was already taken for the user.
   */
  takeOne(communityId: string, topic: Topic, userId: string, ref: string): Promise<'taken' | 'none' | 'already'>
  /** Returns the consent, and the notification to the user's due list, when the send failed. */
  giveBack(communityId: string, topic: Topic, userId: string, ref: string): Promise<void>
  /** Spends every message of consent left (the user turned messages off in WeChat). */
  clear(communityId: string, topic: Topic, userId: string): Promise<void>
  getQueued(matterId: string, sortKey: string): Promise<QueuedNotification | undefined>
  markDelivered(matterId: string, sortKey: string, delivery: NotificationDelivery): Promise<void>
}

export interface SubscribeMessage {
  openid: string
  templateId: string
  /** The mini-program page the message opens. */
  page: string
  data: Record<string, { value: string }>
}

/** WeChat's subscribeMessage.send. `refused`: the user has not (or no longer) agreed to this template. */
export interface SubscribeSender {
  send(message: SubscribeMessage): Promise<'sent' | 'refused' | 'failed'>
}

export interface NotificationDeps extends DeliberationDeps {
  notifications: NotificationStore
  sender: SubscribeSender
  /** The WeChat template id of each topic on this stage (none: nothing is sent for that topic). */
  subscribeTemplates: Partial<Record<Topic, string>>
}
