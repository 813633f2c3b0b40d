import type { Actor } from '../identity/actor'
import { residentAccount } from '../ledger/model'
import { credit } from '../ledger/transfer'
import { fail } from '../shared/errors'
import { orFail } from '../shared/outcome'
import { holdsRole } from '../shared/places'
import { byOf, communityPlace } from './access'
import { periodKey } from './model'
import type { PointsBankDeps } from './ports'
import { homesIn } from './residents'
import { pointsSettingsFor } from './settings'
import { transferViews } from './views'

/**
 * 积分发放: a staff member awards a resident the points of one of the community's rules. The rule says how much,
 * how often per resident (its cap, held by a counter written with the credit) and who may award it: the caller
 * must hold one of its roles over one of the resident's households. Paid from the pool through the ledger's one
 * `credit`, keyed by the client's award id, so a double tap awards once; refused `points.budgetSpent`, with
 * nothing written, when the pool cannot pay.
 */
export const awardPoints = async (
  deps: PointsBankDeps,
  actor: Actor,
  input: { communityId: string; awardId: string; ruleId: string; userId: string },
) => {
  const community = await communityPlace(deps, input.communityId)
  const key = `award:${input.awardId}`
  const earlier = await deps.ledger.getTransfer(input.communityId, key)
  if (earlier && earlier.by.userId !== actor.principal.userId) fail('request.idConflict')
  const rule =
    (await pointsSettingsFor(deps, input.communityId)).rules.find((r) => r.ruleId === input.ruleId && r.active) ??
    fail('points.ruleNotFound')
  const { loaded, homes } = await homesIn(deps, input.userId, community)
  if (homes.length === 0) fail('points.notResident')
  if (!homes.some((h) => holdsRole(actor.principal, rule.awardRoles, h.place))) fail('auth.forbidden')
  const now = deps.now()
  const cap = rule.cap && {
    communityId: input.communityId,
    ruleId: rule.ruleId,
    userId: input.userId,
    period: periodKey(rule.cap.period, now),
    times: rule.cap.times,
  }
  if (!earlier && cap && (await deps.awards.capUsed(cap.communityId, cap.ruleId, cap.userId, cap.period)) >= cap.times)
    fail('points.capReached')
  const moved = orFail(
    await credit(
      deps,
      {
        communityId: input.communityId,
        userId: input.userId,
        amount: rule.amount,
        key,
        reason: rule.name,
        source: { kind: 'rule', id: rule.ruleId, label: rule.name },
        by: byOf(actor),
        at: now.toISOString(),
      },
      (plan) => deps.awards.award(plan, cap),
    ),
    {
      budgetSpent: 'points.budgetSpent',
      capReached: 'points.capReached',
      insufficient: 'points.budgetSpent',
      badAmount: 'request.invalid',
      unbalanced: 'request.invalid',
    },
  )
  const account = residentAccount(loaded.user.userId)
  const balance = (await deps.ledger.heads(input.communityId, [account])).get(account)?.balance ?? 0
  return { transfer: (await transferViews(deps, [moved.transfer]))[0]!, balance, repeated: moved.repeated }
}
