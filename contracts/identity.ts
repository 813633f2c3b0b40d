import { z } from 'zod'
import { defineRoute, Id, Ok, Role, RoleGrant, Place } from './common'
import { PhotoKey } from './uploads'

export const Session = z.object({
  token: z.string(),
  expiresAt: z.string().datetime(),
  userId: Id,
})
export type Session = z.infer<typeof Session>

export const BindingStatus = z.enum(['pending', 'approved', 'refused'])
export type BindingStatus = z.infer<typeof BindingStatus>

export const HouseholdAddress = z.object({
  buildingId: Id,
  /** 「1」, 「1单元」 or 「１单元」 alike: the server reads the number (functions/src/domain/structure/address.ts). */
  unit: z.string().trim().min(1, '请选择单元').max(8, '单元号最多8个字符'),
  /** 「101」 or 「101室」 alike. */
  room: z.string().trim().min(1, '请选择房号').max(8, '房号最多8个字符'),
})

export const BindingRequest = z.object({
  requestId: Id,
  userId: Id,
  userName: z.string(),
  householdId: Id,
  buildingId: Id,
  buildingName: z.string(),
  unit: z.string(),
  room: z.string(),
  note: z.string().optional(),
  status: BindingStatus,
  createdAt: z.string(),
  decidedAt: z.string().optional(),
  decidedBy: Id.optional(),
  reason: z.string().optional(),
})
export type BindingRequest = z.infer<typeof BindingRequest>

export const MyHousehold = z.object({
  householdId: Id,
  buildingId: Id,
  buildingName: z.string(),
  /** The compound and community around the household: the scopes its members may propose matters for. */
  compoundId: Id,
  compoundName: z.string(),
  communityId: Id,
  communityName: z.string(),
  unit: z.string(),
  room: z.string(),
  isRepresentative: z.boolean(),
})

export const Me = z.object({
  userId: Id,
  displayName: z.string(),
  /** Whether the user has set a nickname (头像昵称填写); until then they show as 微信用户. */
  hasNickname: z.boolean().optional(),
  /** The avatar they chose, as a presigned GET (absent: none, or hidden by content safety). */
  avatarUrl: z.string().optional(),
  grants: z.array(RoleGrant),
  households: z.array(MyHousehold),
  bindingRequests: z.array(BindingRequest),
})
export type Me = z.infer<typeof Me>

export const DemoIdentity = z.object({ key: z.string(), label: z.string(), roles: z.array(Role) })
export type DemoIdentity = z.infer<typeof DemoIdentity>

export const login = defineRoute({
  operationId: 'login',
  method: 'POST',
  path: '/auth/login',
  summary: '微信登录：用 wx.login 的 code 换取会话令牌（服务端调用 jscode2session，session_key 不出服务端）',
  auth: 'public',
  body: z.object({ code: z.string().min(1).max(128) }),
  response: Session,
  errors: ['auth.codeInvalid', 'auth.wechatUnavailable'],
})

export const listDemoIdentities = defineRoute({
  operationId: 'listDemoIdentities',
  method: 'GET',
  path: '/auth/demo-identities',
  summary: '本地环境的演示身份列表（其他环境拒绝）',
  auth: 'public',
  response: z.object({ identities: z.array(DemoIdentity) }),
  errors: ['auth.demoDisabled'],
})

export const demoLogin = defineRoute({
  operationId: 'demoLogin',
  method: 'POST',
  path: '/auth/demo-login',
  summary: '以演示身份登录（仅本地环境，代替 H5 中不存在的 wx.login）',
  auth: 'public',
  body: z.object({ key: z.string().min(1).max(64) }),
  response: Session,
  errors: ['auth.demoDisabled', 'auth.demoUnknown'],
})

export const getMe = defineRoute({
  operationId: 'getMe',
  method: 'GET',
  path: '/me',
  summary: '当前用户：角色、已绑定的房屋和绑定申请',
  auth: 'user',
  response: Me,
  errors: ['auth.required', 'auth.invalidToken'],
})

export const requestBinding = defineRoute({
  operationId: 'requestBinding',
  method: 'POST',
  path: '/bindings',
  summary: '居民申请绑定房屋（楼栋、单元、房号），由该楼楼长或网格员审核',
  auth: 'user',
  status: 201,
  body: HouseholdAddress.extend({ note: z.string().trim().max(200, '备注最多200字').optional() }),
  response: BindingRequest,
  errors: [
    'auth.required',
    'building.notFound',
    'household.notFound',
    'binding.alreadyPending',
    'binding.alreadyMember',
  ],
})

export const listBindingRequests = defineRoute({
  operationId: 'listBindingRequests',
  method: 'GET',
  path: '/binding-requests',
  summary: '待审核的绑定申请：楼长看本楼，网格员看本网格',
  auth: 'user',
  query: z.object({
    buildingId: Id.optional(),
    gridId: Id.optional(),
    status: BindingStatus.default('pending'),
  }),
  response: z.object({ items: z.array(BindingRequest) }),
  errors: ['auth.required', 'auth.forbidden', 'building.notFound', 'grid.notFound'],
})

export const decideBinding = defineRoute({
  operationId: 'decideBinding',
  method: 'POST',
  path: '/bindings/{requestId}/decision',
  summary: '楼长或网格员同意或拒绝绑定申请；户内首位成员成为户代表',
  auth: 'user',
  params: z.object({ requestId: Id }),
  body: z.discriminatedUnion('decision', [
    z.object({ decision: z.literal('approve') }),
    z.object({ decision: z.literal('refuse'), reason: z.string().trim().min(1, '请填写拒绝理由').max(200) }),
  ]),
  response: BindingRequest,
  errors: ['auth.required', 'auth.forbidden', 'binding.notFound', 'binding.notPending', 'building.notFound'],
})

export const setRepresentative = defineRoute({
  operationId: 'setRepresentative',
  method: 'PUT',
  path: '/households/{householdId}/representative',
  summary: '更换户代表（网格员或社区管理员）：每户同一时间只有一位户代表',
  auth: 'user',
  params: z.object({ householdId: Id }),
  body: z.object({ userId: Id }),
  response: z.object({ householdId: Id, representativeUserId: Id }),
  errors: ['auth.required', 'auth.forbidden', 'household.notFound', 'household.notMember'],
})

export const grantRole = defineRoute({
  operationId: 'grantRole',
  method: 'POST',
  path: '/role-grants',
  summary: '社区管理员在其辖区内授予角色（楼长、网格员、两委、物业、党员中心户……）',
  auth: 'user',
  status: 201,
  body: z.object({ userId: Id, role: Role, place: Place }),
  response: Ok,
  errors: [
    'auth.required',
    'auth.forbidden',
    'user.notFound',
    'role.placeMismatch',
    'street.notFound',
    'community.notFound',
    'compound.notFound',
    'building.notFound',
    'household.notFound',
    'grid.notFound',
  ],
})

/** A nickname as WeChat's nickname input gives it: trimmed, 1–20 characters. */
export const Nickname = z.string().trim().min(1, '请填写昵称').max(20, '昵称最多20个字')

export const putProfile = defineRoute({
  operationId: 'putProfile',
  method: 'PUT',
  path: '/me/profile',
  summary: '设置昵称和头像（微信头像昵称填写）：昵称经内容安全检查，头像为本人上传的图片',
  auth: 'user',
  body: z
    .object({ nickname: Nickname.optional(), avatarKey: PhotoKey.optional() })
    .refine((b) => b.nickname !== undefined || b.avatarKey !== undefined, {
      message: '请设置昵称或头像',
      path: ['nickname'],
    }),
  response: Me,
  errors: ['auth.required', 'upload.missing', 'content.risky', 'content.checkUnavailable', 'profile.nicknameHeld'],
})

/** A building's registered households, for choosing 单元 and 房号 instead of typing them. */
export const BuildingHouseholds = z.object({
  buildingId: Id,
  buildingName: z.string(),
  units: z.array(z.object({ unit: z.string(), rooms: z.array(z.string()) })),
})

export const listBuildingHouseholds = defineRoute({
  operationId: 'listBuildingHouseholds',
  method: 'GET',
  path: '/buildings/{buildingId}/addresses',
  summary: '楼栋已登记的单元和房号（登录用户选择，不必手填）',
  auth: 'user',
  params: z.object({ buildingId: Id }),
  response: BuildingHouseholds,
  errors: ['auth.required', 'building.notFound'],
})

export const identityRoutes = {
  login,
  listDemoIdentities,
  demoLogin,
  getMe,
  putProfile,
  listBuildingHouseholds,
  requestBinding,
  listBindingRequests,
  decideBinding,
  setRepresentative,
  grantRole,
}
