import type { WallCard } from '../../../../contracts/microWishes'
import { DomainError, found } from '../shared/errors'
import type { StoredCard } from './model'
import { moderationFor, wishContent } from './content'
import type { MicroWishDeps, WallScope } from './ports'

const PAGE = 20
const PUBLIC = 'public'
const NOBODY = 'nobody'

export interface WallQuery {
  show: 'open' | 'done'
  order: 'newest' | 'due'
  limit?: number
  cursor?: string
}

/** A stored card as the wall shows it: its photo signed for viewing. Nothing else is added: the card is all there is. */
const shown = async (deps: MicroWishDeps, { photoKey, ...card }: StoredCard): Promise<WallCard> => ({
  ...card,
  ...(photoKey ? { photo: { key: photoKey, url: await deps.photos.viewUrl(photoKey) } } : {}),
})

/**
 * 心愿墙: one page of a grid's or a community's wall. It reads only the wall's own entries, which hold the public
 * card and nothing more (title, photo, building, 姓**), so no room, phone or hardship category can reach it.
 */
const wall = async (deps: MicroWishDeps, scope: WallScope, q: WallQuery) => {
  const page = await deps.wishes.wall(scope, q.show, q.order, {
    limit: q.limit ?? PAGE,
    ...(q.cursor ? { cursor: q.cursor } : {}),
  })
  if (!page.ok) throw new DomainError('cursor.invalid')
  // Content safety, one batched read for the page: a held wish is not on the wall, a held photo or thank-you not on its card.
  const cards = page.value.items
  // The wall is the public's view: nobody is the writer of what it shows, nor staff.
  const seen = await moderationFor(
    deps,
    { userId: PUBLIC, isStaff: false },
    cards.flatMap((c) => [wishContent.body(c.wishId), ...(c.thanks ? [wishContent.thanks(c.wishId)] : [])]),
    cards.flatMap((c) => (c.photoKey ? [c.photoKey] : [])),
  )
  const visible = cards.flatMap((c): StoredCard[] => {
    if (!seen.text(wishContent.body(c.wishId), NOBODY).show) return []
    const { photoKey, thanks, ...rest } = c
    const photoShown = photoKey !== undefined && seen.photos([photoKey]).withheld === 0
    const thanksShown = thanks !== undefined && seen.text(wishContent.thanks(c.wishId), NOBODY).show
    return [{ ...rest, ...(photoShown ? { photoKey } : {}), ...(thanksShown ? { thanks } : {}) }]
  })
  return {
    items: await Promise.all(visible.map((c) => shown(deps, c))),
    ...(page.value.next ? { nextCursor: page.value.next } : {}),
  }
}

export const gridWall = async (deps: MicroWishDeps, input: { gridId: string } & WallQuery) => {
  found(await deps.structure.getGrid(input.gridId), 'grid.notFound')
  return wall(deps, { kind: 'grid', id: input.gridId }, input)
}

export const communityWall = async (deps: MicroWishDeps, input: { communityId: string } & WallQuery) => {
  found(await deps.structure.getCommunity(input.communityId), 'community.notFound')
  return wall(deps, { kind: 'community', id: input.communityId }, input)
}
