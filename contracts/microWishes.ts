import { z } from 'zod'
import { ChinaMobile, ClientId, defineRoute, Id } from './common'
import { PhotoKey } from './uploads'
import {
  CheckMethod,
  ClaimEntry,
  Hardship,
  MemberRecord,
  Wish,
  WishCategory,
  WishFigures,
  WishSettings,
  WishSummary,
  WallCard,
} from './microWishesModel'

/* The micro-wish routes; the schemas they speak are in microWishesModel.ts (re-exported here). */
export * from './microWishesModel'

const wishParams = z.object({ wishId: Id })
const common = ['auth.required', 'auth.forbidden', 'wish.notFound'] as const
/** What a route whose texts and photos go through content safety may also answer (contracts/moderation.ts). */
const screened = ['content.risky', 'content.checkUnavailable'] as const
const title = z.string().trim().min(2, '标题至少2个字').max(30, '标题最多30个字')
const text = z.string().trim().min(5, '请写清需要什么、为什么需要（至少5个字）').max(500, '最多500字')
const wantedBy = z.string().date('请选择希望实现的日期')
const photoKeys = z.array(PhotoKey).max(3, '最多三张照片').default([])
const page = {
  limit: z.coerce.number().int().min(1).max(50).optional(),
  cursor: z.string().max(1000).optional(),
}
const wallQuery = z.object({
  show: z.enum(['open', 'done']).default('open'),
  order: z.enum(['newest', 'due']).default('newest'),
  ...page,
})
const wallResponse = z.object({ items: z.array(WallCard), nextCursor: z.string().optional() })

export const getWishSettings = defineRoute({
  operationId: 'getWishSettings',
  method: 'GET',
  path: '/communities/{communityId}/wish-settings',
  summary: '社区的微心愿规则：每户待实现心愿上限、积分范围、认领期限、提醒、自动确认、每人同时认领上限、谁可认领',
  auth: 'user',
  params: z.object({ communityId: Id }),
  response: WishSettings,
  errors: ['auth.required', 'community.notFound'],
})

export const putWishSettings = defineRoute({
  operationId: 'putWishSettings',
  method: 'PUT',
  path: '/communities/{communityId}/wish-settings',
  summary: '社区管理员修改微心愿规则',
  auth: 'user',
  params: z.object({ communityId: Id }),
  body: WishSettings,
  response: WishSettings,
  errors: ['auth.required', 'auth.forbidden', 'community.notFound'],
})

export const postWish = defineRoute({
  operationId: 'postWish',
  method: 'POST',
  path: '/wishes',
  summary: '居民为本户发布微心愿（或网格员为不便使用手机的居民代发），交本网格网格员审核',
  auth: 'user',
  status: 201,
  body: z
    .object({
      /** Made by the client before it submits: a repeat with the same id returns the first wish. */
      wishId: ClientId,
      /** The caller's household (their first one when left out). */
      householdId: Id.optional(),
      /** A grid worker posting for a resident of their grid: the household (by id, or building, unit and room) and the resident's name. */
      onBehalf: z
        .object({
          householdId: Id.optional(),
          buildingId: Id.optional(),
          unit: z.string().trim().min(1, '请填写单元').max(8, '单元号最多8个字符').optional(),
          room: z.string().trim().min(1, '请填写房号').max(8, '房号最多8个字符').optional(),
          residentName: z.string().trim().min(2, '请填写居民姓名').max(20, '姓名最多20个字'),
          residentPhone: ChinaMobile.optional(),
        })
        .refine((o) => o.householdId || (o.buildingId && o.unit && o.room), {
          message: '请选择楼栋，并填写单元和房号',
          path: ['room'],
        })
        .optional(),
      title,
      text,
      categoryId: WishCategory,
      photoKeys,
      wantedBy,
    })
    .refine((b) => !(b.householdId && b.onBehalf), { message: '代发时只需选择居民的房屋', path: ['householdId'] }),
  response: Wish,
  errors: [
    'auth.required',
    'auth.forbidden',
    'wish.noHousehold',
    'wish.noGrid',
    'wish.openLimit',
    'wish.dateInvalid',
    'upload.missing',
    'household.notFound',
    'request.idConflict',
    ...screened,
  ],
})

export const reviseWish = defineRoute({
  operationId: 'reviseWish',
  method: 'PUT',
  path: '/wishes/{wishId}',
  summary: '发布人修改被退回的心愿，重新提交审核',
  auth: 'user',
  params: wishParams,
  body: z.object({ title, text, categoryId: WishCategory, photoKeys, wantedBy }),
  response: Wish,
  errors: [...common, 'wish.wrongState', 'wish.dateInvalid', 'upload.missing', ...screened],
})

export const getWish = defineRoute({
  operationId: 'getWish',
  method: 'GET',
  path: '/wishes/{wishId}',
  summary: '心愿详情：进展时间线；认领人可见联系方式，网格员可见核实情况',
  auth: 'user',
  params: wishParams,
  response: Wish,
  errors: common,
})

export const listMyWishes = defineRoute({
  operationId: 'listMyWishes',
  method: 'GET',
  path: '/me/wishes',
  summary: '我发布（或代发）的心愿，新的在前',
  auth: 'user',
  response: z.object({ items: z.array(WishSummary) }),
  errors: ['auth.required'],
})

export const listMyClaims = defineRoute({
  operationId: 'listMyClaims',
  method: 'GET',
  path: '/me/wish-claims',
  summary: '我认领的心愿与我的服务记录（完成、过期、放弃）和积分',
  auth: 'user',
  query: z.object({ communityId: Id.optional() }),
  response: z.object({
    record: MemberRecord,
    items: z.array(ClaimEntry),
    balance: z.number().int().optional(),
    communityId: Id.optional(),
  }),
  errors: ['auth.required'],
})

export const gridWishWall = defineRoute({
  operationId: 'gridWishWall',
  method: 'GET',
  path: '/grids/{gridId}/wish-wall',
  summary: '网格心愿墙：待认领的心愿（最新或最急在前）或已实现的心愿与感谢信，分页；姓名只显示姓氏',
  auth: 'user',
  params: z.object({ gridId: Id }),
  query: wallQuery,
  response: wallResponse,
  errors: ['auth.required', 'grid.notFound', 'cursor.invalid'],
})

export const communityWishWall = defineRoute({
  operationId: 'communityWishWall',
  method: 'GET',
  path: '/communities/{communityId}/wish-wall',
  summary: '社区心愿墙：待认领或已实现的心愿，分页；姓名只显示姓氏',
  auth: 'user',
  params: z.object({ communityId: Id }),
  query: wallQuery,
  response: wallResponse,
  errors: ['auth.required', 'community.notFound', 'cursor.invalid'],
})

export const wishQueue = defineRoute({
  operationId: 'wishQueue',
  method: 'GET',
  path: '/me/wish-queue',
  summary: '网格员待办：本网格待审核的心愿和有异议的心愿（先到先办）',
  auth: 'user',
  response: z.object({
    vetting: z.array(WishSummary),
    disputes: z.array(WishSummary),
    /** The grids the caller works, with their buildings (where a wish may be posted for a resident). */
    grids: z.array(
      z.object({
        gridId: Id,
        gridName: z.string(),
        communityId: Id,
        buildings: z.array(z.object({ buildingId: Id, name: z.string() })),
      }),
    ),
  }),
  errors: ['auth.required'],
})

export const vetWish = defineRoute({
  operationId: 'vetWish',
  method: 'POST',
  path: '/wishes/{wishId}/vetting',
  summary: '网格员审核：核实方式与情况、困难类别（不公开）、积分与认领期限后发布；或退回修改；或不予发布',
  auth: 'user',
  params: wishParams,
  body: z.discriminatedUnion('decision', [
    z.object({
      decision: z.literal('publish'),
      method: CheckMethod,
      note: z.string().trim().min(2, '请写下核实情况').max(300),
      hardship: Hardship,
      points: z.number().int().min(1).max(1000),
      claimDays: z.number().int().min(1).max(60),
    }),
    z.object({ decision: z.literal('return'), reason: z.string().trim().min(2, '请说明需要修改的地方').max(300) }),
    z.object({ decision: z.literal('refuse'), reason: z.string().trim().min(2, '请说明不予发布的理由').max(300) }),
  ]),
  response: Wish,
  errors: [...common, 'wish.wrongState', 'wish.pointsOutOfRange'],
})

export const claimWish = defineRoute({
  operationId: 'claimWish',
  method: 'POST',
  path: '/wishes/{wishId}/claim',
  summary: '在职党员认领心愿：一个心愿只有一位认领人；认领后可见居民（或代发网格员）的联系方式',
  auth: 'user',
  params: wishParams,
  response: Wish,
  errors: [
    ...common,
    'wish.wrongState',
    'wish.taken',
    'wish.notMember',
    'wish.ownWish',
    'wish.claimLimit',
    'wish.busy',
  ],
})

const reason = z.object({ reason: z.string().trim().max(300).optional() }).default({})

export const releaseWish = defineRoute({
  operationId: 'releaseWish',
  method: 'POST',
  path: '/wishes/{wishId}/release',
  summary: '认领人放弃认领，心愿回到心愿墙',
  auth: 'user',
  params: wishParams,
  body: reason,
  response: Wish,
  errors: [...common, 'wish.wrongState'],
})

export const fulfilWish = defineRoute({
  operationId: 'fulfilWish',
  method: 'POST',
  path: '/wishes/{wishId}/fulfilment',
  summary: '认领人报告已实现（照片和说明），请居民确认',
  auth: 'user',
  params: wishParams,
  body: z.object({
    note: z.string().trim().min(2, '请写下送达或办理情况').max(500),
    photoKeys: z.array(PhotoKey).min(1, '请拍一张送达的照片').max(3, '最多三张照片'),
  }),
  response: Wish,
  errors: [...common, 'wish.wrongState', 'upload.missing', ...screened],
})

export const confirmWish = defineRoute({
  operationId: 'confirmWish',
  method: 'POST',
  path: '/wishes/{wishId}/confirmation',
  summary: '居民（或网格员代居民）确认收到，可写感谢信；认领人获得积分（每个心愿只计一次）',
  auth: 'user',
  params: wishParams,
  body: z.object({ thanks: z.string().trim().min(2).max(300).optional() }).default({}),
  response: Wish,
  errors: [...common, 'wish.wrongState', ...screened],
})

export const thankWish = defineRoute({
  operationId: 'thankWish',
  method: 'POST',
  path: '/wishes/{wishId}/thanks',
  summary: '确认后补写感谢信，在心愿墙「已实现」中展示',
  auth: 'user',
  params: wishParams,
  body: z.object({ text: z.string().trim().min(2, '请写几句感谢的话').max(300) }),
  response: Wish,
  errors: [...common, 'wish.wrongState', ...screened],
})

export const disputeWish = defineRoute({
  operationId: 'disputeWish',
  method: 'POST',
  path: '/wishes/{wishId}/dispute',
  summary: '居民对「已实现」有异议（没收到、不合适），交网格员处理',
  auth: 'user',
  params: wishParams,
  body: z.object({ reason: z.string().trim().min(2, '请说明哪里不对').max(300) }),
  response: Wish,
  errors: [...common, 'wish.wrongState'],
})

export const decideDispute = defineRoute({
  operationId: 'decideDispute',
  method: 'POST',
  path: '/wishes/{wishId}/dispute-decision',
  summary: '网格员处理异议：确认已实现、请认领人重新办理，或心愿回到心愿墙',
  auth: 'user',
  params: wishParams,
  body: z.object({
    decision: z.enum(['confirm', 'redo', 'reopen']),
    note: z.string().trim().min(2, '请写下处理意见').max(300),
  }),
  response: Wish,
  errors: [...common, 'wish.wrongState'],
})

export const withdrawWish = defineRoute({
  operationId: 'withdrawWish',
  method: 'POST',
  path: '/wishes/{wishId}/withdraw',
  summary: '发布人在认领前撤回心愿',
  auth: 'user',
  params: wishParams,
  body: reason,
  response: Wish,
  errors: [...common, 'wish.wrongState'],
})

export const wishFigures = defineRoute({
  operationId: 'wishFigures',
  method: 'GET',
  path: '/communities/{communityId}/wish-figures',
  summary: '微心愿统计：发布、审核、认领、实现、过期，按网格和报到单位，实现率与平均实现天数',
  auth: 'user',
  params: z.object({ communityId: Id }),
  response: WishFigures,
  errors: ['auth.required', 'auth.forbidden', 'community.notFound'],
})

export const microWishRoutes = {
  getWishSettings,
  putWishSettings,
  postWish,
  reviseWish,
  getWish,
  listMyWishes,
  listMyClaims,
  gridWishWall,
  communityWishWall,
  wishQueue,
  vetWish,
  claimWish,
  releaseWish,
  fulfilWish,
  confirmWish,
  thankWish,
  disputeWish,
  decideDispute,
  withdrawWish,
  wishFigures,
}
