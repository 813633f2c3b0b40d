import type { MatterStatus } from '../../../../contracts/deliberation'
import type { Topic } from '../../../../contracts/notifications'
import type { Role } from '../../../../contracts/common'
import type { Actor } from '../identity/actor'
import type { Audience, Notice } from '../notifications/model'
import { matterSubject, type MatterRecord, type TimelineEvent } from './model'

/** Who, when and why: every transition writes one of these into the matter's timeline. */
export const event = (action: string, label: string, actor: { userId: string; displayName: string }, at: string, status: MatterStatus, note?: string): TimelineEvent => ({
  at,
  action,
  label,
  actorId: actor.userId,
  actorName: actor.displayName,
  status,
  ...(note ? { note } : {}),
})

export const actorOf = (a: Actor) => ({ userId: a.principal.userId, displayName: a.principal.displayName })
export const systemActor = { userId: 'system', displayName: '系统' }

const quote = (m: MatterRecord) => `「${m.title}」`

const notice = (m: MatterRecord, at: string, topic: Topic, kind: string, text: string, audience: Audience): Notice => ({
  communityId: m.communityId,
  subject: matterSubject(m),
  topic,
  kind,
  text,
  at,
  audience,
})

/** The notices each transition queues (WeChat subscribe messages in production). */
export const notices = {
  toProposer: (m: MatterRecord, at: string, text: string) =>
    notice(m, at, 'progress', 'matterProgress', `您的议题${quote(m)}${text}`, { kind: 'users', userIds: [m.proposerId] }),
  toCommittee: (m: MatterRecord, at: string, text: string) =>
    notice(m, at, 'task', 'reviewNeeded', `议题${quote(m)}${text}`, { kind: 'role', role: 'committee', placePath: m.scope.path }),
  toScope: (m: MatterRecord, at: string, kind: string, text: string) =>
    notice(m, at, 'community', kind, `${m.scope.name}议题${quote(m)}${text}`, { kind: 'households', placePath: m.scope.path }),
  toRole: (m: MatterRecord, at: string, role: Role, text: string) =>
    notice(m, at, 'task', 'taskAssigned', `议题${quote(m)}${text}`, { kind: 'role', role, placePath: m.scope.path }),
}
