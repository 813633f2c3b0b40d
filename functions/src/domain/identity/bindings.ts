import type { BindingRequest, BindingStatus } from '../../../../contracts/identity'
import { fail, found } from '../shared/errors'
import { orFail } from '../shared/outcome'
import { authorize, type Principal } from '../shared/places'
import { normaliseRoom, normaliseUnit, unitsAndRooms } from '../structure/address'
import type { IdentityDeps, LoadedUser } from './ports'

/** Who decides a binding: the building's head, or the worker of the grid the building lies in. */
const deciders = ['buildingHead', 'gridWorker'] as const

export const requestIdOf = (userId: string, householdId: string) => `${userId}-${householdId}`
const parseRequestId = (requestId: string) => {
  const [userId, householdId, extra] = requestId.split('-')
  return userId && householdId && extra === undefined ? { userId, householdId } : undefined
}

/**
 * A resident asks to be bound to a household by its address. The household must be on the building's
 * register (the community registers rooms; residents cannot invent them).
 */
export const requestBinding = async (
  deps: IdentityDeps,
  actor: LoadedUser,
  input: { buildingId: string; unit: string; room: string; note?: string },
): Promise<BindingRequest> => {
  const building = found(await deps.structure.getBuilding(input.buildingId), 'building.notFound')
  // 「1单元」「101室」 are the register's 1 and 101.
  const unit = normaliseUnit(input.unit)
  const room = normaliseRoom(input.room)
  const householdId = found(await deps.structure.findHouseholdId(building.buildingId, unit, room), 'household.notFound')
  if (actor.memberships.some((m) => m.householdId === householdId)) fail('binding.alreadyMember')
  const request: BindingRequest = {
    requestId: requestIdOf(actor.user.userId, householdId),
    userId: actor.user.userId,
    userName: actor.user.displayName,
    householdId,
    buildingId: building.buildingId,
    buildingName: building.name,
    unit,
    room,
    ...(input.note ? { note: input.note } : {}),
    status: 'pending',
    createdAt: deps.now().toISOString(),
  }
  orFail(await deps.identity.saveBindingRequest(request), {
    pending: 'binding.alreadyPending',
    member: 'binding.alreadyMember',
  })
  return request
}

/** A building head sees their building's queue; a grid worker sees every building of their grid. */
export const listBindingRequests = async (
  deps: IdentityDeps,
  actor: Principal,
  input: { buildingId?: string; gridId?: string; status: BindingStatus },
): Promise<{ items: BindingRequest[] }> => {
  if ((input.buildingId === undefined) === (input.gridId === undefined))
    fail('request.invalid', [{ path: 'buildingId', message: '请指定楼栋或网格之一' }])
  if (input.buildingId) {
    const place = found(
      await deps.structure.resolvePlace({ type: 'building', id: input.buildingId }),
      'building.notFound',
    )
    authorize(actor, deciders, place)
    return { items: await deps.identity.bindingQueue(input.buildingId, input.status) }
  }
  const grid = found(await deps.structure.getGrid(input.gridId!), 'grid.notFound')
  const place = found(await deps.structure.resolvePlace({ type: 'grid', id: grid.gridId }), 'grid.notFound')
  authorize(actor, ['gridWorker', 'communityAdmin'], place)
  const queues = await Promise.all(grid.buildingIds.map((b) => deps.identity.bindingQueue(b, input.status)))
  return { items: queues.flat().sort((a, b) => a.createdAt.localeCompare(b.createdAt)) }
}

/**
 * The building head or grid worker approves or refuses. Approval binds the resident; the first member of a
 * household becomes its representative (户代表), who votes for the household.
 */
export const decideBinding = async (
  deps: IdentityDeps,
  actor: Principal,
  input: { requestId: string } & ({ decision: 'approve' } | { decision: 'refuse'; reason: string }),
): Promise<BindingRequest> => {
  const key = found(parseRequestId(input.requestId), 'binding.notFound')
  const request = found(await deps.identity.getBindingRequest(key.userId, key.householdId), 'binding.notFound')
  const place = found(
    await deps.structure.resolvePlace({ type: 'building', id: request.buildingId }),
    'building.notFound',
  )
  authorize(actor, deciders, place)
  if (request.status !== 'pending') fail('binding.notPending')
  const at = deps.now().toISOString()
  const decided =
    input.decision === 'approve'
      ? await deps.identity.approveBinding(request, actor.userId, at)
      : await deps.identity.refuseBinding(request, actor.userId, at, input.reason)
  return orFail(decided, { notPending: 'binding.notPending' })
}

/** Staff change a household's representative; one at a time, and only a bound member can be it. */
export const setRepresentative = async (
  deps: IdentityDeps,
  actor: Principal,
  input: { householdId: string; userId: string },
) => {
  const place = found(
    await deps.structure.resolvePlace({ type: 'household', id: input.householdId }),
    'household.notFound',
  )
  authorize(actor, ['gridWorker', 'communityAdmin'], place)
  if (!(await deps.identity.isMember(input.userId, input.householdId))) fail('household.notMember')
  orFail(await deps.identity.setRepresentative(input.householdId, input.userId), { missing: 'household.notFound' })
  return { householdId: input.householdId, representativeUserId: input.userId }
}

/** A building's units and rooms as the register has them: any logged-in resident chooses from them (AP8). */
export const listBuildingHouseholds = async (deps: IdentityDeps, input: { buildingId: string }) => {
  const building = found(await deps.structure.getBuilding(input.buildingId), 'building.notFound')
  return {
    buildingId: building.buildingId,
    buildingName: building.name,
    units: unitsAndRooms(await deps.structure.listHouseholdAddresses(building.buildingId)),
  }
}
