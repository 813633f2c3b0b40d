import type { DueStore, Jobs } from './ports'

/** How long a run holds an item: longer than the scheduler function may run, so a live run is never overtaken. */
export const LEASE_MS = 5 * 60_000
/** A failed item waits before its next attempt: 1, 2, 4 … minutes, at most an hour; it is never dropped. */
export const retryDelayMs = (attempts: number) => Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1))

export interface TickReport {
  ran: Record<string, number>
  failed: { kind: string; subjectId: string; error: string }[]
}

/**
 * Runs every due item of every registered kind, in the order the kinds are registered (so notices queued by
 * this run's jobs are sent in the same run when `notifications.send` comes last). An item is claimed before its
 * job runs, so two overlapping ticks never run one item twice; an item whose job throws stays, and is retried.
 */
export const runDue = async <D>(
  deps: D & { schedule: DueStore },
  jobs: Jobs<D>,
  now: Date,
  perKind = 200,
): Promise<TickReport> => {
  const report: TickReport = { ran: {}, failed: [] }
  for (const [kind, job] of Object.entries(jobs)) {
    const items = await deps.schedule.due(kind, now.toISOString(), perKind)
    for (const item of items) {
      if (item.leaseUntil && item.leaseUntil > now.toISOString()) continue
      const claimed = await deps.schedule.claim(item, now, new Date(now.getTime() + LEASE_MS))
      if (!claimed) continue
      try {
        await job(deps, item.subjectId, { at: item.at, now })
        await deps.schedule.complete(claimed)
        report.ran[kind] = (report.ran[kind] ?? 0) + 1
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        report.failed.push({ kind, subjectId: item.subjectId, error: message })
        await deps.schedule.release(claimed, new Date(now.getTime() + retryDelayMs(claimed.attempts)), message)
      }
    }
  }
  return report
}
