import type { PointsSettings } from '../../../../contracts/pointsBank'
import type { Actor } from '../identity/actor'
import { authorizeIn, communityPlace } from './access'
import { JOB, nextReconcileAt } from './model'
import { beijingYearOf, beijingYearStart } from '../ledger/expiry'
import type { PointsBankDeps } from './ports'

export const defaultPointsSettings: PointsSettings = { expiry: 'none', rules: [] }

export const pointsSettingsFor = async (deps: Pick<PointsBankDeps, 'pointsSettings'>, communityId: string) =>
  (await deps.pointsSettings.get(communityId)) ?? defaultPointsSettings

export const getPointsSettings = async (deps: PointsBankDeps, input: { communityId: string }) => {
  await communityPlace(deps, input.communityId)
  return pointsSettingsFor(deps, input.communityId)
}

/**
 * The community's scheduled checks: the daily reconciliation and, under expiry, the next year's expiry run. Adding
 * them again changes nothing (a due item is keyed by its time and community), so every use case that starts the
 * points bank of a community (settings, a top-up) calls this.
 */
export const scheduleCommunity = async (
  deps: PointsBankDeps,
  communityId: string,
  expiry: PointsSettings['expiry'],
) => {
  const now = deps.now()
  await deps.schedule.add({ kind: JOB.reconcile, at: nextReconcileAt(now), subjectId: communityId })
  if (expiry !== 'none')
    await deps.schedule.add({
      kind: JOB.expirePoints,
      at: beijingYearStart(beijingYearOf(now) + 1),
      subjectId: communityId,
    })
}

/** The community admin defines the earning rules and chooses whether points expire. */
export const putPointsSettings = async (
  deps: PointsBankDeps,
  actor: Actor,
  input: { communityId: string; settings: PointsSettings },
) => {
  await authorizeIn(deps, actor, ['communityAdmin'], input.communityId)
  await deps.pointsSettings.put(input.communityId, input.settings)
  await scheduleCommunity(deps, input.communityId, input.settings.expiry)
  return input.settings
}
