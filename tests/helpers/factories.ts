import { ulid } from 'ulid'
import type { Role } from '../../contracts/common'
import { newCardNo } from '../../functions/src/domain/grids/cardCode'
import { signToken } from '../../functions/src/domain/identity/sessionToken'
import { createStreet } from '../../functions/src/domain/structure/createPlaces'
import { segment, systemPrincipal } from '../../functions/src/domain/shared/places'
import { dynamoIdentityStore as identity } from '../../functions/src/storage/identity/store'
import { dynamoStructureStore as structure } from '../../functions/src/storage/structure/store'
import { routeErrors } from '../../contracts/common'
import { call as invoke, routeFor, type CallOptions, type CallResult } from '../../scripts/lib/invoke'

/**
 * One request through the real handler, as API Gateway sends it. Every answer is checked against the contract:
 * an error must have the documented shape and a code the route's contract lists (routeErrors), so a route that
 * answers a code its OpenAPI does not document fails whichever test sent the request.
 */
export const call = async <T = any>(
  method: string,
  pathWithQuery: string,
  options: CallOptions = {},
): Promise<CallResult<T>> => {
  const res = await invoke<T>(method, pathWithQuery, options)
  if (res.status >= 400) {
    const { contract } = routeFor(method, pathWithQuery.split('?')[0] ?? '/')
    const error = (res.body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error
    if (!error || typeof error.code !== 'string' || typeof error.message !== 'string' || !error.message)
      throw new Error(
        `${method} ${pathWithQuery} answered ${res.status} without the error shape: ${JSON.stringify(res.body)}`,
      )
    const allowed = contract ? routeErrors(contract) : ['route.notFound']
    if (!allowed.includes(error.code as never))
      throw new Error(
        `${method} ${pathWithQuery} answered ${error.code}, which its contract (${contract?.operationId}) does not list: ${allowed.join(', ')}`,
      )
  }
  if (res.status === 500)
    throw new Error(`${method} ${pathWithQuery} failed with a fault of ours (500): ${JSON.stringify(res.body)}`)
  return res
}

/** A token as login would issue it, for a user made by these factories. */
export const tokenFor = (userId: string) => signToken(process.env.SESSION_SECRET!, userId, new Date(), 3600).token

let counter = 0
export const makeUser = async (
  name = `居民${++counter}`,
  phone = `139${String(10000000 + Math.floor(Math.random() * 89999999))}`,
  openid = `test-${ulid()}`,
) => {
  const userId = await identity.createUserForOpenid({ userId: ulid(), openid, displayName: name, phone })
  return { userId, token: tokenFor(userId), name, phone, openid }
}

export const expectOk = <T = any>(res: CallResult<T>): T => {
  if (res.status >= 300) throw new Error(`expected success, got ${res.status}: ${JSON.stringify(res.body)}`)
  return res.body
}

/**
 * A small community of its own for one test file: a street with an admin, one community, compound A
 * (buildings A1, A2, A3) and compound B (B1, B2), each building with rooms 1-101…1-302, and a grid over
 * A1+A2. Returns ids and a helper to give users roles.
 */
export const makeCommunity = async () => {
  const street = await createStreet({ structure, newId: ulid, newCardNo }, systemPrincipal, {
    name: `测试街道${++counter}`,
  })
  const admin = await makeUser('社区管理员')
  await identity.putGrant({
    userId: admin.userId,
    role: 'communityAdmin',
    placeType: 'street',
    placeId: street.streetId,
    placeName: street.name,
    placePath: segment('street', street.streetId),
  })
  const post = async (path: string, body: unknown) => expectOk(await call('POST', path, { token: admin.token, body }))
  const community = await post(`/streets/${street.streetId}/communities`, { name: '测试社区' })
  const compoundA = await post(`/communities/${community.communityId}/compounds`, { name: 'A苑' })
  const compoundB = await post(`/communities/${community.communityId}/compounds`, { name: 'B苑' })
  const b = async (compoundId: string, name: string) => {
    const building = await post(`/compounds/${compoundId}/buildings`, { name })
    const households = []
    for (let floor = 1; floor <= 3; floor++)
      for (const n of ['01', '02']) households.push({ unit: '1', room: `${floor}${n}` })
    await post(`/buildings/${building.buildingId}/households`, { households })
    return building.buildingId as string
  }
  const buildings = {
    A1: await b(compoundA.compoundId, 'A1栋'),
    A2: await b(compoundA.compoundId, 'A2栋'),
    A3: await b(compoundA.compoundId, 'A3栋'),
    B1: await b(compoundB.compoundId, 'B1栋'),
    B2: await b(compoundB.compoundId, 'B2栋'),
  }
  const grid = await post(`/communities/${community.communityId}/grids`, {
    name: '一网格',
    buildingIds: [buildings.A1, buildings.A2],
  })
  const grant = async (userId: string, role: Role, type: string, id: string) =>
    post('/role-grants', { userId, role, place: { type, id } })
  const withRole = async (role: Role, type: string, id: string, name?: string) => {
    const user = await makeUser(name)
    await grant(user.userId, role, type, id)
    return user
  }
  const householdId = async (buildingId: string, unit: string, room: string) =>
    (await structure.findHouseholdId(buildingId, unit, room))!
  return {
    street,
    admin,
    communityId: community.communityId as string,
    compoundA: compoundA.compoundId as string,
    compoundB: compoundB.compoundId as string,
    buildings,
    gridId: grid.gridId as string,
    grant,
    withRole,
    householdId,
  }
}
