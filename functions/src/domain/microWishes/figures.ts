import type { Actor } from '../identity/actor'
import { fail, found } from '../shared/errors'
import { holdsRole, isWithin } from '../shared/places'
import type { StatKey, StatRow } from './model'

import type { MicroWishDeps } from './ports'

const row = (c: Record<StatKey, number>) => {
  const ended = c.fulfilled + c.lapsed + c.released + c.reopened
  return {
    posted: c.posted,
    vetted: c.vetted,
    refused: c.refused,
    claimed: c.claimed,
    fulfilled: c.fulfilled,
    lapsed: c.lapsed,
    released: c.released,
    ...(ended > 0 ? { fulfilmentRate: Math.round((c.fulfilled / ended) * 1000) / 1000 } : {}),
    ...(c.fulfilled > 0 ? { meanDaysToFulfil: Math.round((c.hoursToFulfil / c.fulfilled / 24) * 10) / 10 } : {}),
  }
}

const zero = {
  posted: 0,
  vetted: 0,
  refused: 0,
  claimed: 0,
  fulfilled: 0,
  lapsed: 0,
  released: 0,
  reopened: 0,
  hoursToFulfil: 0,
}
const byName = new Intl.Collator('zh-CN', { numeric: true })

/**
 * The figures for staff (the community's committee and admin, its grid workers): wishes posted, vetted, claimed,
 * fulfilled and lapsed, for the community, by grid and by the members' units, with the fulfilment rate and the
 * mean days from publication to confirmed fulfilment. Counters kept as the wishes move: one Query, no Scan.
 */
export const wishFigures = async (deps: MicroWishDeps, actor: Actor, input: { communityId: string }) => {
  const place = found(
    await deps.structure.resolvePlace({ type: 'community', id: input.communityId }),
    'community.notFound',
  )
  const p = actor.principal
  const gridWorkerHere = p.grants.some((g) => g.role === 'gridWorker' && isWithin(g.placePath, place.path))
  if (!holdsRole(p, ['committee', 'communityAdmin'], place) && !gridWorkerHere) fail('auth.forbidden')
  const rows: StatRow[] = await deps.wishes.stats(input.communityId)
  const of = (kind: StatRow['kind']) =>
    rows.filter((r) => r.kind === kind).sort((a, b) => byName.compare(a.name, b.name))
  return {
    community: row(rows.find((r) => r.kind === 'all')?.counts ?? zero),
    grids: of('grid').map((r) => ({ gridId: r.id, gridName: r.name, ...row(r.counts) })),
    units: of('unit').map((r) => ({ unitId: r.id, unitName: r.name, ...row(r.counts) })),
  }
}
