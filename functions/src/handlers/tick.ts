import type { ScheduledEvent } from 'aws-lambda'
import { deliberationJobs } from '../domain/deliberation/jobs'
import { microWishJobs } from '../domain/microWishes/jobs'
import { sendNotice } from '../domain/notifications/deliver'
import { SEND_NOTICE } from '../domain/notifications/model'
import { pointsBankJobs } from '../domain/pointsBank/jobs'
import type { Jobs } from '../domain/schedule/ports'
import { runDue } from '../domain/schedule/tick'
import { volunteeringJobs } from '../domain/volunteering/jobs'
import { appDeps, type AppDeps } from '../http/deps'
import { logger } from '../http/log'

/**
 * Every capability's scheduled work, by kind, in the order a run takes it: the capabilities' own jobs first,
 * the notices last, so what the jobs of this run queue is sent in the same run.
 */
export const jobs: Jobs<AppDeps> = {
  ...deliberationJobs,
  ...microWishJobs,
  ...pointsBankJobs,
  ...volunteeringJobs,
  [SEND_NOTICE]: (deps, ref) => sendNotice(deps, ref),
}

/**
 * The scheduler, every minute (serverless.yml `schedule`; serverless offline runs it locally): runs the work that
 * is due. EventBridge's `time` is the moment the run was scheduled for; tests pass the moment they choose.
 */
export const handler = async (event: Partial<ScheduledEvent> = {}) => {
  const deps = await appDeps()
  const now = event.time ? new Date(event.time) : deps.now()
  const report = await runDue(deps, jobs, now)
  for (const f of report.failed) logger.error('scheduled work failed; it will be retried', f)
  if (Object.keys(report.ran).length) logger.info('tick', { at: now.toISOString(), ran: report.ran })
  return report
}
