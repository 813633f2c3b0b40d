import type { MatterStatus } from '../../../../contracts/deliberation'
import { homesOf, type Actor, type Home } from '../identity/actor'
import type { ContentWrite } from '../moderation/model'
import type { Notice } from '../notifications/model'
import { queued } from '../notifications/deliver'
import type { DueItem } from '../schedule/ports'
import { found } from '../shared/errors'
import { orFail } from '../shared/outcome'
import { assertMay, factsFor } from './facts'
import type { MatterRecord } from './model'
import { actorOf, event, systemActor } from './notices'
import type { DeliberationDeps } from './ports'
import type { Action, Facts } from './states'

/** What a transition changes, says and tells: the use case decides it, `advance` does the rest. */
export interface Change {
  status: MatterStatus
  /** Other fields of the matter that change. */
  set?: Partial<MatterRecord>
  /** The timeline entry (its action defaults to the transition's). */
  label: string
  action?: string
  note?: string
  /** The notices to queue, from the matter as it will be. */
  notices?: (next: MatterRecord) => Notice[]
  due?: DueItem[]
  /** Held texts written with the change (content safety's `heldText` / `replacedText`). */
  content?: ContentWrite[]
}

export interface Moment {
  now: Date
  at: string
}
type Decide = (m: MatterRecord, ctx: Moment & { facts: Facts; homes: Home[] }) => Change | Promise<Change>

const write = async (
  deps: DeliberationDeps,
  m: MatterRecord,
  who: { userId: string; displayName: string },
  action: string,
  moment: Moment,
  c: Change,
) => {
  const next: MatterRecord = { ...m, ...c.set, status: c.status, updatedAt: moment.at, version: m.version + 1 }
  const outcome = await deps.matters.transition(
    m,
    next,
    event(c.action ?? action, c.label, who, moment.at, c.status, c.note),
    (c.notices?.(next) ?? []).map((n) => queued(n, deps.newId)),
    c.due,
    c.content,
  )
  // Someone moved the matter between our read and our write: nothing was written.
  orFail(outcome, { moved: 'matter.wrongStep' })
  return next
}

/**
 * The ritual every transition of the five steps shares: load the matter, check the state table for this caller,
 * decide the change, and write it with its timeline entry, notices and due work in one conditional transaction.
 */
export const advance = async (
  deps: DeliberationDeps,
  actor: Actor,
  matterId: string,
  action: Action,
  decide: Decide,
): Promise<MatterRecord> => {
  const m = found(await deps.matters.get(matterId), 'matter.notFound')
  const homes = await homesOf(deps, actor)
  const facts = await factsFor(deps, actor, m, homes, { participation: false })
  assertMay(action, m, facts)
  const now = deps.now()
  const moment = { now, at: now.toISOString() }
  return write(
    deps,
    m,
    actorOf(actor, m, action === 'report' && facts.isResponsible),
    action,
    moment,
    await decide(m, { ...moment, facts, homes }),
  )
}

/** A transition the system makes (the scheduler closing a poll, enough seconds arriving): no caller to check. */
export const advanceAsSystem = (
  deps: DeliberationDeps,
  m: MatterRecord,
  action: string,
  change: Change,
  who = systemActor,
) => {
  const now = deps.now()
  return write(deps, m, who, action, { now, at: now.toISOString() }, change)
}
