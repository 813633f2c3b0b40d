import type { Matter, MatterSummary, PollView } from '../../../../contracts/deliberation'
import { stepOf } from '../../../../contracts/deliberation'
import { communityOf, homesOf, type Actor } from '../identity/actor'
import { describeAudience } from '../notifications/audience'
import { DomainError, found } from '../shared/errors'
import type { ContentModeration } from '../../../../contracts/moderation'
import { photoContentKey, readModeration, seenAs } from '../moderation/screen'
import { markOf, matterContent, photosSeen } from './content'
import { factsFor, factsForMany, homesInScope, reachCache } from './facts'
import { CHANGE_RULE } from './consult'
import type { MatterRecord, PollRecord } from './model'
import type { DeliberationDeps } from './ports'
import { canView, possibleActions, type Facts } from './states'

/** When the current step ends for residents: the poll's close while polling, the window's end while evaluating. */
const deadlineOf = (m: MatterRecord) =>
  m.status === 'polling' ? m.pollClosesAt : m.status === 'evaluating' ? m.evaluation?.closesAt : undefined

/** What the matter asks of the caller now, from what the state table lets them do. */
const asks = (can: string[]) => (['second', 'vote', 'rate'] as const).filter((a) => can.includes(a))

export const summary = (m: MatterRecord, f?: Facts, moderation?: ContentModeration): MatterSummary => {
  const deadline = deadlineOf(m)
  const awaiting = f ? asks(possibleActions(m, f)) : []
  return {
    matterId: m.matterId,
    communityId: m.communityId,
    scope: { type: m.scope.type, id: m.scope.id, name: m.scope.name },
    categoryName: m.categoryName,
    title: m.title,
    step: stepOf[m.status],
    status: m.status,
    proposerName: m.proposerName,
    secondsCount: m.secondsCount,
    secondsNeeded: m.secondsNeeded,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    ...(deadline ? { deadline } : {}),
    ...(awaiting.length ? { awaitingMe: awaiting } : {}),
    ...(moderation ? { moderation } : {}),
  }
}

/** Which of these matters the caller sees, as content safety has it (one batched read), and the mark on a held one. */
const bodiesSeen = async (deps: DeliberationDeps, actor: Actor, matters: MatterRecord[], facts: Facts[]) => {
  const mod = await readModeration(
    deps,
    matters.map((m) => matterContent.body(m.matterId)),
  )
  return matters.map((m, i) =>
    seenAs(mod.get(matterContent.body(m.matterId)), {
      isAuthor: m.proposerId === actor.principal.userId,
      isStaff: facts[i]!.isStaff,
    }),
  )
}

const pollView = async (deps: DeliberationDeps, poll: PollRecord, f: Facts, inScope: boolean): Promise<PollView> => ({
  pollId: poll.pollId,
  matterId: poll.matterId,
  options: poll.options,
  opensAt: poll.opensAt,
  closesAt: poll.closesAt,
  secret: poll.secret,
  rule: poll.rule,
  electorate: poll.electorate,
  state: poll.state === 'closing' ? 'open' : poll.state,
  changeRule: CHANGE_RULE,
  ...(inScope ? { myHouseholdVoted: f.householdVoted } : {}),
  ...(f.householdOption !== undefined && !poll.secret ? { myHouseholdOption: f.householdOption } : {}),
  // How many households have voted shows while the poll is open (turnout, for those who rally the building);
  // how they voted, the tally, is hidden until the poll is closed.
  ...(poll.state === 'open' || poll.state === 'closing'
    ? { votedHouseholds: await deps.polls.turnout(poll.pollId) }
    : {}),
  ...(poll.state === 'closed' && poll.result ? { result: poll.result, votedHouseholds: poll.result.ballots } : {}),
})

/** The matter page: visible to the residents in scope, the proposer and the staff who cover it. */
export const getMatter = async (deps: DeliberationDeps, actor: Actor, input: { matterId: string }): Promise<Matter> => {
  const m = found(await deps.matters.get(input.matterId), 'matter.notFound')
  const homes = await homesOf(deps, actor)
  const f = await factsFor(deps, actor, m, homes)
  // Out of scope reads the same as missing: a matter of another building is not announced.
  if (!canView(f)) throw new DomainError('matter.notFound')
  const inScope = homesInScope(homes, m).length > 0
  const reportPhotoKeys = m.report?.photoKeys ?? []
  const keys = {
    body: matterContent.body(m.matterId),
    resolution: m.resolution ? matterContent.resolution(m.matterId, m.resolution.round) : undefined,
    report: m.report ? matterContent.report(m.matterId, m.report.round) : undefined,
  }
  const [timeline, poll, mod] = await Promise.all([
    deps.matters.timeline(m.matterId),
    m.pollId ? deps.polls.get(m.pollId) : Promise.resolve(undefined),
    // Content safety: the moderation of everything the page shows, in one batched read.
    readModeration(deps, [
      keys.body,
      ...(keys.resolution ? [keys.resolution] : []),
      ...(keys.report ? [keys.report] : []),
      ...[...m.photoKeys, ...reportPhotoKeys].map(photoContentKey),
    ]),
  ])
  const viewer = { userId: actor.principal.userId, isStaff: f.isStaff }
  const body = seenAs(mod.get(keys.body), { isAuthor: f.isProposer, isStaff: f.isStaff })
  // A proposal held for review, or removed, is not there for its neighbours.
  if (!body.show && !body.moderation) throw new DomainError('matter.notFound')
  const resolution = keys.resolution
    ? seenAs(mod.get(keys.resolution), { isAuthor: false, isStaff: f.isStaff })
    : undefined
  const report = keys.report ? seenAs(mod.get(keys.report), { isAuthor: false, isStaff: f.isStaff }) : undefined
  const [photoList, reportPhotos] = await Promise.all([
    photosSeen(deps, m.photoKeys, mod, viewer),
    photosSeen(deps, reportPhotoKeys, mod, viewer),
  ])
  const withheld = photoList.withheld + (report?.show ? reportPhotos.withheld : 0)
  const now = deps.now().getTime()
  return {
    ...summary(m, f, body.moderation),
    categoryId: m.categoryId,
    text: m.text,
    photos: photoList.photos,
    ...(withheld ? { photosWithheld: withheld } : {}),
    proposerId: m.proposerId,
    ...(m.returnNote ? { returnNote: m.returnNote } : {}),
    ...(m.closedReason ? { closedReason: m.closedReason } : {}),
    ...(m.triage ? { triage: m.triage } : {}),
    ...(m.responsibleParty ? { responsibleParty: m.responsibleParty } : {}),
    ...(m.escalation
      ? {
          escalation: {
            ...m.escalation,
            overdue: !m.escalation.answeredAt && new Date(m.escalation.deadline).getTime() < now,
          },
        }
      : {}),
    ...(poll ? { poll: await pollView(deps, poll, f, inScope) } : {}),
    ...(m.resolution && resolution?.show ? { resolution: { ...m.resolution, ...markOf(resolution) } } : {}),
    ...(m.report && report?.show
      ? {
          report: {
            note: m.report.note,
            photos: reportPhotos.photos,
            at: m.report.at,
            round: m.report.round,
            ...markOf(report),
          },
        }
      : {}),
    ...(m.evaluation
      ? { evaluation: { ...m.evaluation, ...(inScope ? { myHouseholdRated: f.householdRated } : {}) } }
      : {}),
    timeline,
    iSeconded: f.hasSeconded,
    can: possibleActions(m, f),
  }
}

const PAGE = 20

/**
 * The 议事 tab: the caller's own proposals, or a page of their community's matters they may see (read newest
 * first within a step, shown by latest activity within the page). A page reads the index until it has `limit`
 * visible matters (at most five reads), so matters out of the caller's scope do not leave it empty; `nextCursor`
 * continues from there. Each card says what the matter asks of the caller (附议, 投票, 评议) and by when.
 */
export const listMatters = async (
  deps: DeliberationDeps,
  actor: Actor,
  input: { communityId?: string; step?: string; mine?: 'true' | 'false'; limit?: number; cursor?: string },
): Promise<{ items: MatterSummary[]; nextCursor?: string }> => {
  const homes = await homesOf(deps, actor)
  if (input.mine === 'true') {
    const mine = (await deps.matters.listByProposer(actor.principal.userId)).filter(
      (m) => !input.step || stepOf[m.status] === input.step,
    )
    const facts = await factsForMany(deps, actor, mine, homes)
    const seen = await bodiesSeen(deps, actor, mine, facts)
    return { items: mine.map((m, i) => summary(m, facts[i], seen[i]!.moderation)) }
  }
  const communityId = input.communityId ?? communityOf(actor, homes)
  if (!communityId) return { items: [] }
  const limit = input.limit ?? PAGE
  const cache = reachCache()
  const shown: MatterRecord[] = []
  let cursor = input.cursor
  for (let reads = 0; reads < 5 && shown.length < limit; reads++) {
    const page = await deps.matters.page(communityId, input.step, { limit: limit - shown.length, cursor })
    if (!page.ok) throw new DomainError('cursor.invalid')
    // Who may see what needs no participation; it is read once, below, for the matters shown.
    const facts = await factsForMany(deps, actor, page.value.items, homes, { cache, participation: false })
    shown.push(...page.value.items.filter((_, i) => canView(facts[i]!)))
    cursor = page.value.next
    if (!cursor) break
  }
  const facts = await factsForMany(deps, actor, shown, homes, { cache })
  const seen = await bodiesSeen(deps, actor, shown, facts)
  // Within a page, the latest activity first (a community's whole list usually fits in one page). A proposal held by
  // content safety is listed only for its proposer and the staff.
  const items = shown
    .flatMap((m, i) => (seen[i]!.show || seen[i]!.moderation ? [summary(m, facts[i], seen[i]!.moderation)] : []))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
  return { items, ...(cursor ? { nextCursor: cursor } : {}) }
}

/** Every notice a matter's transitions queued and what the sender did with it. */
export const listNotifications = async (deps: DeliberationDeps, actor: Actor, input: { matterId: string }) => {
  const m = found(await deps.matters.get(input.matterId), 'matter.notFound')
  if (!canView(await factsFor(deps, actor, m, undefined, { participation: false })))
    throw new DomainError('matter.notFound')
  const items = await deps.notices.forSubject('matter', m.matterId)
  return items.map((n) => ({
    at: n.at,
    template: n.kind,
    text: n.text,
    audience: describeAudience(n.audience),
    subject: { kind: n.subject.kind, id: n.subject.id },
    ...(n.delivery ? { delivery: n.delivery } : {}),
  }))
}
