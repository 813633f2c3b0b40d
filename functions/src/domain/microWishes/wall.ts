import type { WallCard } from '../../../../contracts/microWishes'
import { DomainError, found } from '../shared/errors'
import type { StoredCard } from './model'
import type { MicroWishDeps, WallScope } from './ports'

const PAGE = 20

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
  const page = await deps.wishes.wall(scope, q.show, q.order, { limit: q.limit ?? PAGE, ...(q.cursor ? { cursor: q.cursor } : {}) })
  if (!page.ok) throw new DomainError('cursor.invalid')
  return { items: await Promise.all(page.value.items.map((c) => shown(deps, c))), ...(page.value.next ? { nextCursor: page.value.next } : {}) }
}

export const gridWall = async (deps: MicroWishDeps, input: { gridId: string } & WallQuery) => {
  found(await deps.structure.getGrid(input.gridId), 'grid.notFound')
  return wall(deps, { kind: 'grid', id: input.gridId }, input)
}

export const communityWall = async (deps: MicroWishDeps, input: { communityId: string } & WallQuery) => {
  found(await deps.structure.getCommunity(input.communityId), 'community.notFound')
  return wall(deps, { kind: 'community', id: input.communityId }, input)
}
