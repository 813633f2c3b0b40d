import type { ReportReason } from '../../../../contracts/moderation'
import type { Actor } from '../identity/actor'
import { fail } from '../shared/errors'
import { isShown } from './model'
import type { ContentSources, ModerationDeps } from './ports'
import { settingsOf } from './decisions'

/**
 * 举报: a resident who can see a comment or photo reports it, once (a second report by the same person counts
 * once and says so). When the reports reach the community's `reportsToHide` the item is hidden and waits in the
 * committee's queue. An item a committee member already restored stays shown: its reports are still counted.
 */
export const reportContent = async (
  deps: ModerationDeps,
  sources: ContentSources,
  actor: Actor,
  input: { subject: { kind: string; id: string }; contentKey: string; reason: ReportReason },
) => {
  const source = sources[input.subject.kind] ?? fail('content.notFound')
  const draft = (await source.describe(deps, actor, input.subject.id, input.contentKey)) ?? fail('content.notFound')
  if (draft.authorId === actor.principal.userId) fail('content.ownReport')
  const at = deps.now().toISOString()
  const counted = await deps.moderation.report(draft, actor.principal.userId, input.reason, at)
  const { reportsToHide } = await settingsOf(deps, draft.communityId)
  let record = await deps.moderation.get(draft.contentKey)
  for (let attempt = 0; record && attempt < 5; attempt++) {
    if (record.reports < reportsToHide || (record.state !== 'pending' && record.state !== 'passed')) break
    const next = { ...record, state: 'reported' as const, queuedAt: at, updatedAt: at, version: record.version + 1 }
    if ((await deps.moderation.update(record, next)).ok) record = next
    else record = await deps.moderation.get(draft.contentKey)
  }
  return { accepted: true as const, already: !counted.ok, hidden: record ? !isShown(record.state) : false }
}
