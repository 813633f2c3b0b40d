import type { ModerationSettings } from '../../../../contracts/moderation'
import { defaultModerationSettings } from '../../../../contracts/moderation'
import type { Actor } from '../identity/actor'
import { DomainError, fail, found } from '../shared/errors'
import { authorize, holdsRole, isWithin, type PlaceRef, type Principal } from '../shared/places'
import { isHeld, type ContentDecision, type ContentRecord } from './model'
import type { ModerationDeps } from './ports'

/** The place a piece of content was published for, as authorization sees it. */
const placeOf = (r: Pick<ContentRecord, 'placePath' | 'communityId'>): PlaceRef => {
  const last = r.placePath.split('/').pop() ?? ''
  const [type, id] = last.split(':') as [PlaceRef['type'], string]
  return { type, id, name: '', path: r.placePath }
}

const community = async (deps: ModerationDeps, communityId: string) =>
  found(await deps.structure.resolvePlace({ type: 'community', id: communityId }), 'community.notFound')

/** The committee (两委) and the community admin see the queue; a committee held at a compound sees its compound's items. */
const mayWatch = (p: Principal, place: PlaceRef) => holdsRole(p, ['committee', 'communityAdmin'], place)
const watchesPart = (p: Principal, communityPath: string) =>
  p.grants.some((g) => (g.role === 'committee' || g.role === 'communityAdmin') && isWithin(g.placePath, communityPath))

export const settingsOf = async (
  deps: Pick<ModerationDeps, 'moderation'>,
  communityId: string,
): Promise<ModerationSettings> => (await deps.moderation.settings(communityId)) ?? defaultModerationSettings

export const getModerationSettings = async (deps: ModerationDeps, input: { communityId: string }) => {
  await community(deps, input.communityId)
  return settingsOf(deps, input.communityId)
}

export const putModerationSettings = async (
  deps: ModerationDeps,
  actor: Actor,
  input: { communityId: string; settings: ModerationSettings },
) => {
  authorize(actor.principal, ['communityAdmin'], await community(deps, input.communityId))
  await deps.moderation.putSettings(input.communityId, input.settings)
  return input.settings
}

/** The staff's queue: what WeChat asked a person to look at and what reports hid, oldest first, with counts. */
export const moderationQueue = async (deps: ModerationDeps, actor: Actor, input: { communityId: string }) => {
  const place = await community(deps, input.communityId)
  if (!mayWatch(actor.principal, place) && !watchesPart(actor.principal, place.path)) fail('auth.forbidden')
  const records = (await deps.moderation.queue(input.communityId)).filter(
    (r) => isHeld(r.state) && mayWatch(actor.principal, placeOf(r)),
  )
  const items = await Promise.all(
    records.map(async (r) => ({
      contentKey: r.contentKey,
      kind: r.kind,
      state: r.state as 'review' | 'reported',
      subject: r.subject,
      authorId: r.authorId,
      authorName: r.authorName,
      ...(r.text !== undefined ? { text: r.text } : {}),
      ...(r.photoKey ? { photoUrl: await deps.photos.viewUrl(r.photoKey) } : {}),
      reports: r.reports,
      reasons: r.reasons,
      ...(r.verdict ? { wechat: { suggest: r.verdict.suggest, label: r.verdict.label, at: r.verdict.at } } : {}),
      queuedAt: r.queuedAt ?? r.updatedAt,
    })),
  )
  const review = items.filter((i) => i.state === 'review').length
  return { items, counts: { review, reported: items.length - review, total: items.length } }
}

const decisionView = (
  r: Pick<ContentRecord, 'contentKey' | 'kind' | 'subject' | 'authorName'>,
  d: ContentDecision,
) => ({
  contentKey: r.contentKey,
  kind: r.kind,
  subject: r.subject,
  outcome: d.outcome,
  byId: d.byId,
  byName: d.byName,
  at: d.at,
  reason: d.reason,
  authorName: r.authorName,
})

/**
 * A committee member covering the place restores a held item or removes it, saying why; the decision (who, when,
 * why) is kept on the record. The same decision again answers the first; a different one after it is refused.
 */
export const decideContent = async (
  deps: ModerationDeps,
  actor: Actor,
  input: { contentKey: string; decision: 'restore' | 'remove'; reason: string },
) => {
  for (let attempt = 0; attempt < 5; attempt++) {
    const record = found(await deps.moderation.get(input.contentKey), 'content.notFound')
    if (!holdsRole(actor.principal, ['committee'], placeOf(record))) fail('auth.forbidden')
    if (!isHeld(record.state)) {
      if (
        record.decision &&
        record.decision.outcome === input.decision &&
        record.decision.byId === actor.principal.userId
      )
        return decisionView(record, record.decision)
      fail('moderation.notPending')
    }
    const at = deps.now().toISOString()
    const decision: ContentDecision = {
      outcome: input.decision,
      byId: actor.principal.userId,
      byName: actor.principal.displayName,
      at,
      reason: input.reason,
    }
    const { queuedAt: _q, ...rest } = record
    const next: ContentRecord = {
      ...rest,
      state: input.decision === 'restore' ? 'restored' : 'removed',
      decision,
      updatedAt: at,
      version: record.version + 1,
    }
    if ((await deps.moderation.update(record, next, decision)).ok) return decisionView(next, decision)
  }
  throw new DomainError('moderation.notPending')
}

/** Every decision taken in the community (the record), newest first. */
export const moderationDecisions = async (deps: ModerationDeps, actor: Actor, input: { communityId: string }) => {
  const place = await community(deps, input.communityId)
  if (!mayWatch(actor.principal, place) && !watchesPart(actor.principal, place.path)) fail('auth.forbidden')
  const items = await deps.moderation.decisions(input.communityId, 50)
  return items.filter((d) => mayWatch(actor.principal, placeOf(d))).map((d) => decisionView(d, d))
}
