import { GetItemCommand, PutItemCommand } from 'dynamodb-toolbox'
import { ulid } from 'ulid'
import type { Role } from '../../contracts/common'
import { createStreet } from '../../functions/src/domain/structure/createPlaces'
import { systemPrincipal, segment } from '../../functions/src/domain/shared/places'
import { newCardNo } from '../../functions/src/domain/grids/cardCode'
import { SeedMarkerEntity } from '../../functions/src/storage/identity/demo'
import { dynamoIdentityStore as identity } from '../../functions/src/storage/identity/store'
import { dynamoStructureStore as structure } from '../../functions/src/storage/structure/store'
import { call } from './invoke'
import { seedMicroWishes } from './seed/microWishes'
import { seedOrganisations } from './seed/organisations'
import { seedPointsBank } from './seed/pointsBank'
import { seedVolunteering } from './seed/volunteering'

/**
 * The demo community: one street, one community, two compounds, seven buildings with households, three
 * grids, and a demo user for every role. Only the street and its first admin are written directly (someone
 * has to be the first admin); everything else goes through the same HTTP handlers staff use.
 * A marker item makes it run once.
 */
export interface SeedSummary {
  streetId: string
  communityId: string
  compoundIds: string[]
  buildingIds: string[]
  gridIds: string[]
  users: Record<string, string>
}

interface DemoUser {
  key: string
  name: string
  phone: string
  label: string
  roles: Role[]
}

const demoUsers: DemoUser[] = [
  { key: 'resident', name: '张小明', phone: '13900000001', label: '居民（未绑定房屋）', roles: ['resident'] },
  {
    key: 'representative',
    name: '刘芳',
    phone: '13900000002',
    label: '居民 · 户代表（1号楼1单元101）',
    roles: ['resident'],
  },
  {
    key: 'buildingHead',
    name: '王建国',
    phone: '13900000003',
    label: '楼长（1号楼）',
    roles: ['resident', 'buildingHead'],
  },
  { key: 'gridWorker', name: '李红梅', phone: '13800138001', label: '网格员（第一网格）', roles: ['gridWorker'] },
  {
    key: 'partyHousehold',
    name: '陈志强',
    phone: '13900000005',
    label: '党员中心户（1号楼2单元201）',
    roles: ['resident', 'partyHousehold'],
  },
  { key: 'inServiceMember', name: '赵磊', phone: '13900000006', label: '在职党员', roles: ['inServiceMember'] },
  { key: 'committee', name: '周书记', phone: '13900000007', label: '两委（社区）', roles: ['committee'] },
  {
    key: 'propertyManager',
    name: '孙经理',
    phone: '13900000008',
    label: '物业（阳光花园）',
    roles: ['propertyManager'],
  },
  { key: 'communityAdmin', name: '吴主任', phone: '13900000009', label: '社区管理员', roles: ['communityAdmin'] },
]

const ok = <T>(res: { status: number; body: T }, what: string): T => {
  if (res.status >= 300) throw new Error(`seed: ${what} failed with ${res.status}: ${JSON.stringify(res.body)}`)
  return res.body
}

export const SEED_NAME = 'demo-community'

export const readSeed = async (): Promise<SeedSummary | undefined> => {
  const { Item } = await SeedMarkerEntity.build(GetItemCommand)
    .key({ name: SEED_NAME })
    .options({ consistent: true })
    .send()
  return Item ? (JSON.parse(Item.summaryJson) as SeedSummary) : undefined
}

export const seedDemo = async (): Promise<{ seeded: boolean; summary: SeedSummary }> => {
  const existing = await readSeed()
  if (existing) {
    await seedOrganisations(existing)
    await seedMicroWishes(existing)
    await seedPointsBank(existing)
    await seedVolunteering(existing)
    return { seeded: false, summary: existing }
  }

  // The platform's part: a street and its first admin.
  const street = await createStreet({ structure, newId: ulid, newCardNo }, systemPrincipal, { name: '沙河街道' })
  const users: Record<string, string> = {}
  for (const [i, u] of demoUsers.entries()) {
    const userId = await identity.createUserForOpenid({
      userId: ulid(),
      openid: `demo-${u.key}`,
      displayName: u.name,
      phone: u.phone,
    })
    users[u.key] = userId
    await identity.putDemoIdentity({ key: u.key, userId, label: `${u.name} · ${u.label}`, roles: u.roles, order: i })
  }
  await identity.putGrant({
    userId: users.communityAdmin!,
    role: 'communityAdmin',
    placeType: 'street',
    placeId: street.streetId,
    placeName: street.name,
    placePath: segment('street', street.streetId),
  })

  const login = async (key: string) =>
    ok(await call('POST', '/auth/demo-login', { body: { key } }), `login ${key}`).token as string
  const admin = await login('communityAdmin')
  const post = async (path: string, body: unknown, token = admin) =>
    ok(await call('POST', path, { token, body }), `POST ${path}`)

  const community = await post(`/streets/${street.streetId}/communities`, { name: '幸福里社区' })
  const grant = (userKey: string, role: Role, type: string, id: string) =>
    post('/role-grants', { userId: users[userKey], role, place: { type, id } })
  await grant('communityAdmin', 'communityAdmin', 'community', community.communityId)

  const compoundA = await post(`/communities/${community.communityId}/compounds`, { name: '阳光花园' })
  const compoundB = await post(`/communities/${community.communityId}/compounds`, { name: '翠湖苑' })
  const buildings: { buildingId: string; name: string; compoundId: string }[] = []
  for (const [compound, names] of [
    [compoundA, ['1号楼', '2号楼', '3号楼', '4号楼']],
    [compoundB, ['5号楼', '6号楼', '7号楼']],
  ] as const) {
    for (const name of names) buildings.push(await post(`/compounds/${compound.compoundId}/buildings`, { name }))
  }
  for (const b of buildings) {
    const households = []
    for (const unit of ['1', '2'])
      for (let floor = 1; floor <= 6; floor++)
        for (const n of ['01', '02']) households.push({ unit, room: `${floor}${n}` })
    await post(`/buildings/${b.buildingId}/households`, { households })
  }
  const ids = buildings.map((b) => b.buildingId)
  const grids = [
    await post(`/communities/${community.communityId}/grids`, { name: '第一网格', buildingIds: ids.slice(0, 2) }),
    await post(`/communities/${community.communityId}/grids`, { name: '第二网格', buildingIds: ids.slice(2, 4) }),
    await post(`/communities/${community.communityId}/grids`, { name: '第三网格', buildingIds: ids.slice(4) }),
  ]

  await grant('buildingHead', 'buildingHead', 'building', ids[0]!)
  await grant('gridWorker', 'gridWorker', 'grid', grids[0].gridId)
  await grant('inServiceMember', 'inServiceMember', 'community', community.communityId)
  await grant('committee', 'committee', 'community', community.communityId)
  await grant('propertyManager', 'propertyManager', 'compound', compoundA.compoundId)

  // Households bound through the real request → approval path.
  const head = await login('buildingHead')
  const bind = async (userKey: string, unit: string, room: string) => {
    const token = await login(userKey)
    const request = await post('/bindings', { buildingId: ids[0], unit, room }, token)
    await post(`/bindings/${request.requestId}/decision`, { decision: 'approve' }, head)
    return request.householdId as string
  }
  await bind('representative', '1', '101')
  await bind('buildingHead', '1', '602')
  const partyHome = await bind('partyHousehold', '2', '201')
  await grant('partyHousehold', 'partyHousehold', 'household', partyHome)

  const summary: SeedSummary = {
    streetId: street.streetId,
    communityId: community.communityId,
    compoundIds: [compoundA.compoundId, compoundB.compoundId],
    buildingIds: ids,
    gridIds: grids.map((g) => g.gridId),
    users,
  }
  await SeedMarkerEntity.build(PutItemCommand)
    .item({ name: SEED_NAME, at: new Date().toISOString(), summaryJson: JSON.stringify(summary) })
    .send()
  await seedOrganisations(summary)
  await seedMicroWishes(summary)
  await seedPointsBank(summary)
  await seedVolunteering(summary)
  return { seeded: true, summary }
}
