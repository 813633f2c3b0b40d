import type { ScheduledEvent } from 'aws-lambda'
import { tick } from '../../domain/deliberation/resolve'
import { deliverDue } from '../../domain/notifications/deliver'
import { appDeps } from '../../http/deps'

/**
 * The scheduler, every minute (serverless.yml `schedule`; serverless offline runs it locally): opens and closes
 * polls and evaluation windows that are due, then sends the notifications queued until now (those the
 * transitions just made included). EventBridge's `time` is the moment the run was scheduled for.
 */
export const handler = async (event: Partial<ScheduledEvent> = {}) => {
  const deps = await appDeps()
  const now = event.time ? new Date(event.time) : deps.now()
  const done = { ...(await tick(deps, now)), notified: await deliverDue(deps, now) }
  if (done.opened + done.closed + done.evaluated + done.notified > 0) console.log(JSON.stringify({ level: 'info', message: 'tick', ...done }))
  return done
}
