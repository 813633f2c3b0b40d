import { steps as allSteps, type Step } from '../../../../contracts/deliberation'
import type { HomeTodo } from '../../../../contracts/home'
import { pageWith, todoOf, type TodoSource } from '../home/ports'
import { readModeration, seenAs } from '../moderation/screen'
import { matterContent } from './content'
import { factsForMany, namedParty, nothingDone, reachCache, standing, type Actor, type Home } from './facts'
import { MATTER_PAGE, type MatterRecord } from './model'
import type { DeliberationDeps } from './ports'
import { possibleActions, type Action, type Facts } from './states'

const MATTERS_TAB = '/pages/matters/index'
const matterPage = (m: MatterRecord) => pageWith(`/${MATTER_PAGE}`, { matterId: m.matterId })
const staffPage = (page: string) => (m: MatterRecord) => ({
  page: pageWith(page, { matterId: m.matterId }),
  hint: m.title,
})
const onMatterPage = (m: MatterRecord) => ({ page: matterPage(m), hint: m.title })

const oldestFirst = (a: MatterRecord, b: MatterRecord) => a.createdAt.localeCompare(b.createdAt)
/** The poll closing soonest first. */
const closingFirst = (a: MatterRecord, b: MatterRecord) => (a.pollClosesAt ?? '').localeCompare(b.pollClosesAt ?? '')

type Seen = { m: MatterRecord; f: Facts; can: Action[] }

/** Reported by the party it is handed to: an account of the organisation named (or, before the registry, the property manager). */
const assignedToMe = ({ m, f, can }: Seen) =>
  can.includes('report') &&
  (f.isResponsible || (!namedParty(m)?.organisationId && namedParty(m)?.kind === 'property' && f.isPropertyManager))

/** What a 待办 line asks for: any action but speaking in the discussion and the proposer's own withdraw and revise. */
const asks = (a: Action) => a !== 'comment' && a !== 'withdraw' && a !== 'revise'

/**
 * Whether a matter could ask something of the caller, told without a read: the state table on the caller's standing
 * (their homes' paths within the matter's scope, their grants' places at or above it, the organisations they act
 * for), as if they had done nothing on it yet. What they have done only takes actions away, and a grid worker's reach
 * into a building or compound (which needs reads) only makes them staff, who may comment; so no matter dropped here
 * could ask anything. A resident keeps the matters collecting seconds, polling or being evaluated in their scope; the
 * committee those at its steps in or under its place; an organisation's account those in progress naming it.
 */
export const mayAsk = (actor: Actor, m: MatterRecord, homes: Home[], organisations: Set<string>) =>
  possibleActions(m, { ...standing(actor, m, homes, organisations), ...nothingDone }).some(asks)

const openSteps = allSteps.filter((s) => s !== 'closed')

/**
 * The steps at which a matter of the caller's communities could ask something of them, whatever its scope, so only
 * those are read (AP11 per step, else AP17): the committee and the street's admin may answer a 大事's escalation at any
 * step; a resident seconds (propose), votes (consult) and rates (evaluate); a building head opens a poll (consult); an
 * organisation's account and a property manager report (resolve). The grid worker and the community admin, who only
 * comment, read none.
 */
export const stepsToRead = (actor: Actor, homes: Home[], organisations: Set<string>): Step[] => {
  const p = actor.principal
  const holds = (role: string) => p.system === true || p.grants.some((g) => g.role === role)
  if (holds('committee') || p.grants.some((g) => g.role === 'communityAdmin' && g.placeType === 'street'))
    return openSteps
  const steps = new Set<Step>()
  if (homes.length) for (const s of ['propose', 'consult', 'evaluate'] as const) steps.add(s)
  if (holds('buildingHead')) steps.add('consult')
  if (organisations.size || holds('propertyManager')) steps.add('resolve')
  return openSteps.filter((s) => steps.has(s))
}

/**
 * 首页's 待办 from deliberation: the open matters of the caller's communities at the steps that could concern them
 * (`stepsToRead`: AP17, or AP11 per step, one Query each), kept to those that could ask something of the caller
 * (`mayAsk`, no read), then judged by the same state table as the matter page (`possibleActions`, with what the caller
 * has already done: at most three batched reads, each only for the matters at the status it matters to), and the
 * content states of those that ask something (one BatchGetItem), so a proposal held by content safety is not offered
 * to the neighbours.
 */
export const deliberationTodos = (deps: DeliberationDeps): TodoSource => ({
  name: 'deliberation',
  todos: async (actor, ctx) => {
    const organisations = new Set(ctx.organisationIds)
    const steps = stepsToRead(actor, ctx.homes, organisations)
    const read = (c: string) =>
      steps.length === openSteps.length
        ? deps.matters.listOpen(c)
        : Promise.all(steps.map((s) => deps.matters.listByStep(c, s))).then((lists) => lists.flat())
    const open = (await Promise.all(ctx.communityIds.map(read)))
      .flat()
      .filter((m) => mayAsk(actor, m, ctx.homes, organisations))
    if (open.length === 0) return []
    // The home has read the organisations the caller acts for: not again.
    const cache = { ...reachCache(), organisations: Promise.resolve(organisations) }
    const facts = await factsForMany(deps, actor, open, ctx.homes, { cache })
    const asking = open
      .map((m, i): Seen => ({ m, f: facts[i]!, can: possibleActions(m, facts[i]!) }))
      .filter((x) => x.can.some(asks))
    if (asking.length === 0) return []
    const mod = await readModeration(
      deps,
      asking.map((x) => matterContent.body(x.m.matterId)),
    )
    const seen = asking.filter(
      (x) => seenAs(mod.get(matterContent.body(x.m.matterId)), { isAuthor: x.f.isProposer, isStaff: x.f.isStaff }).show,
    )
    const where = (test: (x: Seen) => boolean, order = oldestFirst) =>
      seen
        .filter(test)
        .map((x) => x.m)
        .sort(order)
    const may = (action: Action) => (x: Seen) => x.can.includes(action)

    const votes = where(may('vote'), closingFirst)
    const reviews = where(may('accept'))
    const reviewCommunity = reviews[0]?.communityId
    const soonest = (ms: MatterRecord[]) => (ms[0]?.pollClosesAt ? { deadline: ms[0].pollClosesAt } : {})
    const lines: HomeTodo[] = [
      ...todoOf('deliberation.vote', '待投票', votes, MATTERS_TAB, onMatterPage).map((t) => ({
        ...t,
        ...soonest(votes),
      })),
      ...todoOf('deliberation.second', '待附议', where(may('second')), MATTERS_TAB, onMatterPage),
      ...todoOf('deliberation.rate', '待评价', where(may('rate')), MATTERS_TAB, onMatterPage),
      ...todoOf(
        'deliberation.review',
        '待审议',
        reviews,
        pageWith('/packages/staff/pages/review/index', { communityId: reviewCommunity }),
        // The committee decides in its queue (the text, the first photo and the accept form are there).
        (m) => ({
          page: pageWith('/packages/staff/pages/review/index', { communityId: m.communityId }),
          hint: m.title,
        }),
      ),
      ...todoOf(
        'deliberation.openPoll',
        '待发起表决',
        where(may('openPoll')),
        MATTERS_TAB,
        staffPage('/packages/staff/pages/poll/index'),
      ),
      ...todoOf(
        'deliberation.resolve',
        '待决议',
        where(may('resolve')),
        MATTERS_TAB,
        staffPage('/packages/staff/pages/resolution/index'),
      ),
      ...todoOf(
        'deliberation.report',
        '待办理',
        where(assignedToMe),
        MATTERS_TAB,
        staffPage('/packages/staff/pages/report/index'),
      ),
    ]
    return lines
  },
})
