import type * as routes from '../../../../contracts/volunteering'
import type { ServiceRecord } from '../../../../contracts/volunteering'
import type { Actor } from '../identity/actor'
import { poolAccounts, residentAccount } from '../ledger/model'
import { credit, runTransfer } from '../ledger/transfer'
import { screenText } from '../moderation/screen'
import { queued } from '../notifications/deliver'
import { done } from '../shared/outcome'
import { fail, found } from '../shared/errors'
import { recordCounters } from './counters'
import { communityPlace, loadActivity, manages } from './facts'
import { parseRecordId, recordIdOf, type CorrectionRecord, type ServiceRecordRecord, type Body } from './model'
import { volunteerNotices } from './notices'
import type { VolunteeringDeps } from './ports'
import { countDistinct, minutesThatDay } from './confirm'
import { creditedMinutes, hoursText, pointsFor } from './rules'

/*
 * 我的服务 and corrections. A record is never changed: a correction (民政部令第67号: the volunteer may ask for one, the
 * organiser answers) is a new adjusting record with the difference the rule gives for the corrected times, its
 * reason and who made it; the points follow by a further credit, or a partial reversal of what was paid.
 */

const publicRecord = ({
  streetId: _s,
  unitId: _u,
  pointsTransferId: _p,
  recordedById: _r,
  ...r
}: ServiceRecordRecord): ServiceRecord => r

export const myRecords = async (deps: VolunteeringDeps, actor: Actor) => {
  const [records, corrections] = await Promise.all([
    deps.serviceRecords.forUser(actor.principal.userId),
    deps.serviceRecords.correctionsForUser(actor.principal.userId),
  ])
  const sorted = [...records].sort((a, b) => (b.date + b.recordedAt).localeCompare(a.date + a.recordedAt))
  return {
    minutes: records.reduce((s, r) => s + r.minutes, 0),
    // Points the records brought that reached the account (a spent budget leaves some pending).
    points: records.filter((r) => r.pointsState === 'credited').reduce((s, r) => s + r.points, 0),
    records: sorted.map(publicRecord),
    corrections: corrections.map(({ ...c }) => c),
  }
}

export const requestCorrection = async (
  deps: VolunteeringDeps,
  actor: Actor,
  recordId: string,
  input: { requestId: string; text: string },
) => {
  const id = parseRecordId(recordId)
  if (!id || id.userId !== actor.principal.userId) fail('record.notFound')
  const record = found(await deps.serviceRecords.get(actor.principal.userId, recordId), 'record.notFound')
  await screenText(deps, actor, [{ field: 'body.text', text: input.text }], 'comment')
  const c: CorrectionRecord = {
    requestId: input.requestId,
    recordId: record.adjusts ?? record.recordId,
    activityId: record.activityId,
    activityTitle: record.activityTitle,
    userId: actor.principal.userId,
    name: actor.principal.displayName,
    text: input.text,
    at: deps.now().toISOString(),
    status: 'pending',
  }
  if ((await deps.serviceRecords.createCorrection(c)).ok) return c
  const first = found(await deps.serviceRecords.getCorrection(input.requestId), 'request.idConflict')
  if (first.userId !== actor.principal.userId) fail('request.idConflict')
  return first
}

export const listCorrections = async (deps: VolunteeringDeps, actor: Actor, activityId: string) => {
  const a = await loadActivity(deps, activityId)
  if (!manages(actor.principal, a, await communityPlace(deps, a.communityId))) fail('auth.forbidden')
  return deps.serviceRecords.correctionsForActivity(activityId)
}

/** Moves the difference in points: a further credit, or a partial reversal (refused when the volunteer already spent them). */
const movePoints = async (
  deps: VolunteeringDeps,
  adj: ServiceRecordRecord,
  original: ServiceRecordRecord,
  by: Actor,
) => {
  const who = { userId: by.principal.userId, displayName: by.principal.displayName }
  const at = deps.now().toISOString()
  const label = `志愿活动「${adj.activityTitle}」时长更正 ${hoursText(adj.minutes)}`
  if (adj.points > 0) {
    const paid = await credit(deps, {
      communityId: adj.communityId,
      userId: adj.volunteer.userId,
      amount: adj.points,
      key: `service-adj:${adj.recordId}`,
      reason: '志愿时长更正',
      source: { kind: 'activity', id: adj.activityId, label },
      by: who,
      at,
    })
    return deps.serviceRecords.setPoints(
      adj,
      paid.ok ? 'credited' : 'pending',
      paid.ok ? paid.value.transfer.transferId : undefined,
    )
  }
  const user = residentAccount(adj.volunteer.userId)
  const pool = poolAccounts()[0]!
  const back = await runTransfer(deps, adj.communityId, `service-adj:${adj.recordId}`, async () =>
    done({
      heads: await deps.ledger.heads(adj.communityId, [user, pool]),
      input: {
        communityId: adj.communityId,
        transferId: `service-adj:${adj.recordId}`,
        kind: 'reverse' as const,
        legs: [
          { account: user, delta: adj.points },
          { account: pool, delta: -adj.points },
        ],
        reason: '志愿时长更正（部分冲正）',
        source: { kind: 'activity', id: adj.activityId, label },
        by: who,
        at,
        ...(original.pointsTransferId ? { reverses: original.pointsTransferId } : {}),
      },
    }),
  )
  return deps.serviceRecords.setPoints(
    adj,
    back.ok ? 'credited' : 'notReclaimed',
    back.ok ? back.value.transfer.transferId : undefined,
  )
}

/**
 * The organiser answers a correction request. Accepted: the rule is applied to the corrected check-in and
 * check-out, and the difference to what the volunteer holds for the activity becomes an adjusting record.
 */
export const answerCorrection = async (
  deps: VolunteeringDeps,
  actor: Actor,
  requestId: string,
  input: Body<typeof routes.answerCorrection>,
) => {
  const c = found(await deps.serviceRecords.getCorrection(requestId), 'correction.notFound')
  const a = await loadActivity(deps, c.activityId)
  if (!manages(actor.principal, a, await communityPlace(deps, a.communityId))) fail('auth.forbidden')
  if (c.status !== 'pending') fail('correction.notPending')
  const at = deps.now().toISOString()
  let adjustmentId: string | undefined
  if (input.decision === 'accept') {
    if (Date.parse(input.checkOutAt) <= Date.parse(input.checkInAt)) fail('correction.timeInvalid')
    const original = found(await deps.serviceRecords.get(c.userId, c.recordId), 'record.notFound')
    const mine = (await deps.serviceRecords.forUser(c.userId)).filter((r) => r.activityId === a.activityId)
    const held = { minutes: mine.reduce((s, r) => s + r.minutes, 0), points: mine.reduce((s, r) => s + r.points, 0) }
    const fixed = creditedMinutes({
      window: a,
      presence: { in: input.checkInAt, out: input.checkOutAt },
      rule: a.rule,
      alreadyThatDay: await minutesThatDay(deps, c.userId, original.date, a.activityId),
    })
    const delta = {
      minutes: fixed.minutes - held.minutes,
      points: pointsFor(fixed.minutes, a.pointsPerHour) - held.points,
    }
    if (delta.minutes !== 0 || delta.points !== 0) {
      // The adjustment is named by the request: answering twice (a retry) writes it once.
      const adj: ServiceRecordRecord = {
        ...original,
        recordId: recordIdOf(requestId, c.userId),
        kind: 'adjustment',
        startAt: input.checkInAt > a.startAt ? new Date(input.checkInAt).toISOString() : a.startAt,
        endAt: input.checkOutAt < a.endAt ? new Date(input.checkOutAt).toISOString() : a.endAt,
        minutes: delta.minutes,
        points: delta.points,
        pointsState: delta.points !== 0 ? 'pending' : 'none',
        recordedAt: at,
        recordedBy: actor.principal.displayName,
        recordedById: actor.principal.userId,
        notes: fixed.notes,
        adjusts: original.recordId,
        reason: input.answer,
      }
      delete adj.pointsTransferId
      const text = `服务时长已更正为${hoursText(fixed.minutes)}`
      await deps.serviceRecords.create(
        adj,
        recordCounters(adj, (fixed.minutes > 0 ? 1 : 0) - (held.minutes > 0 ? 1 : 0)),
        [queued(volunteerNotices.corrected(a, at, c.userId, text), deps.newId)],
      )
      if (adj.points !== 0)
        await movePoints(deps, (await deps.serviceRecords.get(c.userId, adj.recordId)) ?? adj, original, actor)
      if (fixed.minutes > 0) {
        const unitId = original.unitId
        await countDistinct(
          deps,
          {
            userId: c.userId,
            kind: original.volunteer.kind,
            communityId: a.communityId,
            streetId: a.streetId,
            ...(unitId ? { unitId } : {}),
          },
          a.activityId,
          original.date,
        )
      }
      adjustmentId = adj.recordId
    }
  }
  const next: CorrectionRecord = {
    ...c,
    status: input.decision === 'accept' ? 'accepted' : 'refused',
    answer: input.answer,
    answeredBy: actor.principal.displayName,
    answeredAt: at,
    ...(adjustmentId ? { adjustmentId } : {}),
  }
  const answered = await deps.serviceRecords.answerCorrection(next)
  if (!answered.ok) fail('correction.notPending')
  if (input.decision === 'refuse')
    await deps.notices.queue([
      queued(volunteerNotices.corrected(a, at, c.userId, `更正申请未获同意：${input.answer}`.slice(0, 40)), deps.newId),
    ])
  return next
}
