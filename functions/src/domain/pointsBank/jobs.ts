import { beijingYearOf, beijingYearStart, expireAccount } from '../ledger/expiry'
import { parseAccount } from '../ledger/model'
import type { Jobs } from '../schedule/ports'
import { checkCommunity } from './checks'
import { JOB, nextReconcileAt } from './model'
import { pickupReminder } from './notices'
import { expireRedemption } from './pickup'
import type { PointsBankDeps } from './ports'
import { pointsSettingsFor } from './settings'

/** The run's moment is the scheduler's, not the clock's (tests run it at chosen times; a late run acts as of its own time). */
const atTime = (deps: PointsBankDeps, now: Date): PointsBankDeps => ({ ...deps, now: () => now })

/** Accounts one run of the year's expiry takes on; the rest continue in the next minute's run. */
const EXPIRY_BATCH = 200

/**
 * The points bank's scheduled work. Each job is safe to run again: an expiry or refund is keyed by its redemption
 * or account and year, the reminder's notice has a fixed id, the reconciliation only reports. The daily
 * reconciliation schedules its next run itself: at the next 03:00 after now (a scheduler that was down does not
 * leave a backlog of runs), written before this run completes, under the same key whichever run writes it.
 */
export const pointsBankJobs: Jobs<PointsBankDeps> = {
  [JOB.expirePickup]: (deps, redemptionId, { now }) => expireRedemption(atTime(deps, now), redemptionId),
  [JOB.remindPickup]: async (deps, redemptionId, { at, now }) => {
    const r = await deps.redemptions.get(redemptionId)
    if (r?.state === 'ready' && now.toISOString() < r.deadline) await deps.notices.queue([pickupReminder(r, at)])
  },
  [JOB.reconcile]: async (deps, communityId, { now }) => {
    await deps.schedule.add({ kind: JOB.reconcile, at: nextReconcileAt(now), subjectId: communityId })
    await checkCommunity(atTime(deps, now), communityId, 'scheduled')
  },
  /**
   * At a year's start (subject `<communityId>`), or continuing it (`<communityId>|<year>|<last account done>`):
   * expires what each resident account holds from before the previous year, a batch of accounts a run.
   */
  [JOB.expirePoints]: async (deps, subject, { at, now }) => {
    const [communityId, yearText, after] = subject.split('|') as [string, string | undefined, string | undefined]
    const year = yearText ? Number(yearText) : beijingYearOf(new Date(at))
    const settings = await pointsSettingsFor(deps, communityId)
    if (settings.expiry === 'none') return
    // Next year's run, written first (the same key whichever run writes it).
    if (!yearText)
      await deps.schedule.add({ kind: JOB.expirePoints, at: beijingYearStart(year + 1), subjectId: communityId })
    const residents = (await deps.ledger.allHeads(communityId))
      .filter((h) => parseAccount(h.account)?.kind === 'resident' && h.balance > 0 && (!after || h.account > after))
      .sort((a, b) => (a.account < b.account ? -1 : 1))
    for (const head of residents.slice(0, EXPIRY_BATCH)) {
      const ref = parseAccount(head.account)
      if (ref?.kind !== 'resident') continue
      await expireAccount(deps, { communityId, userId: ref.userId, year, at: now.toISOString() })
    }
    if (residents.length > EXPIRY_BATCH)
      await deps.schedule.add({
        kind: JOB.expirePoints,
        at: now.toISOString(),
        subjectId: `${communityId}|${year}|${residents[EXPIRY_BATCH - 1]!.account}`,
      })
  },
}
