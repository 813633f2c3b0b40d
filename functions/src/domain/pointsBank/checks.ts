import type { CheckReport } from '../../../../contracts/pointsBank'
import type { Actor } from '../identity/actor'
import { auditCommunity } from '../ledger/audit'
import { authorizeIn } from './access'
import { nextReconcileAt } from './model'
import type { PointsBankDeps } from './ports'
import { accountLabels } from './views'

/**
 * 对账 and 防篡改校验 of one community, from its entries: every cached balance against the sum of its entries,
 * the community summing to zero, and every account's hash chain with its first broken link. The report is kept
 * (the admin's page shows the latest) and returned.
 */
export const checkCommunity = async (
  deps: PointsBankDeps,
  communityId: string,
  trigger: CheckReport['trigger'],
): Promise<CheckReport> => {
  const audit = await auditCommunity(deps, communityId)
  const label = await accountLabels(
    deps,
    audit.discrepancies.map((d) => d.account),
  )
  const report: CheckReport = {
    communityId,
    checkedAt: audit.checkedAt,
    trigger,
    accounts: audit.accounts,
    entries: audit.entries,
    sum: audit.sum,
    balanced: audit.balanced,
    reconciliation: {
      ok: audit.balanced && audit.discrepancies.every((d) => d.problems.length === 0),
      discrepancies: audit.discrepancies
        .filter((d) => d.problems.length > 0)
        .map((d) => ({
          account: d.account,
          label: label(d.account),
          cached: d.cached,
          fromEntries: d.balance,
          problems: d.problems,
        })),
    },
    chain: {
      ok: audit.discrepancies.every((d) => !d.brokenAt),
      broken: audit.discrepancies.flatMap((d) =>
        d.brokenAt
          ? [{ account: d.account, label: label(d.account), seq: d.brokenAt.seq, problem: d.brokenAt.problem }]
          : [],
      ),
    },
  }
  await deps.checks.put(report)
  return report
}

export const getChecks = async (deps: PointsBankDeps, actor: Actor, input: { communityId: string }) => {
  await authorizeIn(deps, actor, ['communityAdmin'], input.communityId)
  const latest = await deps.checks.latest(input.communityId)
  // The daily run (jobs.ts) is at 03:00 Beijing time once the community has a budget.
  return { ...(latest ? { latest, nextScheduledAt: nextReconcileAt(deps.now()) } : {}) }
}

export const runChecks = async (deps: PointsBankDeps, actor: Actor, input: { communityId: string }) => {
  await authorizeIn(deps, actor, ['communityAdmin'], input.communityId)
  return checkCommunity(deps, input.communityId, 'admin')
}
