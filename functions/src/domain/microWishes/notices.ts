import type { Topic } from '../../../../contracts/notifications'
import type { Actor } from '../identity/actor'
import { staffLabel } from '../identity/labels'
import type { Audience, Notice } from '../notifications/model'
import type { WishRecord, WishStatus, WishEvent } from './model'
import { wishSubject } from './model'

/** Who, when and why: every change of a wish writes one of these into its timeline. */
export const event = (
  action: string,
  label: string,
  who: { userId: string; displayName: string; role?: string },
  at: string,
  status: WishStatus,
  note?: string,
): WishEvent => ({
  at,
  action,
  label,
  actorId: who.userId,
  actorName: who.displayName,
  ...(who.role ? { actorRole: who.role } : {}),
  status,
  ...(note ? { note } : {}),
})

/**
 * Who acts, as the timeline shows them: with the role they act as for the wish's household (网格员, 1号楼楼长), as
 * on a matter's; a resident by name alone.
 */
export const actorOf = (a: Actor, w?: Pick<WishRecord, 'placePath'>) => {
  const role = w ? staffLabel(a.principal, w.placePath) : undefined
  return { userId: a.principal.userId, displayName: a.principal.displayName, ...(role ? { role } : {}) }
}
export const systemActor = { userId: 'system', displayName: '系统' }

const notice = (w: WishRecord, at: string, topic: Topic, kind: string, text: string, audience: Audience): Notice => ({
  communityId: w.communityId,
  subject: wishSubject(w),
  topic,
  kind,
  text,
  at,
  audience,
})

const quote = (w: WishRecord) => `「${w.title}」`

/**
 * The notices a wish's changes queue (WeChat subscribe messages in production): the poster and the claimant hear
 * on the topic `wish`, the grid worker's work (vetting, disputes) comes as a staff task.
 */
export const notices = {
  toPoster: (w: WishRecord, at: string, kind: string, text: string) =>
    notice(w, at, 'wish', kind, `您的心愿${quote(w)}${text}`, { kind: 'users', userIds: [w.posterId] }),
  toClaimant: (w: WishRecord, userId: string, at: string, kind: string, text: string) =>
    notice(w, at, 'wish', kind, `您认领的心愿${quote(w)}${text}`, { kind: 'users', userIds: [userId] }),
  toGridWorker: (w: WishRecord, at: string, kind: string, text: string) =>
    notice(w, at, 'task', kind, `心愿${quote(w)}${text}`, { kind: 'role', role: 'gridWorker', placePath: w.gridPath }),
}

/** Leaves out a notice to the one who acted (a grid worker vetting the wish they posted for a resident). */
export const notTo = (actorId: string, list: Notice[]) =>
  list.filter(
    (n) => !(n.audience.kind === 'users' && n.audience.userIds.length === 1 && n.audience.userIds[0] === actorId),
  )
