import type { Matter, MatterSummary, PollView } from '../../../../contracts/deliberation'
import { stepOf } from '../../../../contracts/deliberation'
import { DomainError, found } from '../shared/errors'
import { callerCommunity, factsFor, householdPaths, reachCache, type Actor } from './facts'
import { CHANGE_RULE } from './consult'
import type { MatterRecord, PollRecord } from './model'
import type { DeliberationDeps } from './ports'
import { canView, possibleActions } from './states'

export const summary = (m: MatterRecord): MatterSummary => ({
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
})

const pollView = async (deps: DeliberationDeps, poll: PollRecord, myHousehold?: string): Promise<PollView> => ({
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
  ...(myHousehold ? { myHouseholdVoted: (await deps.deliberation.householdVoted(poll.pollId, myHousehold)) === true } : {}),
  // How many households have voted shows while the poll is open (turnout, for those who rally the building);
  // how they voted, the tally, is hidden until the poll is closed.
  ...(poll.state === 'open' || poll.state === 'closing' ? { votedHouseholds: await deps.deliberation.turnout(poll.pollId) } : {}),
  ...(poll.state === 'closed' && poll.result ? { result: poll.result, votedHouseholds: poll.result.ballots } : {}),
})

const photos = (deps: DeliberationDeps, keys: string[]) => Promise.all(keys.map(async (key) => ({ key, url: await deps.photos.viewUrl(key) })))

/** The matter page: visible to the residents in scope, the proposer and the staff who cover it. */
export const getMatter = async (deps: DeliberationDeps, actor: Actor, input: { matterId: string }): Promise<Matter> => {
  const m = found(await deps.deliberation.getMatter(input.matterId), 'matter.notFound')
  const homes = await householdPaths(deps, actor)
  const f = await factsFor(deps, actor, m, homes)
  // Out of scope reads the same as missing: a matter of another building is not announced.
  if (!canView(f)) throw new DomainError('matter.notFound')
  const myHousehold = homes.find((h) => h.path === m.scope.path || h.path.startsWith(`${m.scope.path}/`))?.householdId
  const [timeline, poll, iSeconded, photoList, reportPhotos, rated] = await Promise.all([
    deps.deliberation.timeline(m.matterId),
    m.pollId ? deps.deliberation.getPoll(m.pollId) : Promise.resolve(undefined),
    deps.deliberation.hasSeconded(m.matterId, actor.principal.userId),
    photos(deps, m.photoKeys),
    m.report ? photos(deps, m.report.photoKeys) : Promise.resolve([]),
    m.evaluation && myHousehold ? deps.deliberation.householdRated(m.matterId, m.evaluation.round, myHousehold) : Promise.resolve(undefined),
  ])
  const now = deps.now().getTime()
  return {
    ...summary(m),
    categoryId: m.categoryId,
    text: m.text,
    photos: photoList,
    proposerId: m.proposerId,
    ...(m.returnNote ? { returnNote: m.returnNote } : {}),
    ...(m.closedReason ? { closedReason: m.closedReason } : {}),
    ...(m.triage ? { triage: m.triage } : {}),
    ...(m.responsibleParty ? { responsibleParty: m.responsibleParty } : {}),
    ...(m.escalation ? { escalation: { ...m.escalation, overdue: !m.escalation.answeredAt && new Date(m.escalation.deadline).getTime() < now } } : {}),
    ...(poll ? { poll: await pollView(deps, poll, myHousehold) } : {}),
    ...(m.resolution ? { resolution: m.resolution } : {}),
    ...(m.report ? { report: { note: m.report.note, photos: reportPhotos, at: m.report.at, round: m.report.round } } : {}),
    ...(m.evaluation ? { evaluation: { ...m.evaluation, ...(rated === undefined ? {} : { myHouseholdRated: rated }) } } : {}),
    timeline,
    iSeconded,
    can: possibleActions(m, f),
  }
}

/** Matters in the caller's scope (their community, filtered to what they may see), or their own proposals. */
const PAGE = 20

/**
 * The 议事 tab: the caller's own proposals, or a page of their community's matters they may see (read newest
 * first within a step, shown by latest activity within the page). A page reads the index until it has `limit` visible matters (at most five reads), so matters
 * out of the caller's scope do not leave it empty; `nextCursor` continues from there.
 */
export const listMatters = async (
  deps: DeliberationDeps,
  actor: Actor,
  input: { communityId?: string; step?: string; mine?: 'true' | 'false'; limit?: number; cursor?: string },
): Promise<{ items: MatterSummary[]; nextCursor?: string }> => {
  if (input.mine === 'true') {
    const mine = await deps.deliberation.listByProposer(actor.principal.userId)
    return { items: mine.filter((m) => !input.step || stepOf[m.status] === input.step).map(summary) }
  }
  const homes = await householdPaths(deps, actor)
  const communityId = input.communityId ?? callerCommunity(actor, homes)
  if (!communityId) return { items: [] }
  const limit = input.limit ?? PAGE
  const cache = reachCache()
  const visible: MatterRecord[] = []
  let cursor = input.cursor
  for (let reads = 0; reads < 5 && visible.length < limit; reads++) {
    const page = await deps.deliberation.pageByCommunity(communityId, input.step, { limit: limit - visible.length, cursor })
    const facts = await Promise.all(page.items.map((m) => factsFor(deps, actor, m, homes, cache)))
    visible.push(...page.items.filter((_, i) => canView(facts[i]!)))
    cursor = page.next
    if (!cursor) break
  }
  // Within a page, the latest activity first (a community's whole list usually fits in one page).
  visible.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
  return { items: visible.map(summary), ...(cursor ? { nextCursor: cursor } : {}) }
}

export const listNotifications = async (deps: DeliberationDeps, actor: Actor, input: { matterId: string }) => {
  const m = found(await deps.deliberation.getMatter(input.matterId), 'matter.notFound')
  if (!canView(await factsFor(deps, actor, m))) throw new DomainError('matter.notFound')
  const items = await deps.deliberation.notifications(m.matterId)
  return items.map((n) => ({
    at: n.at,
    template: n.template,
    text: n.text,
    audience:
      n.audience.kind === 'users'
        ? `用户 ${n.audience.userIds.join(',')}`
        : n.audience.kind === 'role'
          ? `${n.audience.role} @ ${n.audience.scopePath}`
          : `范围内各户 @ ${n.audience.scopePath}`,
    matterId: m.matterId,
    ...(n.delivery ? { delivery: n.delivery } : {}),
  }))
}
