import type { z } from 'zod'
import type { Rating, ResponsibleParty } from '../../../../contracts/deliberation'
import { fail, found } from '../shared/errors'
import { assertMay, factsFor, householdPaths, type Actor } from './facts'
import { actorOf, event, notices, systemActor } from './events'
import { householdsInScope, householdFor } from './consult'
import { CLOSE_GRACE_MS, type MatterRecord, type PollRecord } from './model'
import type { DeliberationDeps } from './ports'
import { settingsFor } from './propose'

/**
 * 协同决议: the result by the poll's frozen rule. Turnout is households voting over the electorate (at least
 * `minTurnout`); the passing option needs strictly more than `passShare` of the votes cast.
 * ("at least two thirds of households took part and more than half of those agreed")
 */
export const computeResult = (poll: Pick<PollRecord, 'electorate' | 'rule'>, counts: number[]) => {
  const ballots = counts.reduce((s, c) => s + c, 0)
  const turnout = poll.electorate === 0 ? 0 : ballots / poll.electorate
  const passShareReached = ballots === 0 ? 0 : (counts[poll.rule.passOption] ?? 0) / ballots
  return { counts, ballots, turnout, passShareReached, passed: turnout >= poll.rule.minTurnout && passShareReached > poll.rule.passShare }
}

const openScheduledPoll = async (deps: DeliberationDeps, pollId: string) => {
  const poll = await deps.deliberation.getPoll(pollId)
  if (!poll || poll.state !== 'scheduled') return
  const m = found(await deps.deliberation.getMatter(poll.matterId), 'matter.notFound')
  const households = await householdsInScope(deps, m)
  await deps.deliberation.createPoll({ ...poll, electorate: households.length, state: 'open' }, households)
}

/** Closes a poll whose time is up (after the grace every accepted vote needs to land) and moves its matter on. */
export const closePoll = async (deps: DeliberationDeps, pollId: string) => {
  const poll = await deps.deliberation.getPoll(pollId)
  if (!poll || poll.state === 'closed') return undefined
  if (poll.state === 'open' && !(await deps.deliberation.setPollState(poll, 'open', { state: 'closing' }))) return undefined
  const result = computeResult(poll, await deps.deliberation.tally(poll))
  await deps.deliberation.setPollState({ ...poll, state: 'closing' }, 'closing', { state: 'closed', result })
  const m = found(await deps.deliberation.getMatter(poll.matterId), 'matter.notFound')
  if (m.status !== 'polling' || m.pollId !== poll.pollId) return result
  const at = deps.now().toISOString()
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`
  const tally = poll.options.map((o, i) => `${o}${result.counts[i]}票`).join('，')
  const note = `参与${result.ballots}/${poll.electorate}户（${pct(result.turnout)}）；${tally}`
  const next: MatterRecord = result.passed
    ? { ...m, status: 'awaitingResolution', updatedAt: at, version: m.version + 1 }
    : { ...m, status: 'failed', closedReason: `表决未通过：${note}`, updatedAt: at, version: m.version + 1 }
  await deps.deliberation.transition(m, next, event('closePoll', result.passed ? '表决通过' : '表决未通过', systemActor, at, next.status, note), [
    notices.toScope(next, at, 'pollResult', result.passed ? `表决通过（${note}）` : `表决未通过（${note}）`),
    ...(result.passed ? [notices.toRole(next, at, 'committee', '表决通过，请形成决议并公示')] : []),
  ])
  return result
}

/** The committee records the resolution: who is responsible, the tasks, the due date; it is published to the scope. */
export const recordResolution = async (
  deps: DeliberationDeps,
  actor: Actor,
  input: { matterId: string; responsibleParty: z.infer<typeof ResponsibleParty>; tasks: string[]; dueDate: string },
) => {
  const m = found(await deps.deliberation.getMatter(input.matterId), 'matter.notFound')
  assertMay('resolve', m, await factsFor(deps, actor, m))
  const at = deps.now().toISOString()
  const next: MatterRecord = {
    ...m,
    status: 'inProgress',
    resolution: { responsibleParty: input.responsibleParty, tasks: input.tasks, dueDate: input.dueDate, publishedAt: at, round: 1 },
    updatedAt: at,
    version: m.version + 1,
  }
  await deps.deliberation.transition(
    m,
    next,
    event(
      'resolve',
      '形成决议并公示',
      actorOf(actor),
      at,
      'inProgress',
      `责任方：${input.responsibleParty.name}；完成期限：${input.dueDate}；任务：${input.tasks.join('；')}`,
    ),
    [
      notices.toScope(next, at, 'resolutionPublished', `决议公示：由${input.responsibleParty.name}负责，${input.dueDate}前完成`),
      ...(input.responsibleParty.kind === 'property' ? [notices.toRole(next, at, 'propertyManager', '已形成决议，由物业负责办理')] : []),
    ],
  )
  return m.matterId
}

/** The responsible party reports it done (photos, note); the households in scope rate it during the window. */
export const reportDone = async (deps: DeliberationDeps, actor: Actor, input: { matterId: string; note: string; photoKeys: string[] }) => {
  const m = found(await deps.deliberation.getMatter(input.matterId), 'matter.notFound')
  assertMay('report', m, await factsFor(deps, actor, m))
  for (const key of input.photoKeys) if (!key.startsWith(`uploads/${actor.principal.userId}/`) || !(await deps.photos.exists(key))) fail('upload.missing')
  const settings = await settingsFor(deps, m.communityId)
  const now = deps.now()
  const at = now.toISOString()
  const round = (m.evaluation?.round ?? 0) + 1
  const closesAt = new Date(now.getTime() + settings.evaluationDays * 86_400_000).toISOString()
  const next: MatterRecord = {
    ...m,
    status: 'evaluating',
    report: { note: input.note, photoKeys: input.photoKeys, at, round },
    evaluation: { round, closesAt },
    updatedAt: at,
    version: m.version + 1,
  }
  await deps.deliberation.transition(
    m,
    next,
    event('report', round > 1 ? `整改后报告办结（第${round}轮）` : '责任方报告办结', actorOf(actor), at, 'evaluating', input.note),
    [notices.toScope(next, at, 'evaluationOpen', `已办结，请户代表在${settings.evaluationDays}天内评议`)],
    {
      addDue: [{ kind: 'evaluationClose', at: closesAt, refId: m.matterId }],
    },
  )
  return m.matterId
}

/** 大众评议: one rating per household of the poll's electorate, by its representative, during the window. */
export const rateMatter = async (deps: DeliberationDeps, actor: Actor, input: { matterId: string; rating: z.infer<typeof Rating>; householdId?: string }) => {
  const m = found(await deps.deliberation.getMatter(input.matterId), 'matter.notFound')
  const homes = await householdPaths(deps, actor)
  assertMay('rate', m, await factsFor(deps, actor, m, homes))
  const now = deps.now()
  if (now.getTime() >= new Date(m.evaluation!.closesAt).getTime()) fail('matter.wrongStep')
  const householdId = householdFor(homes, m, input.householdId)
  if (m.pollId && (await deps.deliberation.householdVoted(m.pollId, householdId)) === undefined) fail('vote.notEligible')
  const outcome = await deps.deliberation.rate(m.matterId, m.evaluation!.round, householdId, actor.principal.userId, input.rating, now.toISOString())
  if (outcome !== 'ok') fail(outcome === 'already' ? 'rating.already' : 'vote.notRepresentative')
  return { accepted: true as const, householdId }
}

/** At the end of the window: at or above the threshold the matter is closed with its score; below, it goes back for rework. */
export const closeEvaluation = async (deps: DeliberationDeps, matterId: string) => {
  const m = await deps.deliberation.getMatter(matterId)
  if (!m || m.status !== 'evaluating' || !m.evaluation) return undefined
  const counts = await deps.deliberation.ratingCounts(m.matterId, m.evaluation.round)
  const total = counts.satisfied + counts.basic + counts.unsatisfied
  const score = total === 0 ? 1 : (counts.satisfied + counts.basic) / total
  const { satisfactionThreshold } = await settingsFor(deps, m.communityId)
  const passed = score >= satisfactionThreshold
  const at = deps.now().toISOString()
  const note = `满意${counts.satisfied}户，基本满意${counts.basic}户，不满意${counts.unsatisfied}户；满意率${Math.round(score * 1000) / 10}%（门槛${Math.round(satisfactionThreshold * 100)}%）${total === 0 ? '；评议期内无人评议' : ''}`
  const next: MatterRecord = {
    ...m,
    status: passed ? 'completed' : 'inProgress',
    evaluation: { ...m.evaluation, counts, score },
    ...(passed ? { closedReason: `评议通过，${note}` } : {}),
    updatedAt: at,
    version: m.version + 1,
  }
  await deps.deliberation.transition(
    m,
    next,
    event('closeEvaluation', passed ? '评议通过，办结' : '评议未达满意度门槛，退回整改', systemActor, at, next.status, note),
    [
      notices.toScope(next, at, 'evaluationResult', passed ? `评议通过，已办结（${note}）` : `评议未达标，退回整改（${note}）`),
      ...(passed
        ? []
        : [
            notices.toRole(
              next,
              at,
              m.resolution?.responsibleParty.kind === 'property' ? 'propertyManager' : 'committee',
              '评议未达满意度门槛，请整改后重新报告',
            ),
          ]),
    ],
  )
  return { passed, score, counts }
}

/**
 * The scheduler (every minute on AWS; `npm start` drives it locally): opens polls whose time has come,
 * closes polls whose time is up plus the grace, and closes evaluation windows. Safe to run twice.
 */
export const tick = async (deps: DeliberationDeps, now: Date) => {
  const done = { opened: 0, closed: 0, evaluated: 0 }
  for (const d of await deps.deliberation.due('pollOpen', now.toISOString())) {
    await openScheduledPoll(deps, d.refId)
    const poll = await deps.deliberation.getPoll(d.refId)
    await deps.deliberation.clearDue('pollOpen', d.at, d.refId)
    if (poll?.state === 'open') await deps.deliberation.addDue('pollClose', poll.closesAt, poll.pollId)
    done.opened++
  }
  for (const d of await deps.deliberation.due('pollClose', new Date(now.getTime() - CLOSE_GRACE_MS).toISOString())) {
    await closePoll(deps, d.refId)
    await deps.deliberation.clearDue('pollClose', d.at, d.refId)
    done.closed++
  }
  for (const d of await deps.deliberation.due('evaluationClose', now.toISOString())) {
    await closeEvaluation(deps, d.refId)
    await deps.deliberation.clearDue('evaluationClose', d.at, d.refId)
    done.evaluated++
  }
  return done
}
