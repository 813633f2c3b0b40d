import type { z } from 'zod'
import type { Redemption } from '../../../../contracts/pointsBank'
import type { Actor } from '../identity/actor'
import { runTransfer } from '../ledger/transfer'
import { fail, found } from '../shared/errors'
import { done, orFail, refused } from '../shared/outcome'
import type { PlaceRef } from '../shared/places'
import { communityPlace, holdsIn, PICKUP_ROLES, requireIn, residentCommunity } from './access'
import { parsePickup, PICKUP_ATTEMPTS_PER_HOUR, pickupMatches, qrText, refundKey, type RedemptionRecord } from './model'
import type { PointsBankDeps } from './ports'
import { redemptionActions, redemptionGuard, type RedemptionFacts } from './states'

const factsFor = (actor: Actor | undefined, r: RedemptionRecord, community: PlaceRef, now: Date): RedemptionFacts => ({
  isOwner: actor?.principal.userId === r.userId,
  isStaff: actor ? holdsIn(actor.principal, PICKUP_ROLES, community) : false,
  now,
})

/** A redemption as the caller sees it: its owner gets the pickup code while it waits; staff get who and what. */
export const redemptionView = async (
  deps: PointsBankDeps,
  actor: Actor,
  r: RedemptionRecord,
  community?: PlaceRef,
): Promise<z.input<typeof Redemption>> => {
  const place = community ?? (await communityPlace(deps, r.communityId))
  const f = factsFor(actor, r, place, deps.now())
  return {
    redemptionId: r.redemptionId,
    communityId: r.communityId,
    itemId: r.itemId,
    itemName: r.itemName,
    itemKind: r.itemKind,
    price: r.price,
    pickupPlace: r.pickupPlace,
    ...(r.photoKey ? { photo: { key: r.photoKey, url: await deps.photos.viewUrl(r.photoKey) } } : {}),
    state: r.state,
    createdAt: r.createdAt,
    deadline: r.deadline,
    ...(r.settledAt ? { settledAt: r.settledAt } : {}),
    resident: { userId: r.userId, name: r.userName, ...(r.household ? { household: r.household } : {}) },
    ...(r.fulfilledBy ? { fulfilledBy: r.fulfilledBy.name } : {}),
    ...(f.isOwner && r.state === 'ready' ? { pickup: { code: r.code, qr: qrText(r) } } : {}),
    can: redemptionActions(r, f),
  }
}

export const getRedemption = async (deps: PointsBankDeps, actor: Actor, input: { redemptionId: string }) => {
  const r = found(await deps.redemptions.get(input.redemptionId), 'redemption.notFound')
  const community = await communityPlace(deps, r.communityId)
  const f = factsFor(actor, r, community, deps.now())
  if (!f.isOwner && !f.isStaff) fail('redemption.notFound')
  return redemptionView(deps, actor, r, community)
}

/** 我的兑换, newest first. */
export const listMyRedemptions = async (deps: PointsBankDeps, actor: Actor, input: { communityId?: string }) => {
  const { place } = await residentCommunity(deps, actor, input.communityId)
  const mine = await deps.redemptions.mine(place.id, actor.principal.userId)
  return { items: await Promise.all(mine.map((r) => redemptionView(deps, actor, r, place))) }
}

/**
 * Gives the points and the stock back with a refund that mirrors the redemption's transfer, in the transaction
 * that moves the redemption from ready to `state` on that condition: of a cancel, an expiry and a pickup racing,
 * exactly one wins, and only a cancel or an expiry refunds (once: the refund's key is the redemption's).
 */
const settle = async (
  deps: PointsBankDeps,
  r: RedemptionRecord,
  state: 'cancelled' | 'expired',
  by: { userId: string; displayName: string },
) => {
  const at = deps.now().toISOString()
  const paid = found(await deps.ledger.getTransfer(r.communityId, r.transferId), 'redemption.notFound')
  const key = refundKey(r.redemptionId)
  let next: RedemptionRecord | undefined
  const moved = await runTransfer<'notReady'>(
    deps,
    r.communityId,
    key,
    async () => {
      const now = found(await deps.redemptions.get(r.redemptionId), 'redemption.notFound')
      if (now.state !== 'ready') return refused('notReady')
      next = { ...now, state, settledAt: at }
      return done({
        heads: await deps.ledger.heads(
          r.communityId,
          paid.legs.map((l) => l.account),
        ),
        input: {
          communityId: r.communityId,
          transferId: key,
          kind: 'refund' as const,
          legs: paid.legs.map((l) => ({ account: l.account, delta: -l.delta })),
          reason:
            state === 'cancelled' ? `取消兑换「${r.itemName}」，积分退回` : `兑换「${r.itemName}」逾期未领取，积分退回`,
          source: { kind: 'redemption', id: r.redemptionId, label: r.itemName },
          by,
          at,
          reverses: r.transferId,
        },
      })
    },
    (plan) => deps.redemptions.settle(plan, next!, []),
  )
  orFail(moved, {
    notReady: 'redemption.notReady',
    insufficient: 'redemption.notReady',
    unbalanced: 'redemption.notReady',
  })
  const after = found(await deps.redemptions.get(r.redemptionId), 'redemption.notFound')
  // The refund was there already: whoever made it (the other of cancel and expiry) settled it their way.
  if (after.state !== state) fail('redemption.notReady')
  return after
}

/** The resident cancels before pickup: points and stock come back. */
export const cancelRedemption = async (deps: PointsBankDeps, actor: Actor, input: { redemptionId: string }) => {
  const r = found(await deps.redemptions.get(input.redemptionId), 'redemption.notFound')
  const community = await communityPlace(deps, r.communityId)
  const f = factsFor(actor, r, community, deps.now())
  if (!f.isOwner && !f.isStaff) fail('redemption.notFound')
  if (f.isOwner && r.state === 'cancelled') return redemptionView(deps, actor, r, community)
  const refusal = redemptionGuard('cancel', r, f)
  if (refusal) fail(refusal)
  return redemptionView(
    deps,
    actor,
    await settle(deps, r, 'cancelled', { userId: actor.principal.userId, displayName: actor.principal.displayName }),
    community,
  )
}

/** The scheduler at the deadline: a redemption still waiting expires and is refunded. Safe to run again. */
export const expireRedemption = async (deps: PointsBankDeps, redemptionId: string) => {
  const r = await deps.redemptions.get(redemptionId)
  if (!r || redemptionGuard('expire', r, { isOwner: false, isStaff: false, now: deps.now() })) return
  try {
    await settle(deps, r, 'expired', { userId: 'system', displayName: '系统' })
  } catch (error) {
    // Picked up or cancelled in the meantime: nothing to expire.
    if (!(error instanceof Error && error.message === 'redemption.notReady')) throw error
  }
}

const hourOf = (now: Date) => now.toISOString().slice(0, 13)

/** Counts a failed lookup and refuses; a staff member gets PICKUP_ATTEMPTS_PER_HOUR tries an hour. */
const refuseCode = async (deps: PointsBankDeps, actor: Actor): Promise<never> => {
  await deps.redemptions.failures(actor.principal.userId, hourOf(deps.now()), true)
  return fail('pickup.invalid')
}
const checkThrottle = async (deps: PointsBankDeps, actor: Actor) => {
  if ((await deps.redemptions.failures(actor.principal.userId, hourOf(deps.now()))) >= PICKUP_ATTEMPTS_PER_HOUR)
    fail('pickup.tooManyAttempts')
}

/**
 * 核销, first half: staff scan the QR or type the six digits and see what to hand over and to whom. A code of
 * another community, a settled one, a forged or mistyped one: the same `pickup.invalid`.
 */
export const lookupPickup = async (
  deps: PointsBankDeps,
  actor: Actor,
  input: { communityId: string; code: string },
) => {
  const community = await communityPlace(deps, input.communityId)
  requireIn(actor.principal, PICKUP_ROLES, community)
  await checkThrottle(deps, actor)
  const parsed = parsePickup(input.code) ?? (await refuseCode(deps, actor))
  const id = 'code' in parsed ? await deps.redemptions.byCode(input.communityId, parsed.code) : parsed.redemptionId
  const r = id ? await deps.redemptions.get(id) : undefined
  if (!r || r.communityId !== input.communityId || !pickupMatches(r, parsed)) return refuseCode(deps, actor)
  return redemptionView(deps, actor, r, community)
}

/** 核销, second half: confirmed once, whoever confirms second (another phone, a retry) is told it is done. */
export const fulfilRedemption = async (
  deps: PointsBankDeps,
  actor: Actor,
  input: { redemptionId: string; code: string },
) => {
  const parsed = parsePickup(input.code)
  const r = await deps.redemptions.get(input.redemptionId)
  if (!r) return refuseCode(deps, actor)
  const community = await communityPlace(deps, r.communityId)
  requireIn(actor.principal, PICKUP_ROLES, community)
  await checkThrottle(deps, actor)
  if (!parsed || !pickupMatches(r, parsed)) return refuseCode(deps, actor)
  const refusal = redemptionGuard('fulfil', r, factsFor(actor, r, community, deps.now()))
  if (refusal) fail(refusal)
  const next: RedemptionRecord = {
    ...r,
    state: 'fulfilled',
    settledAt: deps.now().toISOString(),
    fulfilledBy: { userId: actor.principal.userId, name: actor.principal.displayName },
  }
  const written = await deps.redemptions.fulfil(next)
  if (!written.ok) {
    const now = found(await deps.redemptions.get(r.redemptionId), 'redemption.notFound')
    fail(now.state === 'fulfilled' ? 'redemption.fulfilled' : 'redemption.notReady')
  }
  return redemptionView(deps, actor, next, community)
}
