import type { Role } from '../../../../contracts/common'
import type { Topic } from '../../../../contracts/notifications'

/**
 * Who a notice is for. The sender matches it against the users who agreed to the notice's topic, using the
 * homes and roles they had when they last agreed, so a notice to "every household of 1号楼" never fans out
 * to every household: only to the few who consented.
 */
export type Audience =
  /** Named users (the proposer, the claimant of a wish). */
  | { kind: 'users'; userIds: string[] }
  /** Holders of a role at the place or above it (the community's committee for a building's matter; a grid's worker for the grid's path). */
  | { kind: 'role'; role: Role; placePath: string }
  /** Members of the households inside a place. */
  | { kind: 'households'; placePath: string }

/**
 * What a notice is about: a matter, a wish, an activity, a redemption… `page` is the mini-program page (with
 * its query) the WeChat message opens; `title` is shown as the message's first keyword.
 */
export interface Subject {
  kind: string
  id: string
  title: string
  page: string
}

/** A notice as a capability queues it (in the same write as the change it tells of). */
export interface Notice {
  communityId: string
  subject: Subject
  topic: Topic
  /** What happened, as a stable name (`matterProgress`, `pollOpen`, …): shown in delivery logs. */
  kind: string
  text: string
  at: string
  audience: Audience
}

/** A queued notice, named within its subject by `noticeId` (time-ordered). */
export interface QueuedNotice extends Notice {
  noticeId: string
}

/** What the sender did with one queued notice. */
export interface Delivery {
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

/** The schedule's name for "send this notice": its subject and its id within the subject. */
export const noticeRef = (n: Pick<QueuedNotice, 'subject' | 'noticeId'>) =>
  `${n.subject.kind}|${n.subject.id}|${n.noticeId}`
export const parseNoticeRef = (
  ref: string,
): { subjectKind: string; subjectId: string; noticeId: string } | undefined => {
  const [subjectKind, subjectId, noticeId, extra] = ref.split('|')
  return subjectKind && subjectId && noticeId && extra === undefined ? { subjectKind, subjectId, noticeId } : undefined
}

/** The due-work kind under which queued notices wait for the sender. */
export const SEND_NOTICE = 'notifications.send'
