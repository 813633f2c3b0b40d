import type { z } from 'zod'
import type { ResponsibleParty, ReviewQueueItem, Triage } from '../../../../contracts/deliberation'
import type { OrganisationRecord } from '../structure/organisations'
import type { Actor } from '../identity/actor'
import { found } from '../shared/errors'
import { authorize, isWithin } from '../shared/places'
import { photoContentKey, readModeration, seenAs } from '../moderation/screen'
import { advance } from './advance'
import { markOf, matterContent, photosSeen } from './content'
import { factsForMany } from './facts'
import { notices } from './notices'
import type { DeliberationDeps } from './ports'
import { settingsFor } from './settings'
import { summary } from './view'

const triageText = {
  small: '小事，由小区内办理',
  general: '一般事，由社区办理',
  major: '大事，报街道「吹哨」，职能部门报到',
}
const DAY_MS = 86_400_000

/**
 * The party the committee picked, from the community's registry (never a typed name): what the matter keeps, and the
 * organisation, whose accounts are told and get the matter in their 待办.
 */
export const pickedParty = async (deps: DeliberationDeps, communityId: string, choice: { organisationId: string }) => {
  const org = found(await deps.organisations.get(communityId, choice.organisationId), 'organisation.notFound')
  const party: ResponsibleParty = { kind: org.kind, name: org.name, organisationId: org.organisationId }
  return { party, org }
}

/** The organisation's accounts, told the matter is theirs (as a staff task). */
export const toOrganisation =
  (org: OrganisationRecord, text: string) => (next: Parameters<typeof notices.toUsers>[0], at: string) =>
    org.memberIds.length ? [notices.toUsers(next, at, org.memberIds, text)] : []

/**
 * The committee's queue: matters of their community awaiting review, oldest first, each with the proposal's text and
 * its first photo as the staff see them (a held one marked), read in one batched moderation read.
 */
export const reviewQueue = async (
  deps: DeliberationDeps,
  actor: Actor,
  input: { communityId: string },
): Promise<ReviewQueueItem[]> => {
  const place = found(
    await deps.structure.resolvePlace({ type: 'community', id: input.communityId }),
    'community.notFound',
  )
  // A compound-level committee (小区党支部) sees the queue too, filtered to what it covers.
  if (
    !actor.principal.grants.some(
      (g) => g.role === 'committee' && (isWithin(place.path, g.placePath) || isWithin(g.placePath, place.path)),
    )
  )
    authorize(actor.principal, ['committee'], place)
  const matters = await deps.matters.listByStep(input.communityId, 'review')
  // Being on the committee depends on roles alone: no need to read the caller's homes.
  const facts = await factsForMany(deps, actor, matters, [])
  const queued = matters.filter((_, i) => facts[i]!.isCommittee).sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))
  // The first photo the staff may see is among the first few (a blocked one is shown to nobody).
  const firstKeys = (m: (typeof queued)[number]) => m.photoKeys.slice(0, 3)
  const mod = await readModeration(
    deps,
    queued.flatMap((m) => [matterContent.body(m.matterId), ...firstKeys(m).map(photoContentKey)]),
  )
  const viewer = { userId: actor.principal.userId, isStaff: true }
  return Promise.all(
    queued.map(async (m) => {
      const body = seenAs(mod.get(matterContent.body(m.matterId)), { isAuthor: false, isStaff: true })
      const [firstPhoto] = (await photosSeen(deps, firstKeys(m), mod, viewer)).photos
      return {
        ...summary(m, undefined, markOf(body).moderation),
        text: m.text,
        ...(firstPhoto ? { firstPhoto } : {}),
      }
    }),
  )
}

/**
 * 两委审议: accept with a triage (三事分流) and a responsible party, return for revision with a note, or
 * reject with a reason. A 大事 is escalated to the street with a deadline for the department's answer.
 */
export const reviewMatter = async (
  deps: DeliberationDeps,
  actor: Actor,
  input: { matterId: string } & (
    | {
        decision: 'accept'
        triage: z.infer<typeof Triage>
        responsibleParty: { organisationId: string }
        note?: string
      }
    | { decision: 'return'; note: string }
    | { decision: 'reject'; reason: string }
  ),
) =>
  advance(deps, actor, input.matterId, input.decision, async (m, { now, at }) => {
    if (input.decision === 'accept') {
      const [{ escalationDays }, { party, org }] = await Promise.all([
        settingsFor(deps, m.communityId),
        pickedParty(deps, m.communityId, input.responsibleParty),
      ])
      const major = input.triage === 'major'
      return {
        status: 'awaitingPoll',
        set: {
          triage: input.triage,
          responsibleParty: party,
          ...(major
            ? { escalation: { deadline: new Date(now.getTime() + escalationDays * DAY_MS).toISOString() } }
            : {}),
        },
        label: '两委审议：受理',
        note: [`${triageText[input.triage]}；责任方：${party.name}`, input.note].filter(Boolean).join('。'),
        notices: (next) => [
          notices.toProposer(next, at, `已受理（${triageText[input.triage]}），进入民主商议`),
          notices.toScope(next, at, 'consultOpen', '进入民主商议，欢迎发表意见'),
          ...(major
            ? [notices.toRole(next, at, 'communityAdmin', `已报街道吹哨，请职能部门在${escalationDays}天内答复`)]
            : []),
          ...toOrganisation(org, '已受理，由贵单位负责，决议形成后请办理')(next, at),
        ],
      }
    }
    if (input.decision === 'return')
      return {
        status: 'returned',
        set: { returnNote: input.note },
        label: '两委审议：退回修改',
        note: input.note,
        notices: (next) => [notices.toProposer(next, at, `被退回修改：${input.note}`)],
      }
    return {
      status: 'rejected',
      set: { closedReason: input.reason },
      label: '两委审议：不予受理',
      note: input.reason,
      notices: (next) => [notices.toProposer(next, at, `不予受理：${input.reason}`)],
    }
  })

/** 街道吹哨、部门报到: the department's answer to a 大事, recorded by the committee or the street. */
export const answerEscalation = async (
  deps: DeliberationDeps,
  actor: Actor,
  input: { matterId: string; answer: string },
) =>
  advance(deps, actor, input.matterId, 'answerEscalation', (m, { at }) => ({
    status: m.status,
    set: { escalation: { ...m.escalation!, answeredAt: at, answer: input.answer } },
    action: 'escalationAnswer',
    label: '职能部门答复',
    note: input.answer,
    notices: (next) => [notices.toProposer(next, at, '已收到职能部门答复')],
  }))
