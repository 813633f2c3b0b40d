import { z } from 'zod'
import { ClientId, defineRoute, Id } from './common'

const Name = z.string().trim().min(1, '名称不能为空').max(40, '名称最多40个字')

export const Street = z.object({ streetId: Id, name: z.string() })
export const Community = z.object({ communityId: Id, streetId: Id, name: z.string() })
export const Compound = z.object({ compoundId: Id, communityId: Id, name: z.string() })
export const Building = z.object({
  buildingId: Id,
  compoundId: Id,
  communityId: Id,
  name: z.string(),
  gridId: Id.optional(),
})
export const Household = z.object({
  householdId: Id,
  buildingId: Id,
  unit: z.string(),
  room: z.string(),
  representativeUserId: Id.optional(),
})
export const Grid = z.object({
  gridId: Id,
  communityId: Id,
  name: z.string(),
  buildingIds: z.array(Id),
})
export type Street = z.infer<typeof Street>
export type Community = z.infer<typeof Community>
export type Compound = z.infer<typeof Compound>
export type Building = z.infer<typeof Building>
export type Household = z.infer<typeof Household>
export type Grid = z.infer<typeof Grid>

const structureErrors = ['auth.required', 'auth.forbidden'] as const
const createErrors = [...structureErrors, 'request.idConflict'] as const

export const createCommunity = defineRoute({
  operationId: 'createCommunity',
  method: 'POST',
  path: '/streets/{streetId}/communities',
  summary: '在街道下新建社区（街道的社区管理员）',
  auth: 'user',
  status: 201,
  params: z.object({ streetId: Id }),
  /** `communityId`, made by the client, makes a retried create return the first community. */
  body: z.object({ communityId: ClientId.optional(), name: Name }),
  response: Community,
  errors: [...createErrors, 'street.notFound'],
})

export const createCompound = defineRoute({
  operationId: 'createCompound',
  method: 'POST',
  path: '/communities/{communityId}/compounds',
  summary: '在社区下新建小区',
  auth: 'user',
  status: 201,
  params: z.object({ communityId: Id }),
  body: z.object({ compoundId: ClientId.optional(), name: Name }),
  response: Compound,
  errors: [...createErrors, 'community.notFound'],
})

export const createBuilding = defineRoute({
  operationId: 'createBuilding',
  method: 'POST',
  path: '/compounds/{compoundId}/buildings',
  summary: '在小区下新建楼栋',
  auth: 'user',
  status: 201,
  params: z.object({ compoundId: Id }),
  body: z.object({ buildingId: ClientId.optional(), name: Name }),
  response: Building,
  errors: [...createErrors, 'compound.notFound'],
})

export const addHouseholds = defineRoute({
  operationId: 'addHouseholds',
  method: 'POST',
  path: '/buildings/{buildingId}/households',
  summary: '为楼栋登记房屋（单元 + 房号），一次最多200户；已登记的房屋不会重复创建',
  auth: 'user',
  status: 201,
  params: z.object({ buildingId: Id }),
  body: z.object({
    households: z
      .array(
        z.object({
          unit: z.string().trim().min(1).max(8),
          room: z.string().trim().min(1).max(8),
        }),
      )
      .min(1)
      .max(200),
  }),
  response: z.object({ created: z.array(Household), existing: z.number().int() }),
  errors: [...structureErrors, 'building.notFound'],
})

export const createGrid = defineRoute({
  operationId: 'createGrid',
  method: 'POST',
  path: '/communities/{communityId}/grids',
  summary: '划分网格：网格由本社区的整栋楼组成，边界与小区边界一致',
  auth: 'user',
  status: 201,
  params: z.object({ communityId: Id }),
  body: z.object({ gridId: ClientId.optional(), name: Name, buildingIds: z.array(Id).min(1).max(90) }),
  response: Grid,
  errors: [...createErrors, 'community.notFound', 'building.notFound', 'grid.compoundMismatch', 'grid.buildingTaken'],
})

export const updateGrid = defineRoute({
  operationId: 'updateGrid',
  method: 'PATCH',
  path: '/grids/{gridId}',
  summary: '修改网格名称或所含楼栋',
  auth: 'user',
  params: z.object({ gridId: Id }),
  body: z
    .object({ name: Name.optional(), buildingIds: z.array(Id).min(1).max(90).optional() })
    .refine((b) => b.name !== undefined || b.buildingIds !== undefined, '请至少修改一项'),
  response: Grid,
  errors: [...structureErrors, 'grid.notFound', 'building.notFound', 'grid.compoundMismatch', 'grid.buildingTaken'],
})

export const renamePlace = defineRoute({
  operationId: 'renamePlace',
  method: 'PATCH',
  path: '/places/{placeType}/{placeId}',
  summary: '修改社区、小区或楼栋名称',
  auth: 'user',
  params: z.object({ placeType: z.enum(['community', 'compound', 'building']), placeId: Id }),
  body: z.object({ name: Name }),
  response: z.object({ ok: z.literal(true) }),
  errors: [...structureErrors, 'community.notFound', 'compound.notFound', 'building.notFound'],
})

export const getCommunityStructure = defineRoute({
  operationId: 'getCommunityStructure',
  method: 'GET',
  path: '/communities/{communityId}/structure',
  summary: '社区的小区、楼栋和网格（工作人员）',
  auth: 'user',
  params: z.object({ communityId: Id }),
  response: z.object({
    community: Community,
    compounds: z.array(Compound),
    buildings: z.array(Building),
    grids: z.array(Grid),
  }),
  errors: ['auth.required', 'auth.forbidden', 'community.notFound'],
})

/*
 * 责任方 (the organisations a matter can be handed to): a registry per community, kept by the community admin — the
 * property company, the 居委会, the street's departments — each with the accounts that act for it.
 */
export const OrganisationKind = z.enum(['property', 'community', 'department'])
export const organisationKindLabels: Record<z.infer<typeof OrganisationKind>, string> = {
  property: '物业',
  community: '社区',
  department: '职能部门',
}
export const Organisation = z.object({
  organisationId: Id,
  communityId: Id,
  kind: OrganisationKind,
  name: z.string(),
  /** The accounts that act for it: they see the matters it is responsible for in their 待办 and report them done. */
  members: z.array(z.object({ userId: Id, name: z.string() })),
})
export type Organisation = z.infer<typeof Organisation>

export const listOrganisations = defineRoute({
  operationId: 'listOrganisations',
  method: 'GET',
  path: '/communities/{communityId}/organisations',
  summary: '社区的责任方名录（物业、居委会、街道职能部门及其账号），供两委审议和形成决议时选择',
  auth: 'user',
  params: z.object({ communityId: Id }),
  response: z.object({ items: z.array(Organisation) }),
  errors: ['auth.required', 'auth.forbidden', 'community.notFound'],
})

export const putOrganisation = defineRoute({
  operationId: 'putOrganisation',
  method: 'PUT',
  path: '/communities/{communityId}/organisations/{organisationId}',
  summary: '社区管理员登记或修改一个责任方（类型、名称、代表它办理的账号）；编号由客户端生成，重复提交结果相同',
  auth: 'user',
  params: z.object({ communityId: Id, organisationId: Id }),
  body: z.object({ kind: OrganisationKind, name: Name, memberIds: z.array(Id).max(20, '最多20个账号').default([]) }),
  response: Organisation,
  errors: [...structureErrors, 'community.notFound', 'user.notFound'],
})

/** An account holding a role in the community or one of its places, as the community admin picks it for an organisation. */
export const CommunityAccount = z.object({
  userId: Id,
  name: z.string(),
  /** 138****5678, enough to tell two 王 apart. */
  phoneMasked: z.string().optional(),
  /** Its roles in plain words, as 首页 says them: 网格员 · 第一网格, 1号楼楼长, 物业 · 阳光花园. */
  roles: z.array(z.string()),
})
export type CommunityAccount = z.infer<typeof CommunityAccount>

export const listCommunityAccounts = defineRoute({
  operationId: 'listCommunityAccounts',
  method: 'GET',
  path: '/communities/{communityId}/accounts',
  summary:
    '在社区及其小区、网格、楼栋担任角色的账号（姓名、角色、隐去中间四位的手机号），供社区管理员为责任方选择办理账号；q 按姓名筛选',
  auth: 'user',
  params: z.object({ communityId: Id }),
  query: z.object({ q: z.string().trim().max(20, '最多20个字').optional() }),
  response: z.object({ items: z.array(CommunityAccount) }),
  errors: ['auth.required', 'auth.forbidden', 'community.notFound'],
})

export const structureRoutes = {
  createCommunity,
  createCompound,
  createBuilding,
  addHouseholds,
  createGrid,
  updateGrid,
  renamePlace,
  getCommunityStructure,
  listOrganisations,
  putOrganisation,
  listCommunityAccounts,
}
