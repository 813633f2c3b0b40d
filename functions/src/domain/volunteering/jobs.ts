import { queued } from '../notifications/deliver'
import type { Jobs } from '../schedule/ports'
import { SETTLE, settle } from './confirm'
import type { ActivityRecord, Phase } from './model'
import { hasAudience, volunteerNotices } from './notices'
import type { VolunteeringDeps } from './ports'

/*
 * Volunteering's scheduled work, written with the activity when it is published: it starts (进行中), it ends
 * (已结束, and the organiser is asked to confirm), the check-outs nobody made are closed at the scheduled end two hours
 * later (marked, never longer), reminders a day and two hours ahead, and the settling of a confirmation. Each job
 * looks at the activity first, so running it again changes nothing, and one called off (已取消) is left alone.
 */

const move = async (
  deps: VolunteeringDeps,
  a: ActivityRecord,
  from: Phase[],
  to: Phase,
  extra: Parameters<VolunteeringDeps['activities']['setPhase']>[3] = {},
) => {
  for (let attempt = 0; attempt < 5; attempt++) {
    if (!from.includes(a.phase)) return
    if ((await deps.activities.setPhase(a, from, to, extra)).ok) return
    a = (await deps.activities.get(a.activityId))!
  }
}

export const volunteeringJobs: Jobs<VolunteeringDeps> = {
  'volunteering.start': async (deps, activityId) => {
    const a = await deps.activities.get(activityId)
    if (a) await move(deps, a, ['open'], 'ongoing')
  },
  'volunteering.end': async (deps, activityId, { now }) => {
    const a = await deps.activities.get(activityId)
    if (a)
      await move(deps, a, ['open', 'ongoing'], 'ended', {
        notices: [queued(volunteerNotices.toConfirm(a, now.toISOString()), deps.newId)],
      })
  },
  'volunteering.close': async (deps, activityId) => {
    const a = await deps.activities.get(activityId)
    if (!a || a.phase === 'cancelled') return
    for (const att of await deps.attendance.list(activityId))
      if (att.checkIn && !att.checkOut)
        await deps.attendance.checkOut(activityId, att.userId, { at: a.endAt, by: 'system', missed: true })
  },
  'volunteering.remind': async (deps, activityId, { at, now }) => {
    const a = await deps.activities.get(activityId)
    if (!a || a.phase !== 'open' || a.placedIds.length === 0 || now.toISOString() >= a.startAt) return
    const ahead = Date.parse(a.startAt) - Date.parse(at) > 12 * 3600_000 ? '活动将于明天' : '活动将于2小时后'
    const n = volunteerNotices.reminder(a, now.toISOString(), a.placedIds, ahead)
    if (hasAudience(n)) await deps.notices.queue([queued(n, deps.newId)])
  },
  [SETTLE]: async (deps, activityId) => {
    const { pending } = await settle(deps, activityId)
    // Thrown, so the scheduler keeps the item and tries again later (1, 2, 4 … minutes, at most hourly).
    if (pending) throw new Error(`volunteering: points of ${activityId} wait for the community's budget`)
  },
}
