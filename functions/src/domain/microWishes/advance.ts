import { wishCategoryLabels } from '../../../../contracts/microWishes'
import type { Actor } from '../identity/actor'
import { queued } from '../notifications/deliver'
import type { Notice } from '../notifications/model'
import type { DueItem } from '../schedule/ports'
import { DomainError, found } from '../shared/errors'
import { factsFor, assertMay, type Claimant } from './facts'
import { isOpen, maskName, type StoredCard, type WishRecord, type WishSettings, type WishStatus } from './model'
import { actorOf, event, notTo, systemActor } from './notices'
import type { MicroWishDeps, WishEffects } from './ports'
import { settingsFor } from './settings'
import { canView, type Action, type Facts } from './states'

/** What a change does: the use case decides it, `write` does the rest. */
export interface Change {
  status: WishStatus
  set?: Partial<WishRecord>
  /** Fields the change removes (a claim that ends, a dispute that is settled). */
  clear?: (keyof WishRecord)[]
  /** The timeline entry (its action defaults to the use case's); none for a quiet change (a reminder sent). */
  label?: string
  action?: string
  note?: string
  notices?: (next: WishRecord) => Notice[]
  due?: DueItem[]
  effects?: Pick<WishEffects, 'member' | 'claimLog' | 'stats' | 'household' | 'content'>
}

export interface Moment {
  now: Date
  at: string
}
export type Decide = (
  w: WishRecord,
  ctx: Moment & { facts: Facts & { claimant?: Claimant }; settings: WishSettings },
) => Change | Promise<Change>

/** The public part of a wish, as the wall keeps it: the title, a photo, the building and the surname. */
export const storedCard = (w: WishRecord): StoredCard => {
  const done = w.status === 'confirmed'
  const photoKey = done ? (w.fulfilment?.photoKeys[0] ?? w.photoKeys[0]) : w.photoKeys[0]
  return {
    wishId: w.wishId,
    title: w.title,
    categoryId: w.categoryId,
    categoryName: wishCategoryLabels[w.categoryId],
    ...(photoKey ? { photoKey } : {}),
    gridId: w.gridId,
    gridName: w.gridName,
    buildingName: w.beneficiary.buildingName,
    maskedName: maskName(w.beneficiary.name),
    byGridWorker: w.onBehalf,
    wantedBy: w.wantedBy,
    points: w.vetting?.points ?? 0,
    onWallSince: w.onWallSince ?? w.publishedAt ?? w.createdAt,
    status: done ? 'confirmed' : 'published',
    ...(done && w.claim
      ? { claimantName: w.claim.name, ...(w.claim.unitName ? { claimantUnit: w.claim.unitName } : {}) }
      : {}),
    ...(done && w.confirmation ? { confirmedAt: w.confirmation.at } : {}),
    ...(done && w.thanks ? { thanks: w.thanks.text } : {}),
  }
}

/** The wall follows the status: a wish is on it while published, and among 已实现 once confirmed. */
const wallChanges = (prev: WishRecord, next: WishRecord): WishEffects['wall'] => {
  const wall: NonNullable<WishEffects['wall']> = {}
  if (prev.status === 'published' && next.status !== 'published' && prev.onWallSince) wall.removeOpen = prev.onWallSince
  if (next.status === 'published' && prev.status !== 'published') wall.addOpen = storedCard(next)
  if (next.status === 'confirmed' && (prev.status !== 'confirmed' || prev.thanks?.text !== next.thanks?.text))
    wall.putDone = storedCard(next)
  return wall
}

const apply = (w: WishRecord, c: Change, at: string): WishRecord => {
  const next: WishRecord = { ...w, ...c.set, status: c.status, updatedAt: at, version: w.version + 1 }
  for (const key of c.clear ?? []) delete next[key]
  return next
}

/** Writes one change; refused codes come back as the store said them. */
const write = async (
  deps: MicroWishDeps,
  w: WishRecord,
  who: { userId: string; displayName: string },
  action: string,
  moment: Moment,
  c: Change,
) => {
  const next = apply(w, c, moment.at)
  // A wish that closes (confirmed, refused, withdrawn) frees a place in its household's limit.
  const household = isOpen(w.status) && !isOpen(next.status) ? { household: { delta: -1 as const } } : {}
  const effects: WishEffects = {
    ...household,
    ...c.effects,
    notices: notTo(who.userId, c.notices?.(next) ?? []).map((n) => queued(n, deps.newId)),
    ...(c.due ? { due: c.due } : {}),
    wall: wallChanges(w, next),
  }
  const written = await deps.wishes.transition(
    w,
    next,
    c.label ? event(c.action ?? action, c.label, who, moment.at, next.status, c.note) : undefined,
    effects,
  )
  return { written, next }
}

const ATTEMPTS = 3

/**
 * The ritual every change of a wish shares: load it, check the state table for this caller, decide the change,
 * and write it with its timeline entry, notices, due work, wall entries and counters in one conditional
 * transaction. When someone changed the wish in between, it is read and checked again, so a member who came
 * second to a claim is told the wish is taken.
 */
export const advance = async (
  deps: MicroWishDeps,
  actor: Actor,
  wishId: string,
  action: Action,
  decide: Decide,
): Promise<WishRecord> => {
  for (let attempt = 0; ; attempt++) {
    const w = found(await deps.wishes.get(wishId), 'wish.notFound')
    const settings = await settingsFor(deps, w.communityId)
    const facts = await factsFor(deps, actor, w, settings, { claim: action === 'claim' })
    // A wish the caller may not read (not yet on the wall, not theirs) is not announced by its refusals either.
    if (!canView(w, facts)) throw new DomainError('wish.notFound')
    assertMay(action, w, facts)
    const now = deps.now()
    const moment = { now, at: now.toISOString() }
    const change = await decide(w, { ...moment, facts, settings })
    const { written, next } = await write(deps, w, actorOf(actor, w), action, moment, change)
    if (written.ok) return next
    if (written.refused === 'claimLimit') throw new DomainError('wish.claimLimit')
    if (written.refused === 'busy' || attempt + 1 >= ATTEMPTS)
      throw new DomainError(action === 'claim' ? 'wish.busy' : 'wish.wrongState')
  }
}

/**
 * A change the system makes (a claim lapsing, a wish confirming itself, points paid): no caller to check; `now` is
 * the scheduler's moment. Refused `moved` when the wish changed meanwhile; the scheduled job reads it again.
 */
export const advanceAsSystem = async (
  deps: MicroWishDeps,
  w: WishRecord,
  action: string,
  change: Change,
  who = systemActor,
  now = deps.now(),
) => {
  return write(deps, w, who, action, { now, at: now.toISOString() }, change)
}
