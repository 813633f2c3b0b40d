import type { HomeTodo } from '../../../../contracts/home'
import { pageWith, todoOf, type TodoSource } from '../home/ports'
import { readModeration, seenAs } from '../moderation/screen'
import { matterContent } from './content'
import { factsForMany, namedParty, reachCache } from './facts'
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

/**
 * 首页's 待办 from deliberation: the open matters of the caller's communities (AP17, one Query each), judged by the
 * same state table as the matter page (`possibleActions`, with what the caller has already done: at most three
 * batched reads), and the content states of those that ask something (one BatchGetItem), so a proposal held by
 * content safety is not offered to the neighbours.
 */
export const deliberationTodos = (deps: DeliberationDeps): TodoSource => ({
  name: 'deliberation',
  todos: async (actor, ctx) => {
    const open = (await Promise.all(ctx.communityIds.map((c) => deps.matters.listOpen(c)))).flat()
    if (open.length === 0) return []
    const facts = await factsForMany(deps, actor, open, ctx.homes, { cache: reachCache() })
    const asking = open
      .map((m, i): Seen => ({ m, f: facts[i]!, can: possibleActions(m, facts[i]!) }))
      .filter((x) => x.can.some((a) => a !== 'comment' && a !== 'withdraw' && a !== 'revise'))
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
