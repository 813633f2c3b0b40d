import type { z } from 'zod'
import type { Comment, PollRule } from '../../../../contracts/deliberation'
import { DomainError, fail, found } from '../shared/errors'
import { assertMay, factsFor, householdPaths, type Actor, type Home } from './facts'
import { actorOf, event, notices } from './events'
import type { MatterRecord, PollRecord } from './model'
import type { DeliberationDeps } from './ports'

export const listComments = async (deps: DeliberationDeps, actor: Actor, input: { matterId: string }) => {
  const m = found(await deps.deliberation.getMatter(input.matterId), 'matter.notFound')
  const f = await factsFor(deps, actor, m)
  if (!(f.isProposer || f.livesInScope || f.isStaff || f.isStreetAdmin)) throw new DomainError('matter.notFound')
  return deps.deliberation.comments(m.matterId)
}

/** Residents in scope (and staff) discuss the matter before and during the poll. */
export const addComment = async (deps: DeliberationDeps, actor: Actor, input: { matterId: string; text: string }): Promise<Comment> => {
  const m = found(await deps.deliberation.getMatter(input.matterId), 'matter.notFound')
  assertMay('comment', m, await factsFor(deps, actor, m))
  const comment = {
    commentId: deps.newId(),
    authorId: actor.principal.userId,
    authorName: actor.principal.displayName,
    text: input.text,
    at: deps.now().toISOString(),
  }
  await deps.deliberation.addComment(m.matterId, comment)
  return comment
}

/** The households in a scope, as registered now: the electorate a poll freezes when it opens. */
export const householdsInScope = async (deps: DeliberationDeps, m: MatterRecord): Promise<string[]> => {
  let buildingIds: string[]
  if (m.scope.type === 'building') buildingIds = [m.scope.id]
  else {
    const { buildings } = await deps.structure.listCommunity(m.communityId)
    buildingIds = buildings.filter((b) => m.scope.type === 'community' || b.compoundId === m.scope.id).map((b) => b.buildingId)
  }
  const lists = await Promise.all(buildingIds.map((b) => deps.structure.listHouseholdAddresses(b)))
  return lists.flat().map((h) => h.householdId)
}

export const CHANGE_RULE = '一户一票，由户代表投出；投出后不可更改。'

/**
 * 民主商议 → poll. The rule and the electorate (the households in scope at opening) are frozen when the poll
 * opens and published with it; a poll that opens later freezes them then.
 */
export const openPoll = async (
  deps: DeliberationDeps,
  actor: Actor,
  input: { matterId: string; options: string[]; opensAt: string; closesAt: string; secret: boolean; rule: z.output<typeof PollRule> },
) => {
  const m = found(await deps.deliberation.getMatter(input.matterId), 'matter.notFound')
  assertMay('openPoll', m, await factsFor(deps, actor, m))
  const now = deps.now()
  const opensAt = new Date(input.opensAt)
  const closesAt = new Date(input.closesAt)
  if (closesAt.getTime() <= now.getTime()) fail('poll.timeInvalid', [{ path: 'body.closesAt', message: '截止时间须在将来' }])
  const openNow = opensAt.getTime() <= now.getTime()
  const poll: PollRecord = {
    pollId: deps.newId(),
    matterId: m.matterId,
    communityId: m.communityId,
    options: input.options,
    opensAt: (openNow ? now : opensAt).toISOString(),
    closesAt: closesAt.toISOString(),
    secret: input.secret,
    rule: input.rule,
    electorate: 0,
    state: openNow ? 'open' : 'scheduled',
    openedBy: actor.principal.userId,
  }
  if (openNow) {
    const households = await householdsInScope(deps, m)
    if (households.length === 0) fail('poll.noElectorate')
    poll.electorate = households.length
    await deps.deliberation.createPoll(poll, households)
  } else await deps.deliberation.createPoll(poll, [])
  const at = now.toISOString()
  const next: MatterRecord = { ...m, status: 'polling', pollId: poll.pollId, updatedAt: at, version: m.version + 1 }
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`
  const ruleText = `参与户数不低于${pct(input.rule.minTurnout)}，且「${input.options[input.rule.passOption]}」超过投票数的${pct(input.rule.passShare)}即通过；${input.secret ? '无记名投票；' : ''}${CHANGE_RULE}`
  await deps.deliberation.transition(
    m,
    next,
    event(
      'openPoll',
      openNow ? '发起表决' : '发起表决（定时开始）',
      actorOf(actor),
      at,
      'polling',
      `${openNow ? `选民${poll.electorate}户；` : ''}${ruleText}`,
    ),
    [notices.toScope(next, at, 'pollOpen', `开始表决，截止${poll.closesAt.slice(0, 16).replace('T', ' ')}（UTC）`)],
    { addDue: [openNow ? { kind: 'pollClose', at: poll.closesAt, refId: poll.pollId } : { kind: 'pollOpen', at: poll.opensAt, refId: poll.pollId }] },
  )
  return m.matterId
}

/** The household the caller votes or rates for: the one named, or their only household in the matter's scope. */
export const householdFor = (allHomes: Home[], m: MatterRecord, householdId?: string): string => {
  const homes = allHomes.filter((h) => h.path === m.scope.path || h.path.startsWith(`${m.scope.path}/`))
  if (householdId) return homes.find((h) => h.householdId === householdId)?.householdId ?? fail('vote.notEligible')
  return homes.find((h) => h.represents)?.householdId ?? (homes.length ? fail('vote.notRepresentative') : fail('vote.notEligible'))
}

/**
 * One household, one vote, cast by its representative. The check and the write are one transaction, so two
 * members racing, or one member tapping twice, count once. Tallies stay hidden until the poll closes.
 */
export const castVote = async (deps: DeliberationDeps, actor: Actor, input: { pollId: string; option: number; householdId?: string }) => {
  const poll = found(await deps.deliberation.getPoll(input.pollId), 'poll.notFound')
  const now = deps.now()
  if (poll.state !== 'open' || now.getTime() < new Date(poll.opensAt).getTime() || now.getTime() >= new Date(poll.closesAt).getTime()) fail('poll.notOpen')
  if (input.option >= poll.options.length) fail('vote.badOption')
  const m = found(await deps.deliberation.getMatter(poll.matterId), 'matter.notFound')
  const homes = await householdPaths(deps, actor)
  assertMay('vote', m, await factsFor(deps, actor, m, homes))
  const householdId = householdFor(homes, m, input.householdId)
  const outcome = await deps.deliberation.castVote(poll, householdId, actor.principal.userId, input.option, now.toISOString())
  if (outcome !== 'ok') fail(outcome === 'already' ? 'vote.already' : outcome === 'notRepresentative' ? 'vote.notRepresentative' : 'vote.notEligible')
  return { accepted: true as const, householdId }
}
