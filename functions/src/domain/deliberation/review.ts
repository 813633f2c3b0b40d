import type { z } from 'zod'
import type { ResponsibleParty, Triage } from '../../../../contracts/deliberation'
import { found } from '../shared/errors'
import { authorize } from '../shared/places'
import { assertMay, factsFor, type Actor } from './facts'
import { actorOf, event, notices } from './events'
import type { MatterRecord } from './model'
import type { DeliberationDeps } from './ports'
import { settingsFor } from './propose'

const triageText = { small: '小事，由小区内办理', general: '一般事，由社区办理', major: '大事，报街道「吹哨」，职能部门报到' }

/** The committee's queue: matters of their community awaiting review, oldest first. */
export const reviewQueue = async (deps: DeliberationDeps, actor: Actor, input: { communityId: string }) => {
  const place = found(await deps.structure.resolvePlace({ type: 'community', id: input.communityId }), 'community.notFound')
  // A compound-level committee (小区党支部) sees the queue too, filtered to what it covers.
  if (!actor.principal.grants.some((g) => g.role === 'committee' && (place.path.startsWith(g.placePath) || g.placePath.startsWith(place.path)))) authorize(actor.principal, ['committee'], place)
  const matters = await deps.deliberation.listByCommunity(input.communityId, 'review')
  const facts = await Promise.all(matters.map((m) => factsFor(deps, actor, m, [])))
  return matters.filter((_, i) => facts[i]!.isCommittee).sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))
}

/**
 * 两委审议: accept with a triage (三事分流) and a responsible party, return for revision with a note, or
 * reject with a reason. A 大事 is escalated to the street with a deadline for the department's answer.
 */
export const reviewMatter = async (
  deps: DeliberationDeps,
  actor: Actor,
  input: { matterId: string } & (
    | { decision: 'accept'; triage: z.infer<typeof Triage>; responsibleParty: z.infer<typeof ResponsibleParty>; note?: string }
    | { decision: 'return'; note: string }
    | { decision: 'reject'; reason: string }
  ),
) => {
  const m = found(await deps.deliberation.getMatter(input.matterId), 'matter.notFound')
  assertMay(input.decision, m, await factsFor(deps, actor, m))
  const now = deps.now()
  const at = now.toISOString()
  const by = actorOf(actor)
  if (input.decision === 'accept') {
    const settings = await settingsFor(deps, m.communityId)
    const next: MatterRecord = {
      ...m,
      status: 'awaitingPoll',
      triage: input.triage,
      responsibleParty: input.responsibleParty,
      ...(input.triage === 'major' ? { escalation: { deadline: new Date(now.getTime() + settings.escalationDays * 86_400_000).toISOString() } } : {}),
      updatedAt: at,
      version: m.version + 1,
    }
    const note = [`${triageText[input.triage]}；责任方：${input.responsibleParty.name}`, input.note].filter(Boolean).join('。')
    await deps.deliberation.transition(m, next, event('accept', '两委审议：受理', by, at, 'awaitingPoll', note), [
      notices.toProposer(next, at, `已受理（${triageText[input.triage]}），进入民主商议`),
      notices.toScope(next, at, 'consultOpen', '进入民主商议，欢迎发表意见'),
      ...(input.triage === 'major' ? [notices.toRole(next, at, 'communityAdmin', `已报街道吹哨，请职能部门在${settings.escalationDays}天内答复`)] : []),
    ])
  } else if (input.decision === 'return') {
    const next: MatterRecord = { ...m, status: 'returned', returnNote: input.note, updatedAt: at, version: m.version + 1 }
    await deps.deliberation.transition(m, next, event('return', '两委审议：退回修改', by, at, 'returned', input.note), [notices.toProposer(next, at, `被退回修改：${input.note}`)])
  } else {
    const next: MatterRecord = { ...m, status: 'rejected', closedReason: input.reason, updatedAt: at, version: m.version + 1 }
    await deps.deliberation.transition(m, next, event('reject', '两委审议：不予受理', by, at, 'rejected', input.reason), [notices.toProposer(next, at, `不予受理：${input.reason}`)])
  }
  return m.matterId
}

/** 街道吹哨、部门报到: the department's answer to a 大事, recorded by the committee or the street. */
export const answerEscalation = async (deps: DeliberationDeps, actor: Actor, input: { matterId: string; answer: string }) => {
  const m = found(await deps.deliberation.getMatter(input.matterId), 'matter.notFound')
  assertMay('answerEscalation', m, await factsFor(deps, actor, m))
  const at = deps.now().toISOString()
  const next: MatterRecord = { ...m, escalation: { ...m.escalation!, answeredAt: at, answer: input.answer }, updatedAt: at, version: m.version + 1 }
  await deps.deliberation.transition(m, next, event('escalationAnswer', '职能部门答复', actorOf(actor), at, m.status, input.answer), [notices.toProposer(next, at, '已收到职能部门答复')])
  return m.matterId
}
