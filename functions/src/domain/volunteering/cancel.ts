import type { Actor } from '../identity/actor'
import { screenText } from '../moderation/screen'
import { queued } from '../notifications/deliver'
import { fail } from '../shared/errors'
import { activityView } from './activities'
import { assertMay, factsFor, knownFor, loadActivity } from './facts'
import { hasAudience, volunteerNotices } from './notices'
import type { VolunteeringDeps } from './ports'

/*
 * The organiser (or a lead of the community) calls the whole activity off before its start, with a reason: it
 * becomes 已取消 for good, in one conditional write with the notice to everyone placed or waiting. Its scheduled
 * work still runs and finds nothing to do (each job looks at the phase first); sign-up, check-in and confirming
 * answer `activity.cancelled`, so nothing is ever credited. A second cancel changes nothing.
 */
export const cancelActivity = async (deps: VolunteeringDeps, actor: Actor, activityId: string, reason: string) => {
  let a = await loadActivity(deps, activityId)
  const known = await knownFor(deps, actor, a, { attendance: false })
  assertMay('manage', a, factsFor(actor, a, known, deps.now()))
  if (a.phase === 'cancelled') return activityView(actor, a, known, deps.now())
  assertMay('cancelActivity', a, factsFor(actor, a, known, deps.now()))
  // The residents read it in their message: WeChat's content check first.
  await screenText(deps, actor, [{ field: 'body.reason', text: reason }], 'forum')
  for (let attempt = 0; attempt < 5; attempt++) {
    const at = deps.now().toISOString()
    const cancelled = { at, byUserId: actor.principal.userId, byName: actor.principal.displayName, reason }
    const notice = volunteerNotices.cancelled(a, at, [...a.placedIds, ...a.waitingIds], reason)
    const moved = await deps.activities.setPhase(a, ['open'], 'cancelled', {
      cancelled,
      sameLists: true,
      notices: hasAudience(notice) ? [queued(notice, deps.newId)] : [],
    })
    if (moved.ok) break
    // Someone signed up in between (their notice is in the next try), the clock started it, or another cancel won.
    a = await loadActivity(deps, activityId)
    if (a.phase === 'cancelled') break
    assertMay('cancelActivity', a, factsFor(actor, a, known, deps.now()))
    if (attempt === 4) fail('activity.wrongStatus')
  }
  const after = await loadActivity(deps, activityId)
  return activityView(actor, after, known, deps.now())
}
