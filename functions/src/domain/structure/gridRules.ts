import type { Building } from '../../../../contracts/structure'
import { fail } from '../shared/errors'

/**
 * "Grid edges follow compound edges": a grid is made of whole buildings of one community, and it either
 * lies inside a single compound or takes in whole compounds. A grid that takes two buildings of compound A
 * and one of compound B would cut both compounds, and is refused.
 *
 * `chosen` are the buildings the grid will hold; `community` is every building of its community.
 */
export const checkGridEdges = (communityId: string, chosen: Building[], community: Building[]): void => {
  if (chosen.some((b) => b.communityId !== communityId)) fail('grid.compoundMismatch')
  const compounds = new Set(chosen.map((b) => b.compoundId))
  if (compounds.size <= 1) return
  const chosenIds = new Set(chosen.map((b) => b.buildingId))
  for (const compoundId of compounds) {
    const whole = community.filter((b) => b.compoundId === compoundId).every((b) => chosenIds.has(b.buildingId))
    if (!whole)
      fail('grid.compoundMismatch', [{ path: 'buildingIds', message: '跨小区的网格必须包含每个小区的全部楼栋' }])
  }
}
