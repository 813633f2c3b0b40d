import type { z } from 'zod'
import type { Comment, PollRule } from '../../../../contracts/deliberation'
import { homesOf, type Actor } from '../identity/actor'
import { staffLabel } from '../identity/labels'
import { DomainError, fail, found } from '../shared/errors'
import { orFail } from '../shared/outcome'
import { advance } from './advance'
import { assertMay, factsFor, householdFor } from './facts'
import { CLOSE_GRACE_MS, type MatterRecord, type PollRecord } from './model'
import { notices } from './notices'
import type { DeliberationDeps } from './ports'
import { canView } from './states'
import { beijingTime } from '../notifications/deliver'
import { heldText, readModeration, screenText, seenAs } from '../moderation/screen'
import { authorOf, markOf, matterContent, textDraft } from './content'

/**
 * The discussion as the caller may see it: a held or removed comment only to its writer and the staff, marked;
 * its moderation is read for all the comments at once.
 */
export const listComments = async (
  deps: DeliberationDeps,
  actor: Actor,
  input: { matterId: string },
): Promise<Comment[]> => {
  const m = found(await deps.matters.get(input.matterId), 'matter.notFound')
  const f = await factsFor(deps, actor, m, undefined, { participation: false })
  if (!canView(f)) throw new DomainError('matter.notFound')
  const comments = await deps.matters.comments(m.matterId)
  const mod = await readModeration(
    deps,
    comments.map((c) => matterContent.comment(m.matterId, c.commentId)),
  )
  return comments.flatMap((c) => {
    const seen = seenAs(mod.get(matterContent.comment(m.matterId, c.commentId)), {
      isAuthor: c.authorId === actor.principal.userId,
      isStaff: f.isStaff,
    })
    if (!seen.show && !seen.moderation) return []
    return [{ ...c, ...(seen.show ? {} : { text: '' }), ...markOf(seen) }]
  })
}

/**
 * Residents in scope (and staff) discuss the matter before and during the poll. The client names the comment
 * (`commentId`) before it submits: a repeat returns the first comment.
 */
export const addComment = async (
  deps: DeliberationDeps,
  actor: Actor,
  input: { matterId: string; commentId: string; text: string },
): Promise<Comment> => {
  const m = found(await deps.matters.get(input.matterId), 'matter.notFound')
  assertMay('comment', m, await factsFor(deps, actor, m, undefined, { participation: false }))
  const earlier = await deps.matters.getComment(m.matterId, input.commentId)
  if (earlier) return earlier.authorId === actor.principal.userId ? earlier : fail('request.idConflict')
  // Content safety: a risky comment is refused and nothing is stored; one WeChat wants a person to see is held.
  const screening = await screenText(deps, actor, [{ field: 'body.text', text: input.text }], 'comment')
  const role = staffLabel(actor.principal, m.scope.path)
  const comment = {
    commentId: input.commentId,
    authorId: actor.principal.userId,
    authorName: actor.principal.displayName,
    ...(role ? { authorRole: role } : {}),
    text: input.text,
    at: deps.now().toISOString(),
  }
  const held = heldText(
    screening,
    textDraft(m, matterContent.comment(m.matterId, comment.commentId), authorOf(actor), comment.text),
    comment.at,
  )
  if ((await deps.matters.addComment(m.matterId, comment, held)).ok)
    return held.length ? { ...comment, moderation: { state: 'review', label: '审核中，仅自己可见' } } : comment
  const first = found(await deps.matters.getComment(m.matterId, input.commentId), 'matter.notFound')
  return first.authorId === actor.principal.userId ? first : fail('request.idConflict')
}

/** The households in a scope, as registered now: the electorate a poll freezes when it opens. */
export const householdsInScope = async (deps: DeliberationDeps, m: MatterRecord): Promise<string[]> => {
  let buildingIds: string[]
  if (m.scope.type === 'building') buildingIds = [m.scope.id]
  else {
    const { buildings } = await deps.structure.listCommunity(m.communityId)
    buildingIds = buildings
      .filter((b) => m.scope.type === 'community' || b.compoundId === m.scope.id)
      .map((b) => b.buildingId)
  }
  const lists = await Promise.all(buildingIds.map((b) => deps.structure.listHouseholdAddresses(b)))
  return lists.flat().map((h) => h.householdId)
}

export const CHANGE_RULE = '一户一票，由户代表投出；投出后不可更改。'
const pct = (x: number) => `${Math.round(x * 1000) / 10}%`

/**
 * 民主商议 → poll. The rule and the electorate (the households in scope at opening) are frozen when the poll
 * opens and published with it; a poll that opens later freezes them then.
 */
export const openPoll = async (
  deps: DeliberationDeps,
  actor: Actor,
  input: {
    matterId: string
    options: string[]
    opensAt: string
    closesAt: string
    secret: boolean
    rule: z.output<typeof PollRule>
  },
) =>
  advance(deps, actor, input.matterId, 'openPoll', async (m, { now, at }) => {
    const opensAt = new Date(input.opensAt)
    const closesAt = new Date(input.closesAt)
    if (closesAt.getTime() <= now.getTime())
      fail('poll.timeInvalid', [{ path: 'body.closesAt', message: '截止时间须在将来' }])
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
      await deps.polls.create(poll, households)
    } else await deps.polls.create(poll, [])
    const ruleText = `参与户数不低于${pct(input.rule.minTurnout)}，且「${input.options[input.rule.passOption]}」超过投票数的${pct(input.rule.passShare)}即通过；${input.secret ? '无记名投票；' : ''}${CHANGE_RULE}`
    return {
      status: 'polling',
      set: { pollId: poll.pollId, pollClosesAt: poll.closesAt },
      label: openNow ? '发起表决' : '发起表决（定时开始）',
      note: `${openNow ? `选民${poll.electorate}户；` : ''}${ruleText}`,
      notices: (next) => [notices.toScope(next, at, 'pollOpen', `开始表决，截止${beijingTime(poll.closesAt)}`)],
      due: [
        openNow
          ? {
              kind: 'deliberation.pollClose',
              at: new Date(closesAt.getTime() + CLOSE_GRACE_MS).toISOString(),
              subjectId: poll.pollId,
            }
          : { kind: 'deliberation.pollOpen', at: poll.opensAt, subjectId: poll.pollId },
      ],
    }
  })

/**
 * One household, one vote, cast by its representative. The check and the write are one transaction, so two
 * members racing, or one member tapping twice, count once. Tallies stay hidden until the poll closes.
 */
export const castVote = async (
  deps: DeliberationDeps,
  actor: Actor,
  input: { pollId: string; option: number; householdId?: string },
) => {
  const poll = found(await deps.polls.get(input.pollId), 'poll.notFound')
  const now = deps.now()
  if (
    poll.state !== 'open' ||
    now.getTime() < new Date(poll.opensAt).getTime() ||
    now.getTime() >= new Date(poll.closesAt).getTime()
  )
    fail('poll.notOpen')
  if (input.option >= poll.options.length) fail('vote.badOption')
  const m = found(await deps.matters.get(poll.matterId), 'matter.notFound')
  const homes = await homesOf(deps, actor)
  // Whether the household has voted is decided by the vote's own transaction, not read first.
  assertMay('vote', m, await factsFor(deps, actor, m, homes, { participation: false }))
  const householdId = householdFor(homes, m, input.householdId)
  const outcome = await deps.polls.castVote(poll, householdId, actor.principal.userId, input.option, now.toISOString())
  orFail(outcome, {
    already: 'vote.already',
    notRepresentative: 'vote.notRepresentative',
    notEligible: 'vote.notEligible',
  })
  return { accepted: true as const, householdId }
}
