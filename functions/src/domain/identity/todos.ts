import { todoOf, type TodoSource } from '../home/ports'
import type { StructureStore } from '../structure/ports'
import type { IdentityStore } from './ports'

const APPROVALS = '/packages/staff/pages/bindings/index'

/**
 * 首页's 待办 from identity: the binding requests waiting for the caller as a building head (their building's queue,
 * AP6) or a grid worker (one AP6 Query per building of their grid, after the grid's GetItem), oldest first.
 */
export const bindingTodos = (deps: { identity: IdentityStore; structure: StructureStore }): TodoSource => ({
  name: 'bindings',
  todos: async (actor) => {
    const grants = actor.principal.grants
    const heads = grants.filter((g) => g.role === 'buildingHead' && g.placeType === 'building').map((g) => g.placeId)
    const gridIds = grants.filter((g) => g.role === 'gridWorker' && g.placeType === 'grid').map((g) => g.placeId)
    if (heads.length === 0 && gridIds.length === 0) return []
    const grids = await Promise.all(gridIds.map((id) => deps.structure.getGrid(id)))
    const buildings = [...new Set([...heads, ...grids.flatMap((g) => g?.buildingIds ?? [])])]
    const queues = await Promise.all(buildings.map((b) => deps.identity.bindingQueue(b, 'pending')))
    const pending = queues.flat().sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    // The queue page chooses among the caller's places itself; one request is decided there too.
    return todoOf('bindings.pending', '待审核绑定', pending, APPROVALS, (r) => ({
      page: APPROVALS,
      hint: `${r.userName} · ${r.buildingName}${r.unit}单元${r.room}室`,
    }))
  },
})
