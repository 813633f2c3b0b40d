import type { TransferView } from '../../../../contracts/pointsBank'
import type { Actor } from '../identity/actor'
import { communityBalances } from '../ledger/balances'
import { residentAccount } from '../ledger/model'
import { reverse, topUp } from '../ledger/transfer'
import { fail } from '../shared/errors'
import { orFail } from '../shared/outcome'
import { authorizeIn, byOf, LEDGER_ROLES } from './access'
import type { PointsBankDeps } from './ports'
import { passbookEntry, reversibleKinds, transferViews } from './views'
import { pointsSettingsFor, scheduleCommunity } from './settings'

/** 积分预算: where the community's points are, and the top-ups that funded them. */
export const getBudget = async (deps: PointsBankDeps, actor: Actor, input: { communityId: string }) => {
  await authorizeIn(deps, actor, LEDGER_ROLES, input.communityId)
  const [sums, topUps] = [
    await communityBalances(deps, input.communityId),
    await deps.ledger.transfers(input.communityId, '', { limit: 20 }, 'topUp'),
  ]
  return {
    communityId: input.communityId,
    ...sums,
    topUps: await transferViews(deps, topUps.ok ? topUps.value.items : []),
  }
}

/** The community admin tops up the issuance pool: a transfer from the issuer, recorded like every other. */
export const topUpBudget = async (
  deps: PointsBankDeps,
  actor: Actor,
  input: { communityId: string; topUpId: string; amount: number; reason: string },
) => {
  await authorizeIn(deps, actor, ['communityAdmin'], input.communityId)
  const key = `topUp:${input.topUpId}`
  const earlier = await deps.ledger.getTransfer(input.communityId, key)
  if (earlier && earlier.by.userId !== actor.principal.userId) fail('request.idConflict')
  orFail(
    await topUp(deps, {
      communityId: input.communityId,
      amount: input.amount,
      key,
      reason: input.reason,
      by: byOf(actor),
      at: deps.now().toISOString(),
    }),
    {
      badAmount: 'request.invalid',
      insufficient: 'points.insufficient',
      unbalanced: 'request.invalid',
    },
  )
  await scheduleCommunity(deps, input.communityId, (await pointsSettingsFor(deps, input.communityId)).expiry)
  return getBudget(deps, actor, input)
}

/** 积分台账: a month of the community's transfers, newest first, optionally of one kind. */
export const listTransfers = async (
  deps: PointsBankDeps,
  actor: Actor,
  input: { communityId: string; month: string; kind?: TransferView['kind']; cursor?: string },
) => {
  await authorizeIn(deps, actor, LEDGER_ROLES, input.communityId)
  const page = orFail(
    await deps.ledger.transfers(
      input.communityId,
      input.month,
      { limit: 30, ...(input.cursor ? { cursor: input.cursor } : {}) },
      input.kind,
    ),
    {
      badCursor: 'cursor.invalid',
    },
  )
  // Which of these were reversed already: their reversals' keys, one read each (a page holds at most 30).
  const reversed = new Set<string>()
  await Promise.all(
    page.items
      .filter((t) => reversibleKinds.includes(t.kind))
      .map(async (t) => {
        if (await deps.ledger.getTransfer(input.communityId, `reverse:${t.transferId}`)) reversed.add(t.transferId)
      }),
  )
  return { items: await transferViews(deps, page.items, reversed), ...(page.next ? { next: page.next } : {}) }
}

/**
 * A mistake corrected: a reversing transfer with the reason and the staff member who made it, naming the one it
 * reverses; the original stays. Refused when the transfer is a redemption (the resident cancels it), a reversal,
 * or when an account has since spent what would go back.
 */
export const reverseTransfer = async (
  deps: PointsBankDeps,
  actor: Actor,
  input: { communityId: string; transferId: string; reason: string },
) => {
  await authorizeIn(deps, actor, ['communityAdmin'], input.communityId)
  const original =
    (await deps.ledger.getTransfer(input.communityId, input.transferId)) ?? fail('points.transferNotFound')
  if (!reversibleKinds.includes(original.kind)) fail('points.notReversible')
  const moved = orFail(
    await reverse(deps, {
      communityId: input.communityId,
      transferId: input.transferId,
      reason: input.reason,
      by: byOf(actor),
      at: deps.now().toISOString(),
    }),
    {
      notFound: 'points.transferNotFound',
      notReversible: 'points.notReversible',
      insufficient: 'points.insufficient',
      unbalanced: 'points.notReversible',
    },
  )
  return (await transferViews(deps, [moved.transfer]))[0]!
}

/** A resident's passbook as staff read it (积分台账 → one resident). */
export const accountEntries = async (
  deps: PointsBankDeps,
  actor: Actor,
  input: { communityId: string; userId: string; before?: number; limit: number },
) => {
  await authorizeIn(deps, actor, LEDGER_ROLES, input.communityId)
  const page = await deps.ledger.entries(input.communityId, residentAccount(input.userId), {
    limit: input.limit,
    ...(input.before ? { before: input.before } : {}),
  })
  return { items: page.items.map(passbookEntry), ...(page.next ? { next: page.next } : {}) }
}
