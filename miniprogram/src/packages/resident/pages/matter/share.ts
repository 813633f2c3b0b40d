import type { Matter } from '@contracts/deliberation'
import { PAGES, withQuery } from '../../../../services/nav'

/** The matter page's path with its id: what a shared card and a copied link open. */
export const matterPath = (matterId: string): string => withQuery(PAGES.matter, { matterId })

/** A shared card's title, by what the matter needs from the neighbours in the chat. */
export const shareTitle = (matter: Pick<Matter, 'title' | 'status'>): string => {
  if (matter.status === 'seconding') return `请帮忙附议：${matter.title}`
  if (matter.status === 'polling') return `请为本户投票：${matter.title}`
  if (matter.status === 'evaluating') return `请为本户评议：${matter.title}`
  return `小区议事：${matter.title}`
}

/** H5's stand-in for a shared card: the link to this matter in the H5 build (hash router). */
export const matterLink = (matterId: string): string => `${location.origin}${location.pathname}#${matterPath(matterId)}`
