import { ulid } from 'ulid'
import { call, expectOk, makeCommunity, makeUser } from './factories'
import { handler as tick } from '../../functions/src/handlers/tick'

export { tick }

/** Runs the scheduler as EventBridge would, at a given moment. */
export const tickAt = (time: Date) => tick({ time: time.toISOString() })

/**
 * A community ready to deliberate: a committee member (community level), the head of building A1, a property
 * manager for compound A, and `households` residents of A1, each the representative of their own household.
 */
export const makeDeliberationWorld = async (options: { households?: number; secondsNeeded?: number } = {}) => {
  const c = await makeCommunity()
  const committee = await c.withRole('committee', 'community', c.communityId, '周书记')
  const head = await c.withRole('buildingHead', 'building', c.buildings.A1, '王楼长')
  const property = await c.withRole('propertyManager', 'compound', c.compoundA, '孙经理')
  const settings = expectOk(
    await call('GET', `/communities/${c.communityId}/deliberation-settings`, { token: c.admin.token }),
  )
  expectOk(
    await call('PUT', `/communities/${c.communityId}/deliberation-settings`, {
      token: c.admin.token,
      body: { ...settings, secondsNeeded: options.secondsNeeded ?? 2 },
    }),
  )
  // 责任方名录: the property company (its manager's account), the 居委会 (the committee member's) and a street department.
  const organisation = async (kind: string, name: string, memberIds: string[]) =>
    expectOk(
      await call('PUT', `/communities/${c.communityId}/organisations/${ulid()}`, {
        token: c.admin.token,
        body: { kind, name, memberIds },
      }),
    ).organisationId as string
  const orgs = {
    property: await organisation('property', '阳光物业', [property.userId]),
    community: await organisation('community', '社区居委会', [committee.userId]),
    department: await organisation('department', '区交警大队', []),
  }
  const rooms = ['101', '102', '201', '202', '301', '302']
  const residents = []
  for (const room of rooms.slice(0, options.households ?? 6)) {
    const user = await makeUser(`居民${room}`)
    const req = expectOk(
      await call('POST', '/bindings', { token: user.token, body: { buildingId: c.buildings.A1, unit: '1', room } }),
    )
    expectOk(
      await call('POST', `/bindings/${req.requestId}/decision`, { token: head.token, body: { decision: 'approve' } }),
    )
    residents.push({ ...user, householdId: req.householdId as string, room })
  }
  return { ...c, committee, head, property, residents, orgs }
}

/** Uploads a tiny JPEG through the presigned URL, as the mini-program does. */
export const uploadPhoto = async (token: string) => {
  const body = Buffer.from('ffd8ffe000104a464946000101', 'hex')
  const upload = expectOk(
    await call('POST', '/uploads', { token, body: { contentType: 'image/jpeg', size: body.length } }),
  )
  const put = await fetch(upload.uploadUrl, { method: 'PUT', body, headers: upload.headers })
  if (!put.ok) throw new Error(`upload failed: ${put.status}`)
  return upload.key as string
}

export const propose = async (
  token: string,
  scope: { type: string; id: string },
  extra: Record<string, unknown> = {},
) =>
  call('POST', '/matters', {
    token,
    body: {
      matterId: ulid(),
      scope,
      categoryId: 'shared-facilities',
      title: '更换1单元楼道照明',
      text: '1单元楼道灯坏了三盏，晚上老人上下楼很不方便，建议统一更换为声控LED灯。',
      ...extra,
    },
  })
