import type { z } from 'zod'
import type { Rating } from '../../../../contracts/deliberation'
import { homesOf, type Actor } from '../identity/actor'
import { fail, found } from '../shared/errors'
import { orFail } from '../shared/outcome'
import { advanceAsSystem } from './advance'
import { assertMay, factsFor, householdFor } from './facts'
import { notices } from './notices'
import type { DeliberationDeps } from './ports'
import { settingsFor } from './settings'

/** 大众评议: one rating per household of the poll's electorate, by its representative, during the window. */
export const rateMatter = async (
  deps: DeliberationDeps,
  actor: Actor,
  input: { matterId: string; rating: z.infer<typeof Rating>; householdId?: string },
) => {
  const m = found(await deps.matters.get(input.matterId), 'matter.notFound')
  const homes = await homesOf(deps, actor)
  assertMay('rate', m, await factsFor(deps, actor, m, homes, { participation: false }))
  const now = deps.now()
  if (now.getTime() >= new Date(m.evaluation!.closesAt).getTime()) fail('matter.wrongStep')
  const householdId = householdFor(homes, m, input.householdId)
  // The households that rate are those of the poll's electorate (the ones that were asked).
  if (m.pollId && !(await deps.polls.householdVotes([{ pollId: m.pollId, householdId }])).size) fail('vote.notEligible')
  const outcome = await deps.ratings.rate(
    m.matterId,
    m.evaluation!.round,
    householdId,
    actor.principal.userId,
    input.rating,
    now.toISOString(),
  )
  orFail(outcome, { already: 'rating.already', notRepresentative: 'vote.notRepresentative' })
  return { accepted: true as const, householdId }
}

/** At the end of the window: at or above the threshold the matter is closed with its score; below, it goes back for rework. */
export const closeEvaluation = async (deps: DeliberationDeps, matterId: string) => {
  const m = await deps.matters.get(matterId)
  if (!m || m.status !== 'evaluating' || !m.evaluation) return undefined
  const counts = await deps.ratings.counts(m.matterId, m.evaluation.round)
  const total = counts.satisfied + counts.basic + counts.unsatisfied
  const score = total === 0 ? 1 : (counts.satisfied + counts.basic) / total
  const { satisfactionThreshold } = await settingsFor(deps, m.communityId)
  const passed = score >= satisfactionThreshold
  const at = deps.now().toISOString()
  const note = `满意${counts.satisfied}户，基本满意${counts.basic}户，不满意${counts.unsatisfied}户；满意率${Math.round(score * 1000) / 10}%（门槛${Math.round(satisfactionThreshold * 100)}%）${total === 0 ? '；评议期内无人评议' : ''}`
  const reworkBy = m.resolution?.responsibleParty.kind === 'property' ? 'propertyManager' : 'committee'
  await advanceAsSystem(deps, m, 'closeEvaluation', {
    status: passed ? 'completed' : 'inProgress',
    set: { evaluation: { ...m.evaluation, counts, score }, ...(passed ? { closedReason: `评议通过，${note}` } : {}) },
    label: passed ? '评议通过，办结' : '评议未达满意度门槛，退回整改',
    note,
    notices: (next) => [
      notices.toScope(
        next,
        at,
        'evaluationResult',
        passed ? `评议通过，已办结（${note}）` : `评议未达标，退回整改（${note}）`,
      ),
      ...(passed ? [] : [notices.toRole(next, at, reworkBy, '评议未达满意度门槛，请整改后重新报告')]),
    ],
  })
  return { passed, score, counts }
}
