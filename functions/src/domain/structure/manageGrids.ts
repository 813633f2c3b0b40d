import type { Grid } from '../../../../contracts/structure'
import { fail, found } from '../shared/errors'
import { orFail } from '../shared/outcome'
import { authorize, type Principal } from '../shared/places'
import { checkGridEdges } from './gridRules'
import type { GridRecord, StructureDeps } from './ports'

const toGrid = ({ gridId, communityId, name, buildingIds }: GridRecord): Grid => ({
  gridId,
  communityId,
  name,
  buildingIds,
})

const loadChosen = async (deps: StructureDeps, communityId: string, buildingIds: string[]) => {
  const ids = [...new Set(buildingIds)]
  const { buildings } = await deps.structure.listCommunity(communityId)
  const chosen = ids.map((id) => buildings.find((b) => b.buildingId === id) ?? fail('building.notFound'))
  checkGridEdges(communityId, chosen, buildings)
  return { ids, chosen }
}

/** A community admin draws a grid over whole buildings that no other grid holds yet; the grid gets its card number. */
export const createGrid = async (
  deps: StructureDeps,
  actor: Principal,
  input: { communityId: string; name: string; buildingIds: string[]; gridId?: string },
): Promise<Grid> => {
  const community = found(await deps.structure.getCommunity(input.communityId), 'community.notFound')
  const place = found(
    await deps.structure.resolvePlace({ type: 'community', id: community.communityId }),
    'community.notFound',
  )
  authorize(actor, ['communityAdmin'], place)
  if (input.gridId) {
    // A retried create the client named: the first grid is the answer.
    const earlier = await deps.structure.getGrid(input.gridId)
    if (earlier) return earlier.communityId === community.communityId ? toGrid(earlier) : fail('request.idConflict')
  }
  const { ids, chosen } = await loadChosen(deps, community.communityId, input.buildingIds)
  if (chosen.some((b) => b.gridId !== undefined)) fail('grid.buildingTaken')
  const grid: GridRecord = {
    gridId: input.gridId ?? deps.newId(),
    communityId: community.communityId,
    streetId: community.streetId,
    name: input.name,
    buildingIds: ids,
    cardNo: deps.newCardNo(),
    openCounts: { matters: 0, polls: 0, wishes: 0, activities: 0 },
  }
  orFail(await deps.structure.createGrid(grid), { exists: 'request.idConflict', buildingTaken: 'grid.buildingTaken' })
  return toGrid(grid)
}

/** Renames a grid or changes its buildings; a building can join only when no other grid holds it. */
export const updateGrid = async (
  deps: StructureDeps,
  actor: Principal,
  input: { gridId: string; name?: string; buildingIds?: string[] },
): Promise<Grid> => {
  const grid = found(await deps.structure.getGrid(input.gridId), 'grid.notFound')
  const place = found(await deps.structure.resolvePlace({ type: 'grid', id: grid.gridId }), 'grid.notFound')
  authorize(actor, ['communityAdmin'], place)
  let added: string[] = []
  let removed: string[] = []
  let buildingIds = grid.buildingIds
  if (input.buildingIds) {
    const { ids, chosen } = await loadChosen(deps, grid.communityId, input.buildingIds)
    if (chosen.some((b) => b.gridId !== undefined && b.gridId !== grid.gridId)) fail('grid.buildingTaken')
    added = ids.filter((id) => !grid.buildingIds.includes(id))
    removed = grid.buildingIds.filter((id) => !ids.includes(id))
    buildingIds = ids
  }
  const next = { ...grid, name: input.name ?? grid.name, buildingIds }
  orFail(await deps.structure.updateGrid(next, added, removed), { buildingTaken: 'grid.buildingTaken' })
  return toGrid(next)
}
