import { beijingTime } from '../notifications/deliver'
import type { Actor } from '../identity/actor'
import { found } from '../shared/errors'
import { advance, advanceAsSystem, type Change } from './advance'
import { DAY_MS, type ClaimLog, type WishRecord } from './model'
import { actorOf, notices } from './notices'
import type { MicroWishDeps } from './ports'
import { settingsFor } from './settings'

export const LAPSE = 'microWishes.lapse'
export const REMIND = 'microWishes.remind'

/** The member's entry for the wish's current claim, with how it now stands. */
export const claimLogOf = (w: WishRecord, outcome: ClaimLog['outcome']): ClaimLog => ({
  userId: w.claim!.userId,
  wishId: w.wishId,
  claimId: w.claim!.claimId,
  title: w.title,
  claimedAt: w.claim!.claimedAt,
  deadline: w.claim!.deadline,
  outcome,
  points: w.vetting?.points ?? 0,
})

/** The claim's deadline and its reminder (the community's lead before it, if that is still ahead). */
export const claimSchedule = (w: WishRecord, deadline: string, reminderHours: number, now: Date) => {
  const remindAt = new Date(new Date(deadline).getTime() - reminderHours * 3_600_000)
  return [
    { kind: LAPSE, at: deadline, subjectId: w.wishId },
    ...(remindAt > now ? [{ kind: REMIND, at: remindAt.toISOString(), subjectId: w.wishId }] : []),
  ]
}

/** The unit a claim counts for on the figures (`none` when the member registered none). */
export const unitOf = (w: WishRecord) => ({ id: w.claim?.unitId ?? 'none', name: w.claim?.unitName ?? '未登记单位' })

/**
 * An in-service party member claims a wish on the wall: exactly one claimant whatever the concurrency (the
 * wish's conditional write decides), at most the community's number of active claims per member (the member's
 * record, in the same transaction). The claimant then sees how to reach the resident; the deadline is the
 * claim period from now, with a reminder before it; at the deadline the claim lapses by itself.
 */
export const claimWish = async (deps: MicroWishDeps, actor: Actor, input: { wishId: string }) => {
  const current = found(await deps.wishes.get(input.wishId), 'wish.notFound')
  // A double tap: the claim is already the caller's.
  if (current.status === 'claimed' && current.claim?.userId === actor.principal.userId) return current
  return advance(deps, actor, input.wishId, 'claim', (w, { now, at, facts, settings }) => {
    const claimDays = w.vetting?.claimDays ?? settings.claimDays
    const deadline = new Date(now.getTime() + claimDays * DAY_MS).toISOString()
    const unit = facts.claimant?.unit
    const me = actor.user.user
    const claim = {
      claimId: String(w.claims + 1),
      userId: me.userId,
      name: me.displayName,
      ...(me.phone ? { phone: me.phone } : {}),
      ...(unit ? { unitId: unit.unitId, unitName: unit.unitName } : {}),
      claimedAt: at,
      deadline,
    }
    const next = { ...w, claim }
    return {
      status: 'claimed',
      set: { claim, claims: w.claims + 1 },
      label: `${me.displayName}${unit ? `（${unit.unitName}）` : ''}认领心愿，${beijingTime(deadline)}前完成`,
      effects: {
        member: {
          userId: me.userId,
          delta: { active: 1, claimed: 1 },
          activeLimit: settings.activeClaimLimit,
          ...(unit ? { unit } : {}),
        },
        claimLog: claimLogOf(next, 'active'),
        stats: { delta: { claimed: 1 }, unit: unitOf(next) },
      },
      due: claimSchedule(w, deadline, settings.reminderHours, now),
      notices: (n) => [notices.toPoster(n, at, 'wishClaimed', `已由${me.displayName}认领，将尽快与您联系`)],
    }
  })
}

/** A claim that ends without fulfilment (released, lapsed, reopened): the wish goes back to the wall. */
export const backToWall = (
  w: WishRecord,
  at: string,
  outcome: 'released' | 'lapsed' | 'reopened',
  label: string,
  note?: string,
): Change => {
  const counted = outcome === 'released' ? { released: 1 } : outcome === 'lapsed' ? { lapsed: 1 } : {}
  return {
    status: 'published',
    clear: ['claim', 'fulfilment', 'dispute'],
    set: { onWallSince: at },
    label,
    ...(note ? { note } : {}),
    effects: {
      member: { userId: w.claim!.userId, delta: { active: -1, ...counted } },
      claimLog: claimLogOf(w, outcome),
      stats: { delta: outcome === 'reopened' ? { reopened: 1 } : counted, unit: unitOf(w) },
    },
  }
}

/** The claimant gives a claim back before the deadline. */
export const releaseWish = (deps: MicroWishDeps, actor: Actor, input: { wishId: string; reason?: string }) =>
  advance(deps, actor, input.wishId, 'release', (w, { at }) => ({
    ...backToWall(w, at, 'released', `${actorOf(actor).displayName}放弃认领，心愿回到心愿墙`, input.reason),
    notices: (next) => [notices.toPoster(next, at, 'wishReleased', '的认领人已放弃，心愿重新回到心愿墙')],
  }))

const ATTEMPTS = 3

/** Runs a system change on the wish's current state; read again when it moved under the write. Safe to run again. */
const systemChange = async (
  deps: MicroWishDeps,
  wishId: string,
  action: string,
  now: Date,
  decide: (w: WishRecord, now: Date) => Change | undefined,
) => {
  for (let i = 0; i < ATTEMPTS; i++) {
    const w = await deps.wishes.get(wishId)
    const change = w && decide(w, now)
    if (!w || !change) return
    const { written } = await advanceAsSystem(deps, w, action, change, undefined, now)
    if (written.ok) return
  }
  throw new Error(`microWishes: ${action} of ${wishId} kept moving`)
}

/**
 * At the deadline a claim lapses by itself (the scheduler): the wish returns to the wall, the former claimant
 * loses the contact details (they are shown only to the current claimant), and the lapse counts on their record.
 * A deadline that has moved (a redo after a dispute) or a claim that has ended leaves nothing to do.
 */
export const lapseClaim = (deps: MicroWishDeps, wishId: string, now = deps.now()) =>
  systemChange(deps, wishId, 'lapse', now, (w) => {
    if (w.status !== 'claimed' || !w.claim || new Date(w.claim.deadline) > now) return undefined
    const at = now.toISOString()
    const claimant = w.claim.userId
    return {
      ...backToWall(w, at, 'lapsed', `认领期限已到，${w.claim.name}未完成，心愿回到心愿墙`),
      notices: (next) => [
        notices.toClaimant(next, claimant, at, 'wishLapsed', '已过认领期限，心愿已回到心愿墙'),
        notices.toPoster(next, at, 'wishLapsed', '的认领已过期，心愿重新回到心愿墙'),
      ],
    }
  })

/** A day (the community's lead) before the deadline, the claimant is reminded, once per claim. */
export const remindClaimant = async (deps: MicroWishDeps, wishId: string, now = deps.now()) => {
  const w = await deps.wishes.get(wishId)
  if (!w) return
  // A reminder left over from an earlier deadline (a redo moved it) waits for its own.
  const { reminderHours } = await settingsFor(deps, w.communityId)
  return systemChange(deps, wishId, 'remind', now, (w) => {
    if (w.status !== 'claimed' || !w.claim || w.claim.remindedAt) return undefined
    const deadline = new Date(w.claim.deadline).getTime()
    if (deadline <= now.getTime() || deadline - reminderHours * 3_600_000 > now.getTime() + 60_000) return undefined
    const at = now.toISOString()
    const claim = { ...w.claim, remindedAt: at }
    return {
      status: 'claimed',
      set: { claim },
      notices: (next) => [
        notices.toClaimant(
          next,
          claim.userId,
          at,
          'wishReminder',
          `将于${beijingTime(claim.deadline)}到期，请尽快完成`,
        ),
      ],
    }
  })
}
