import type { Actor } from '../identity/actor'
import { queued } from '../notifications/deliver'
import type { Notice } from '../notifications/model'
import { fail } from '../shared/errors'
import { activityView } from './activities'
import { assertMay, factsFor, knownFor, loadActivity, myState } from './facts'
import type { ActivityRecord } from './model'
import { hasAudience, volunteerNotices } from './notices'
import type { VolunteeringDeps } from './ports'

/*
 * 线上认领: sign-up up to capacity, exactly, whatever the concurrency. The places and the waiting list are two
 * ordered lists on the activity item; a sign-up appends itself to one of them under a condition on the item (places
 * left and nobody waiting, or else the waiting list), so DynamoDB decides every race on one item. Cancelling and
 * changing the capacity rewrite both lists under the lists' revision, with their notices, in one transaction.
 */
export const MAX_WAITING = 100
const ATTEMPTS = 30
const pause = (attempt: number) =>
  new Promise((r) => setTimeout(r, 5 + Math.random() * Math.min(150, 10 * (attempt + 1))))

const view = async (deps: VolunteeringDeps, actor: Actor, activityId: string) => {
  const a = await loadActivity(deps, activityId)
  return activityView(actor, a, await knownFor(deps, actor, a), deps.now())
}

/** Signs the caller up: a place if one is free, else the waiting list. A repeat changes nothing. */
export const signUp = async (deps: VolunteeringDeps, actor: Actor, activityId: string) => {
  const userId = actor.principal.userId
  const a = await loadActivity(deps, activityId)
  if (myState(a, userId).state !== 'none') return view(deps, actor, activityId)
  const now = deps.now()
  assertMay('signUp', a, factsFor(actor, a, await knownFor(deps, actor, a, { attendance: false }), now))
  const joined = await deps.activities.join(a, userId, now.toISOString(), MAX_WAITING)
  if (!joined.ok) {
    if (joined.refused === 'waitlistFull') fail('activity.waitlistFull')
    // The activity stopped taking sign-ups between our read and our write: say why, as the table would.
    const fresh = await loadActivity(deps, activityId)
    assertMay(
      'signUp',
      fresh,
      factsFor(actor, fresh, await knownFor(deps, actor, fresh, { attendance: false }), deps.now()),
    )
    fail('activity.wrongStatus')
  }
  const at = deps.now().toISOString()
  if (joined.ok && joined.value !== 'already') {
    const after = await loadActivity(deps, activityId)
    const mine = myState(after, userId)
    const n =
      mine.state === 'waiting'
        ? volunteerNotices.waiting(after, at, userId, mine.position!)
        : mine.state === 'placed'
          ? volunteerNotices.placed(after, at, userId)
          : undefined
    // Told after the write (a sign-up takes no transaction, so that a hundred at once never conflict on the activity).
    if (n) await deps.notices.queue([queued(n, deps.newId)])
  }
  return view(deps, actor, activityId)
}

/** Both lists after the caller leaves, the first in line taking the place they freed. */
const withoutMe = (a: ActivityRecord, userId: string) => {
  const placed = a.placedIds.filter((id) => id !== userId)
  const waiting = a.waitingIds.filter((id) => id !== userId)
  const freed = placed.length < a.placedIds.length
  const promoted = freed && placed.length < a.capacity && waiting.length > 0 ? waiting.splice(0, 1) : []
  return { placedIds: [...placed, ...promoted], waitingIds: waiting, capacity: a.capacity, promoted }
}

/**
 * Rewrites the lists of the activity as `change` decides from a fresh read, until nobody changed them in between;
 * `change` returns the new lists and the notices that go with them (written in the same transaction).
 */
export const rewriteLists = async (
  deps: VolunteeringDeps,
  activityId: string,
  change: (
    a: ActivityRecord,
    at: string,
  ) => { placedIds: string[]; waitingIds: string[]; capacity: number; notices: Notice[] } | undefined,
) => {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const a = await loadActivity(deps, activityId)
    const next = change(a, deps.now().toISOString())
    if (!next) return
    const { notices, ...lists } = next
    const written = await deps.activities.rewrite(
      a,
      lists,
      notices.filter(hasAudience).map((n) => queued(n, deps.newId)),
    )
    if (written.ok) return
    await pause(attempt)
  }
  throw new Error(`volunteering: the lists of ${activityId} kept changing; gave up after ${ATTEMPTS} attempts`)
}

/** Cancels the caller's sign-up before the start; the first in line gets the place and is told. A repeat changes nothing. */
export const cancelSignUp = async (deps: VolunteeringDeps, actor: Actor, activityId: string) => {
  const userId = actor.principal.userId
  const a = await loadActivity(deps, activityId)
  if (myState(a, userId).state === 'none') return view(deps, actor, activityId)
  assertMay('cancel', a, factsFor(actor, a, await knownFor(deps, actor, a, { attendance: false }), deps.now()))
  await rewriteLists(deps, activityId, (fresh, at) => {
    if (myState(fresh, userId).state === 'none') return undefined
    const next = withoutMe(fresh, userId)
    return { ...next, notices: next.promoted.length ? [volunteerNotices.promoted(fresh, at, next.promoted)] : [] }
  })
  return view(deps, actor, activityId)
}

/**
 * The organiser (or a lead) changes the number of places. Lower than the sign-ups: the earliest keep their places,
 * the rest go to the head of the waiting list, keeping their order, and are told. Higher: the first in line move up.
 */
export const changeCapacity = async (deps: VolunteeringDeps, actor: Actor, activityId: string, capacity: number) => {
  const a = await loadActivity(deps, activityId)
  assertMay('changeCapacity', a, factsFor(actor, a, await knownFor(deps, actor, a, { attendance: false }), deps.now()))
  await rewriteLists(deps, activityId, (fresh, at) => {
    if (fresh.capacity === capacity) return undefined
    const all = [...fresh.placedIds, ...fresh.waitingIds]
    const placedIds = all.slice(0, capacity)
    const demoted = fresh.placedIds.slice(capacity)
    const promoted = placedIds.filter((id) => !fresh.placedIds.includes(id))
    const notices = [
      ...(demoted.length ? [volunteerNotices.demoted(fresh, at, demoted)] : []),
      ...(promoted.length ? [volunteerNotices.promoted(fresh, at, promoted)] : []),
    ]
    return { placedIds, waitingIds: all.slice(capacity), capacity, notices }
  })
  return view(deps, actor, activityId)
}
