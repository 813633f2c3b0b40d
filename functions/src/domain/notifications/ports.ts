import type { Topic } from '../../../../contracts/notifications'
import type { Outcome } from '../shared/outcome'
import type { StructureStore } from '../structure/ports'
import type { Delivery, QueuedNotice, Subscriber } from './model'

export interface NoticeStore {
  /** Queues notices outside any other write (a capability's scheduled job telling of what it did). */
  queue(notices: QueuedNotice[]): Promise<void>
  get(
    subjectKind: string,
    subjectId: string,
    noticeId: string,
  ): Promise<(QueuedNotice & { delivery?: Delivery }) | undefined>
  /** Every notice queued about one subject, oldest first, with what the sender did. */
  forSubject(subjectKind: string, subjectId: string): Promise<(QueuedNotice & { delivery?: Delivery })[]>
  markDelivered(n: QueuedNotice, delivery: Delivery): Promise<void>
}

export interface SubscriptionStore {
  /** Adds one message of consent; returns how many the user now has. */
  addConsent(communityId: string, topic: Topic, s: Omit<Subscriber, 'remaining'>, at: string): Promise<number>
  remaining(communityId: string, userId: string): Promise<Partial<Record<Topic, number>>>
  subscribers(communityId: string, topic: Topic): Promise<Subscriber[]>
  /**
   * Spends one message of consent on one notice, atomically with a marker that the user has it: refused `none`
   * when no consent is left, `already` when this notice was already taken for the user.
   */
  takeOne(n: QueuedNotice, userId: string): Promise<Outcome<'none' | 'already'>>
  /** Gives the consent back and removes the marker when the send failed, so a later run tries again. */
  giveBack(n: QueuedNotice, userId: string): Promise<void>
  /** Spends every message of consent left (the user turned messages off in WeChat). */
  clear(communityId: string, topic: Topic, userId: string): Promise<void>
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

/** A topic's WeChat template on this stage: its id and which of its keywords take the subject, the text and the time. */
export interface TopicTemplate {
  id: string
  keys: { title: string; text: string; time: string }
}

export interface NotificationDeps {
  notices: NoticeStore
  subscriptions: SubscriptionStore
  sender: SubscribeSender
  /** The WeChat template of each topic on this stage (none: nothing is sent for that topic, and the log says so). */
  subscribeTemplates: Partial<Record<Topic, TopicTemplate>>
  structure: StructureStore
  now: () => Date
}
