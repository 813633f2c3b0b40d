import type { Actor } from '../identity/actor'
import { found } from '../shared/errors'
import { checkPhotos } from '../uploads/uploads'
import { heldText, screenPhotos, screenText } from '../moderation/screen'
import { authorOf, matterContent, publishedIn, textDraft } from './content'
import { advance, advanceAsSystem } from './advance'
import { householdsInScope } from './consult'
import { CLOSE_GRACE_MS, type PollRecord } from './model'
import { notices } from './notices'
import { pickedParty, toOrganisation } from './review'
import type { DeliberationDeps } from './ports'
import { settingsFor } from './settings'

const DAY_MS = 86_400_000
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`

/**
 * 协同决议: the result by the poll's frozen rule. Turnout is households voting over the electorate (at least
 * `minTurnout`); the passing option needs strictly more than `passShare` of the votes cast.
 * ("at least two thirds of households took part and more than half of those agreed")
 */
export const computeResult = (poll: Pick<PollRecord, 'electorate' | 'rule'>, counts: number[]) => {
  const ballots = counts.reduce((s, c) => s + c, 0)
  const turnout = poll.electorate === 0 ? 0 : ballots / poll.electorate
  const passShareReached = ballots === 0 ? 0 : (counts[poll.rule.passOption] ?? 0) / ballots
  return {
    counts,
    ballots,
    turnout,
    passShareReached,
    passed: turnout >= poll.rule.minTurnout && passShareReached > poll.rule.passShare,
  }
}

/**
 * A poll set to open later opens at its time: its electorate is frozen then. Returns its closing, to be
 * scheduled (again, if this runs a second time after a failure: scheduling the same item twice is one item).
 */
export const openScheduledPoll = async (deps: DeliberationDeps, pollId: string) => {
  const poll = await deps.polls.get(pollId)
  if (!poll || (poll.state !== 'scheduled' && poll.state !== 'open')) return undefined
  if (poll.state === 'scheduled') {
    const m = found(await deps.matters.get(poll.matterId), 'matter.notFound')
    const households = await householdsInScope(deps, m)
    await deps.polls.create({ ...poll, electorate: households.length, state: 'open' }, households)
  }
  return {
    kind: 'deliberation.pollClose',
    at: new Date(new Date(poll.closesAt).getTime() + CLOSE_GRACE_MS).toISOString(),
    subjectId: poll.pollId,
  }
}

/** Closes a poll whose time is up (after the grace every accepted vote needs to land) and moves its matter on. */
export const closePoll = async (deps: DeliberationDeps, pollId: string) => {
  const poll = await deps.polls.get(pollId)
  if (!poll || poll.state === 'closed') return undefined
  if (poll.state === 'open' && !(await deps.polls.setState(poll, 'open', { state: 'closing' })).ok) return undefined
  const result = computeResult(poll, await deps.polls.tally(poll))
  await deps.polls.setState({ ...poll, state: 'closing' }, 'closing', { state: 'closed', result })
  const m = found(await deps.matters.get(poll.matterId), 'matter.notFound')
  if (m.status !== 'polling' || m.pollId !== poll.pollId) return result
  const at = deps.now().toISOString()
  const tally = poll.options.map((o, i) => `${o}${result.counts[i]}票`).join('，')
  const note = `参与${result.ballots}/${poll.electorate}户（${pct(result.turnout)}）；${tally}`
  await advanceAsSystem(deps, m, 'closePoll', {
    status: result.passed ? 'awaitingResolution' : 'failed',
    set: result.passed ? {} : { closedReason: `表决未通过：${note}` },
    label: result.passed ? '表决通过' : '表决未通过',
    note,
    notices: (next) => [
      notices.toScope(next, at, 'pollResult', result.passed ? `表决通过（${note}）` : `表决未通过（${note}）`),
      ...(result.passed ? [notices.toRole(next, at, 'committee', '表决通过，请形成决议并公示')] : []),
    ],
  })
  return result
}

/** The committee records the resolution: who is responsible, the tasks, the due date; it is published to the scope. */
export const recordResolution = async (
  deps: DeliberationDeps,
  actor: Actor,
  input: { matterId: string; responsibleParty: { organisationId: string }; tasks: string[]; dueDate: string },
) =>
  advance(deps, actor, input.matterId, 'resolve', async (m, { at }) => {
    // The party is the registry's (its name was checked when the admin entered it); the tasks go through content safety.
    const { party, org } = await pickedParty(deps, m.communityId, input.responsibleParty)
    const screening = await screenText(
      deps,
      actor,
      input.tasks.map((text, i) => ({ field: `body.tasks.${i}`, text })),
      'forum',
    )
    const due = dayText(input.dueDate)
    return {
      content: heldText(
        screening,
        textDraft(
          m,
          matterContent.resolution(m.matterId, 1),
          authorOf(actor),
          `${party.name}：${input.tasks.join('；')}`,
        ),
        at,
      ),
      status: 'inProgress',
      set: {
        resolution: { responsibleParty: party, tasks: input.tasks, dueDate: input.dueDate, publishedAt: at, round: 1 },
      },
      label: '形成决议并公示',
      note: `责任方：${party.name}；完成期限：${due}；任务：${input.tasks.join('；')}`,
      notices: (next) => [
        notices.toScope(next, at, 'resolutionPublished', `决议公示：由${party.name}负责，${due}前完成`),
        // Matters named before the registry told the property managers covering the scope; now the organisation's accounts.
        ...toOrganisation(org, `已形成决议，由贵单位负责，请于${due}前办理并报告办结`)(next, at),
      ],
    }
  })

/** A calendar date as residents read it: 2026-12-31 → 2026年12月31日 (a due date is a Beijing day, not an instant). */
const dayText = (date: string) => {
  const [y, mo, d] = date.split('-')
  return `${y}年${Number(mo)}月${Number(d)}日`
}

/** The responsible party reports it done (photos, note); the households in scope rate it during the window. */
export const reportDone = async (
  deps: DeliberationDeps,
  actor: Actor,
  input: { matterId: string; note: string; photoKeys: string[] },
) =>
  advance(deps, actor, input.matterId, 'report', async (m, { now, at }) => {
    await checkPhotos(deps, actor, input.photoKeys)
    const screening = await screenText(deps, actor, [{ field: 'body.note', text: input.note }], 'forum')
    await screenPhotos(deps, actor, input.photoKeys, publishedIn(m, authorOf(actor)), 'forum')
    const { evaluationDays } = await settingsFor(deps, m.communityId)
    const round = (m.evaluation?.round ?? 0) + 1
    const closesAt = new Date(now.getTime() + evaluationDays * DAY_MS).toISOString()
    return {
      content: heldText(
        screening,
        textDraft(m, matterContent.report(m.matterId, round), authorOf(actor), input.note),
        at,
      ),
      status: 'evaluating',
      set: { report: { note: input.note, photoKeys: input.photoKeys, at, round }, evaluation: { round, closesAt } },
      label: round > 1 ? `整改后报告办结（第${round}轮）` : '责任方报告办结',
      note: input.note,
      notices: (next) => [notices.toScope(next, at, 'evaluationOpen', `已办结，请户代表在${evaluationDays}天内评议`)],
      due: [{ kind: 'deliberation.evaluationClose', at: closesAt, subjectId: m.matterId }],
    }
  })
