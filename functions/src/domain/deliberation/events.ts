import type { MatterStatus } from '../../../../contracts/deliberation'
import type { Actor } from './facts'
import type { MatterRecord, QueuedNotification, TimelineEvent } from './model'

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

/** The notifications each transition queues (WeChat subscribe messages in production). */
export const notices = {
  toProposer: (m: MatterRecord, at: string, text: string): QueuedNotification => ({
    at,
    template: 'matterProgress',
    text: `您的议题${quote(m)}${text}`,
    audience: { kind: 'users', userIds: [m.proposerId] },
  }),
  toCommittee: (m: MatterRecord, at: string, text: string): QueuedNotification => ({
    at,
    template: 'reviewNeeded',
    text: `议题${quote(m)}${text}`,
    audience: { kind: 'role', role: 'committee', scopePath: m.scope.path },
  }),
  toScope: (m: MatterRecord, at: string, template: string, text: string): QueuedNotification => ({
    at,
    template,
    text: `${m.scope.name}议题${quote(m)}${text}`,
    audience: { kind: 'scope', scopePath: m.scope.path },
  }),
  toRole: (m: MatterRecord, at: string, role: string, text: string): QueuedNotification => ({
    at,
    template: 'taskAssigned',
    text: `议题${quote(m)}${text}`,
    audience: { kind: 'role', role, scopePath: m.scope.path },
  }),
}
