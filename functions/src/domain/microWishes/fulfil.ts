import type { Actor } from '../identity/actor'
import { credit } from '../ledger/transfer'
import { DomainError, found } from '../shared/errors'
import { checkPhotos } from '../uploads/uploads'
import { advance, advanceAsSystem, type Change } from './advance'
import { backToWall, claimLogOf, claimSchedule, unitOf } from './claim'
import { screenWishText, wishContent } from './content'
import { isGridWorkerOf } from './facts'
import { DAY_MS, type WishRecord } from './model'
import { actorOf, notices, systemActor } from './notices'
import type { MicroWishDeps } from './ports'

export const AUTO_CONFIRM = 'microWishes.autoConfirm'
export const CREDIT = 'microWishes.credit'
/** Points the budget could not pay are tried again this much later. */
export const CREDIT_RETRY_MS = 3_600_000

/** The claimant reports the wish fulfilled, with a photo and a note; the resident is asked to confirm. */
export const fulfilWish = (
  deps: MicroWishDeps,
  actor: Actor,
  input: { wishId: string; note: string; photoKeys: string[] },
) =>
  advance(deps, actor, input.wishId, 'fulfil', async (w, { now, at, settings }) => {
    await checkPhotos(deps, actor, input.photoKeys)
    const content = await screenWishText(
      deps,
      actor,
      w,
      {
        key: wishContent.fulfilment(w.wishId),
        parts: [{ field: 'body.note', text: input.note }],
        scene: 'forum',
        photoKeys: input.photoKeys,
        replaces: true,
      },
      at,
    )
    const autoConfirmAt = new Date(now.getTime() + settings.autoConfirmDays * DAY_MS).toISOString()
    return {
      status: 'fulfilled',
      set: { fulfilment: { note: input.note, photoKeys: input.photoKeys, at, autoConfirmAt } },
      label: '认领人报告心愿已实现',
      note: input.note,
      effects: { claimLog: claimLogOf(w, 'fulfilled'), content },
      due: [{ kind: AUTO_CONFIRM, at: autoConfirmAt, subjectId: w.wishId }],
      notices: (next) => [notices.toPoster(next, at, 'wishFulfilled', `已由${w.claim!.name}送达，请确认收到`)],
    }
  })

/**
 * The change that confirms a wish fulfilled (the resident, the grid worker for them or on a dispute, or the system
 * after the community's days): the claim ends fulfilled on the member's and their unit's record, and the points are
 * due at once (paid by `creditWish`, once, with the wish as the ledger's key).
 */
const confirmation = (
  w: WishRecord,
  at: string,
  by: { userId: string; displayName: string },
  how: 'resident' | 'gridWorker' | 'auto',
  thanks?: string,
): Change => {
  const claim = w.claim!
  const hours = w.publishedAt ? Math.round((Date.parse(at) - Date.parse(w.publishedAt)) / 360_000) / 10 : 0
  const label =
    how === 'auto'
      ? '到期无人确认，系统自动确认心愿已实现'
      : how === 'gridWorker'
        ? '网格员代居民确认心愿已实现'
        : '居民确认收到，心愿已实现'
  return {
    status: 'confirmed',
    set: {
      confirmation: { at, byId: by.userId, byName: by.displayName, auto: how === 'auto' },
      ...(thanks ? { thanks: { text: thanks, at, byId: by.userId, byName: by.displayName } } : {}),
    },
    clear: ['dispute'],
    label,
    ...(thanks ? { note: `感谢信：${thanks}` } : {}),
    effects: {
      member: { userId: claim.userId, delta: { active: -1, fulfilled: 1 } },
      claimLog: claimLogOf(w, 'confirmed'),
      stats: { delta: { fulfilled: 1, hoursToFulfil: hours }, unit: unitOf(w) },
    },
    due: [{ kind: CREDIT, at, subjectId: w.wishId }],
    notices: (next) => [
      notices.toClaimant(
        next,
        claim.userId,
        at,
        'wishConfirmed',
        `已确认实现，${w.vetting?.points ?? 0}积分计入您的账户${thanks ? '，还收到一封感谢信' : ''}`,
      ),
    ],
  }
}

/**
 * The resident (or the grid worker for them) confirms receipt and may write a thank-you letter. A confirmation
 * that lost a race to an identical one answers with the confirmed wish: the points are paid once either way.
 */
export const confirmWish = async (deps: MicroWishDeps, actor: Actor, input: { wishId: string; thanks?: string }) => {
  const already = async () => {
    const w = found(await deps.wishes.get(input.wishId), 'wish.notFound')
    return w.status === 'confirmed' && (w.posterId === actor.principal.userId || isGridWorkerOf(actor, w))
      ? w
      : undefined
  }
  const earlier = await already()
  if (earlier) return earlier
  try {
    const confirmed = await advance(deps, actor, input.wishId, 'confirm', async (w, { at, facts }) => {
      const change = confirmation(
        w,
        at,
        actorOf(actor),
        facts.isPoster && !w.onBehalf ? 'resident' : 'gridWorker',
        input.thanks,
      )
      const content = input.thanks ? await screenThanks(deps, actor, w, input.thanks, 'body.thanks', at) : []
      return { ...change, effects: { ...change.effects, content } }
    })
    await payNow(deps, confirmed.wishId)
    return confirmed
  } catch (error) {
    // Confirmed by the other tap in between: that confirmation is the answer.
    const first = error instanceof DomainError && error.code === 'wish.wrongState' ? await already() : undefined
    if (first) return first
    throw error
  }
}

/** A thank-you letter is a personal message to the claimant that others read on the wall (WeChat's scene 社交日志). */
const screenThanks = (deps: MicroWishDeps, actor: Actor, w: WishRecord, text: string, field: string, at: string) =>
  screenWishText(deps, actor, w, { key: wishContent.thanks(w.wishId), parts: [{ field, text }], scene: 'social' }, at)

/** A thank-you letter written after the confirmation: shown on the wall among 已实现. */
export const thankWish = (deps: MicroWishDeps, actor: Actor, input: { wishId: string; text: string }) =>
  advance(deps, actor, input.wishId, 'thank', async (w, { at }) => ({
    status: 'confirmed',
    set: { thanks: { text: input.text, at, byId: actor.principal.userId, byName: actor.principal.displayName } },
    label: '写来感谢信',
    note: input.text,
    effects: { content: await screenThanks(deps, actor, w, input.text, 'body.text', at) },
    notices: (next) => (w.claim ? [notices.toClaimant(next, w.claim.userId, at, 'wishThanked', '收到一封感谢信')] : []),
  }))

/** The resident says it was not received, or not right: the grid worker decides. The auto-confirmation stops. */
export const disputeWish = (deps: MicroWishDeps, actor: Actor, input: { wishId: string; reason: string }) =>
  advance(deps, actor, input.wishId, 'dispute', (w, { at }) => ({
    status: 'disputed',
    set: { dispute: { reason: input.reason, at, byId: actor.principal.userId } },
    label: '居民对实现情况有异议，交网格员处理',
    note: input.reason,
    notices: (next) => [
      notices.toGridWorker(next, at, 'wishDisputed', `有异议：${input.reason}`),
      notices.toClaimant(next, w.claim!.userId, at, 'wishDisputed', '的居民有异议，网格员将与您联系'),
    ],
  }))

/**
 * The grid worker settles a dispute: confirm it fulfilled (the points are paid), ask the claimant to do it again
 * (a new claim period), or return the wish to the wall (the claim ends).
 */
export const decideDispute = async (
  deps: MicroWishDeps,
  actor: Actor,
  input: { wishId: string; decision: 'confirm' | 'redo' | 'reopen'; note: string },
) => {
  const decided = await advance(deps, actor, input.wishId, 'decide', (w, { now, at, settings }): Change => {
    const claimant = w.claim!.userId
    if (input.decision === 'confirm')
      return {
        ...confirmation(w, at, actorOf(actor), 'gridWorker'),
        label: '网格员处理异议：确认心愿已实现',
        note: input.note,
      }
    if (input.decision === 'reopen')
      return {
        ...backToWall(w, at, 'reopened', '网格员处理异议：心愿回到心愿墙', input.note),
        notices: (next) => [
          notices.toClaimant(next, claimant, at, 'wishReopened', `经网格员处理回到心愿墙：${input.note}`),
          notices.toPoster(next, at, 'wishReopened', '已重新回到心愿墙'),
        ],
      }
    const deadline = new Date(now.getTime() + (w.vetting?.claimDays ?? settings.claimDays) * DAY_MS).toISOString()
    const claim = { ...w.claim!, deadline }
    delete claim.remindedAt
    const next = { ...w, claim }
    return {
      status: 'claimed',
      set: { claim },
      clear: ['fulfilment', 'dispute'],
      label: '网格员处理异议：请认领人重新办理',
      note: input.note,
      effects: { claimLog: claimLogOf(next, 'active') },
      due: claimSchedule(w, deadline, settings.reminderHours, now),
      notices: (n) => [notices.toClaimant(n, claimant, at, 'wishRedo', `需要重新办理：${input.note}`)],
    }
  })
  if (decided.status === 'confirmed') await payNow(deps, decided.wishId)
  return decided
}

/** Pays right after the confirmation; whatever stops it here, the due `microWishes.credit` written with the confirmation pays later. */
const payNow = (deps: MicroWishDeps, wishId: string) => creditWish(deps, wishId).catch(() => 'pending' as const)

/** After the community's days a fulfilled wish nobody confirmed or disputed confirms itself (the scheduler). */
export const autoConfirm = async (deps: MicroWishDeps, wishId: string, now = deps.now()) => {
  for (let i = 0; i < 3; i++) {
    const w = await deps.wishes.get(wishId)
    if (!w || w.status !== 'fulfilled' || !w.fulfilment || new Date(w.fulfilment.autoConfirmAt) > now) return
    const { written } = await advanceAsSystem(
      deps,
      w,
      'autoConfirm',
      confirmation(w, now.toISOString(), systemActor, 'auto'),
      systemActor,
      now,
    )
    if (written.ok) return creditWish(deps, wishId, now)
  }
  throw new Error(`microWishes: auto-confirmation of ${wishId} kept moving`)
}

/**
 * Pays the fulfiller's points for a confirmed wish through the points ledger, exactly once: the ledger keeps one
 * credit per key (`wish:<wishId>`), and the wish records it (with the member's points) on a versioned write, so a
 * second run finds it paid. When the community's budget cannot pay, it is tried again later (the wish shows it pending).
 */
export const creditWish = async (
  deps: MicroWishDeps,
  wishId: string,
  now = deps.now(),
): Promise<'paid' | 'pending' | 'none'> => {
  for (let i = 0; i < 5; i++) {
    const w = await deps.wishes.get(wishId)
    if (!w || w.status !== 'confirmed' || !w.claim) return 'none'
    if (w.credited) return 'paid'
    const amount = w.vetting?.points ?? 0
    if (amount <= 0) return 'none'
    const by = w.confirmation ? { userId: w.confirmation.byId, displayName: w.confirmation.byName } : systemActor
    const label = `微心愿「${w.title}」`
    const paid = await credit(deps, {
      communityId: w.communityId,
      userId: w.claim.userId,
      amount,
      key: `wish:${w.wishId}`,
      reason: label,
      source: { kind: 'wish', id: w.wishId, label },
      by,
      at: now.toISOString(),
    })
    if (!paid.ok) {
      await deps.schedule.add({
        kind: CREDIT,
        at: new Date(now.getTime() + CREDIT_RETRY_MS).toISOString(),
        subjectId: wishId,
      })
      return 'pending'
    }
    const { written } = await advanceAsSystem(
      deps,
      w,
      'credit',
      {
        status: 'confirmed',
        set: { credited: { amount, transferId: paid.value.transfer.transferId, at: paid.value.transfer.at } },
        effects: { member: { userId: w.claim.userId, delta: { pointsEarned: amount } } },
      },
      systemActor,
      now,
    )
    if (written.ok) return 'paid'
  }
  throw new Error(`microWishes: recording the credit of ${wishId} kept moving`)
}
