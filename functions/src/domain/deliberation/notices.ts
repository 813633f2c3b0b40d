import type { MatterStatus } from '../../../../contracts/deliberation'
import type { Topic } from '../../../../contracts/notifications'
import type { Role } from '../../../../contracts/common'
import type { Actor } from '../identity/actor'
import { staffLabel } from '../identity/labels'
import type { Audience, Notice } from '../notifications/model'
import { matterSubject, type MatterRecord, type TimelineEvent } from './model'

/** Who, when and why: every transition writes one of these into the matter's timeline. */
export const event = (
  action: string,
  label: string,
  actor: { userId: string; displayName: string; role?: string },
  at: string,
  status: MatterStatus,
  note?: string,
): TimelineEvent => ({
  at,
  action,
  label,
  actorId: actor.userId,
  actorName: actor.displayName,
  ...(actor.role ? { actorRole: actor.role } : {}),
  status,
  ...(note ? { note } : {}),
})

/**
 * Who acts, as the timeline shows them: with the role and place they act as on this matter (网格员, 1号楼楼长), or the
 * organisation they act for when it is the one named responsible (阳光物业). Made now, stored with the entry.
 */
export const actorOf = (
  a: Actor,
  m?: Pick<MatterRecord, 'scope' | 'resolution' | 'responsibleParty'>,
  actsForParty = false,
) => {
  const party = actsForParty && m ? (m.resolution?.responsibleParty ?? m.responsibleParty)?.name : undefined
  const role = party ?? (m ? staffLabel(a.principal, m.scope.path) : undefined)
  return { userId: a.principal.userId, displayName: a.principal.displayName, ...(role ? { role } : {}) }
}
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
    notice(m, at, 'progress', 'matterProgress', `您的议题${quote(m)}${text}`, {
      kind: 'users',
      userIds: [m.proposerId],
    }),
  toCommittee: (m: MatterRecord, at: string, text: string) =>
    notice(m, at, 'task', 'reviewNeeded', `议题${quote(m)}${text}`, {
      kind: 'role',
      role: 'committee',
      placePath: m.scope.path,
    }),
  toScope: (m: MatterRecord, at: string, kind: string, text: string) =>
    notice(m, at, 'community', kind, `${m.scope.name}议题${quote(m)}${text}`, {
      kind: 'households',
      placePath: m.scope.path,
    }),
  toRole: (m: MatterRecord, at: string, role: Role, text: string) =>
    notice(m, at, 'task', 'taskAssigned', `议题${quote(m)}${text}`, { kind: 'role', role, placePath: m.scope.path }),
  /** The accounts of the organisation a matter is handed to. */
  toUsers: (m: MatterRecord, at: string, userIds: string[], text: string) =>
    notice(m, at, 'task', 'taskAssigned', `议题${quote(m)}${text}`, { kind: 'users', userIds }),
}
