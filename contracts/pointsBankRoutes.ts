import { z } from 'zod'
import { ClientId, defineRoute, Id } from './common'
import {
  Budget,
  CheckReport,
  Month,
  MyPoints,
  NewShopItem,
  PassbookPage,
  Points,
  PointsSettings,
  Redemption,
  ResidentMatch,
  ShopItemInput,
  ShopItemView,
  TransferId,
  TransferKind,
  TransferView,
} from './pointsBank'

/* The points bank's routes (contracts/pointsBank.ts has the schemas). */
const community = z.object({ communityId: Id })
const optionalCommunity = z.object({ communityId: Id.optional() })
const admin = ['auth.required', 'auth.forbidden', 'community.notFound'] as const
const Reason = z.string().trim().min(1, '请填写原因').max(100, '原因最多100个字')
const PickupCode = z.object({ code: z.string().trim().min(1, '请输入领取码').max(120, '领取码格式不正确') })

export const getMyPoints = defineRoute({
  operationId: 'getMyPoints',
  method: 'GET',
  path: '/me/points',
  summary: '我的积分：余额、将到期的积分、社区的积分规则（默认本人房屋所在社区）',
  auth: 'user',
  query: optionalCommunity,
  response: MyPoints,
  errors: ['auth.required', 'points.notResident', 'community.notFound'],
})

export const getMyPassbook = defineRoute({
  operationId: 'getMyPassbook',
  method: 'GET',
  path: '/me/points/entries',
  summary: '积分存折：每一笔记录（日期、事由、来源、结余），新的在前，分页',
  auth: 'user',
  query: optionalCommunity.extend({
    before: z.coerce.number().int().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  }),
  response: PassbookPage,
  errors: ['auth.required', 'points.notResident', 'community.notFound'],
})

export const getPointsStaff = defineRoute({
  operationId: 'getPointsStaff',
  method: 'GET',
  path: '/me/points/staff',
  summary: '我在哪些社区做积分银行的工作：核销、积分发放、台账、管理',
  auth: 'user',
  response: z.object({
    items: z.array(
      z.object({
        communityId: Id,
        communityName: z.string(),
        pickup: z.boolean(),
        award: z.boolean(),
        ledger: z.boolean(),
        admin: z.boolean(),
      }),
    ),
  }),
  errors: ['auth.required'],
})

export const getPointsSettings = defineRoute({
  operationId: 'getPointsSettings',
  method: 'GET',
  path: '/communities/{communityId}/points-settings',
  summary: '社区的积分规则与有效期设置',
  auth: 'user',
  params: community,
  response: PointsSettings,
  errors: ['auth.required', 'community.notFound'],
})

export const putPointsSettings = defineRoute({
  operationId: 'putPointsSettings',
  method: 'PUT',
  path: '/communities/{communityId}/points-settings',
  summary: '社区管理员设置积分规则（固定分值、每人每日/每月上限、可发放的角色）与是否过期',
  auth: 'user',
  params: community,
  body: PointsSettings,
  response: PointsSettings,
  errors: [...admin],
})

export const findResidents = defineRoute({
  operationId: 'findResidents',
  method: 'GET',
  path: '/communities/{communityId}/points/residents',
  summary: '按姓名或房号查找居民（积分发放），只在本人可发放的范围内',
  auth: 'user',
  params: community,
  query: z.object({ q: z.string().trim().min(1, '请输入姓名或房号').max(20), buildingId: Id.optional() }),
  response: z.object({ items: z.array(ResidentMatch) }),
  errors: [...admin, 'building.notFound'],
})

export const awardPoints = defineRoute({
  operationId: 'awardPoints',
  method: 'POST',
  path: '/communities/{communityId}/points/awards',
  summary: '按规则为居民发放积分（从积分池支付；同一 awardId 只发一次）',
  auth: 'user',
  params: community,
  body: z.object({ awardId: ClientId, ruleId: z.string().min(1).max(32), userId: Id }),
  response: z.object({ transfer: TransferView, balance: z.number().int(), repeated: z.boolean() }),
  status: 201,
  errors: [
    ...admin,
    'points.ruleNotFound',
    'points.notResident',
    'points.capReached',
    'points.budgetSpent',
    'request.idConflict',
    'user.notFound',
  ],
})

export const getBudget = defineRoute({
  operationId: 'getBudget',
  method: 'GET',
  path: '/communities/{communityId}/points/budget',
  summary: '积分预算：已投入、池中余额、居民持有、超市收回、已过期，以及充值记录',
  auth: 'user',
  params: community,
  response: Budget,
  errors: [...admin],
})

export const topUpBudget = defineRoute({
  operationId: 'topUpBudget',
  method: 'POST',
  path: '/communities/{communityId}/points/top-ups',
  summary: '社区管理员为积分池充值（记一笔转账；同一 topUpId 只记一次）',
  auth: 'user',
  params: community,
  body: z.object({ topUpId: ClientId, amount: Points.max(10_000_000), reason: Reason }),
  response: Budget,
  status: 201,
  errors: [...admin],
})

export const listTransfers = defineRoute({
  operationId: 'listTransfers',
  method: 'GET',
  path: '/communities/{communityId}/points/transfers',
  summary: '积分台账：社区某月的每笔转账，可按类型筛选，新的在前，分页',
  auth: 'user',
  params: community,
  query: z.object({ month: Month, kind: TransferKind.optional(), cursor: z.string().max(600).optional() }),
  response: z.object({ items: z.array(TransferView), next: z.string().optional() }),
  errors: [...admin, 'cursor.invalid'],
})

export const reverseTransfer = defineRoute({
  operationId: 'reverseTransfer',
  method: 'POST',
  path: '/communities/{communityId}/points/transfers/{transferId}/reversal',
  summary: '冲正：以一笔反向记录更正错误（注明原因与经办人；原记录保留）',
  auth: 'user',
  params: community.extend({ transferId: TransferId }),
  body: z.object({ reason: Reason }),
  response: TransferView,
  status: 201,
  errors: [...admin, 'points.transferNotFound', 'points.notReversible', 'points.insufficient'],
})

export const getAccountEntries = defineRoute({
  operationId: 'getAccountEntries',
  method: 'GET',
  path: '/communities/{communityId}/points/accounts/{userId}/entries',
  summary: '某位居民的积分存折（工作人员查账）',
  auth: 'user',
  params: community.extend({ userId: Id }),
  query: z.object({
    before: z.coerce.number().int().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  }),
  response: PassbookPage,
  errors: [...admin],
})

export const getChecks = defineRoute({
  operationId: 'getChecks',
  method: 'GET',
  path: '/communities/{communityId}/points/checks',
  summary: '最近一次对账与防篡改校验的结果（每日自动运行）',
  auth: 'user',
  params: community,
  response: z.object({ latest: CheckReport.optional(), nextScheduledAt: z.string().optional() }),
  errors: [...admin],
})

export const runChecks = defineRoute({
  operationId: 'runChecks',
  method: 'POST',
  path: '/communities/{communityId}/points/checks',
  summary: '立即对账并校验每个账户的哈希链：列出每处差异和第一处断链',
  auth: 'user',
  params: community,
  response: CheckReport,
  errors: [...admin],
})

export const listShopItems = defineRoute({
  operationId: 'listShopItems',
  method: 'GET',
  path: '/communities/{communityId}/shop-items',
  summary: '积分超市的商品（居民看在架的；管理员加 all=true 看全部）',
  auth: 'user',
  params: community,
  query: z.object({ all: z.enum(['true', 'false']).optional() }),
  response: z.object({ items: z.array(ShopItemView), balance: z.number().int().optional() }),
  errors: ['auth.required', 'auth.forbidden', 'community.notFound'],
})

export const createShopItem = defineRoute({
  operationId: 'createShopItem',
  method: 'POST',
  path: '/communities/{communityId}/shop-items',
  summary: '上架商品或服务（照片、价格、库存、每人限兑、兑换时间、捐赠单位）',
  auth: 'user',
  params: community,
  body: NewShopItem,
  response: ShopItemView,
  status: 201,
  errors: [...admin, 'upload.missing', 'request.idConflict'],
})

export const updateShopItem = defineRoute({
  operationId: 'updateShopItem',
  method: 'PUT',
  path: '/shop-items/{itemId}',
  summary: '修改商品信息（库存另行调整）',
  auth: 'user',
  params: z.object({ itemId: Id }),
  body: ShopItemInput,
  response: ShopItemView,
  errors: ['auth.required', 'auth.forbidden', 'shop.itemNotFound', 'upload.missing'],
})

export const adjustStock = defineRoute({
  operationId: 'adjustStock',
  method: 'POST',
  path: '/shop-items/{itemId}/stock',
  summary: '补货或减少库存（记录原因；同一 changeId 只记一次）',
  auth: 'user',
  params: z.object({ itemId: Id }),
  body: z.object({
    changeId: ClientId,
    delta: z
      .number()
      .int('数量须为整数')
      .min(-100_000)
      .max(100_000)
      .refine((d) => d !== 0, '数量不能为0'),
    reason: Reason,
  }),
  response: ShopItemView,
  errors: ['auth.required', 'auth.forbidden', 'shop.itemNotFound', 'shop.stockTooLow', 'request.idConflict'],
})

export const redeemItem = defineRoute({
  operationId: 'redeemItem',
  method: 'POST',
  path: '/shop-items/{itemId}/redemptions',
  summary: '兑换：积分与库存在同一事务中扣减，发放领取码；同一 redemptionId 重复提交返回第一次的结果',
  auth: 'user',
  params: z.object({ itemId: Id }),
  body: z.object({ redemptionId: ClientId }),
  response: Redemption,
  status: 201,
  errors: [
    'auth.required',
    'shop.itemNotFound',
    'shop.itemInactive',
    'shop.soldOut',
    'shop.limitReached',
    'points.insufficient',
    'points.notResident',
    'request.idConflict',
  ],
})

export const listMyRedemptions = defineRoute({
  operationId: 'listMyRedemptions',
  method: 'GET',
  path: '/me/redemptions',
  summary: '我的兑换，新的在前',
  auth: 'user',
  query: optionalCommunity,
  response: z.object({ items: z.array(Redemption) }),
  errors: ['auth.required', 'points.notResident', 'community.notFound'],
})

export const getRedemption = defineRoute({
  operationId: 'getRedemption',
  method: 'GET',
  path: '/redemptions/{redemptionId}',
  summary: '一次兑换（本人可见领取码）',
  auth: 'user',
  params: z.object({ redemptionId: Id }),
  response: Redemption,
  errors: ['auth.required', 'redemption.notFound'],
})

export const cancelRedemption = defineRoute({
  operationId: 'cancelRedemption',
  method: 'POST',
  path: '/redemptions/{redemptionId}/cancel',
  summary: '领取前取消兑换：积分与库存以反向记录退回',
  auth: 'user',
  params: z.object({ redemptionId: Id }),
  response: Redemption,
  errors: ['auth.required', 'redemption.notFound', 'redemption.notReady'],
})

export const lookupPickup = defineRoute({
  operationId: 'lookupPickup',
  method: 'POST',
  path: '/communities/{communityId}/pickups/lookup',
  summary: '工作人员扫码或输入6位领取码：看要发放什么、发给谁',
  auth: 'user',
  params: community,
  body: PickupCode,
  response: Redemption,
  errors: [...admin, 'pickup.invalid', 'pickup.tooManyAttempts'],
})

export const fulfilRedemption = defineRoute({
  operationId: 'fulfilRedemption',
  method: 'POST',
  path: '/redemptions/{redemptionId}/fulfil',
  summary: '核销：确认已发放（只成功一次，两台手机同时确认也只有一次）',
  auth: 'user',
  params: z.object({ redemptionId: Id }),
  body: PickupCode,
  response: Redemption,
  errors: [
    'auth.required',
    'auth.forbidden',
    'pickup.invalid',
    'pickup.tooManyAttempts',
    'redemption.fulfilled',
    'redemption.notReady',
    'redemption.expired',
  ],
})

export const pointsBankRoutes = {
  getMyPoints,
  getMyPassbook,
  getPointsStaff,
  getPointsSettings,
  putPointsSettings,
  findResidents,
  awardPoints,
  getBudget,
  topUpBudget,
  listTransfers,
  reverseTransfer,
  getAccountEntries,
  getChecks,
  runChecks,
  listShopItems,
  createShopItem,
  updateShopItem,
  adjustStock,
  redeemItem,
  listMyRedemptions,
  getRedemption,
  cancelRedemption,
  lookupPickup,
  fulfilRedemption,
}

export const printPassbook = defineRoute({
  operationId: 'printPassbook',
  method: 'GET',
  path: '/me/points/passbook-print',
  summary: '打印积分存折（PDF，中文，全部记录）',
  auth: 'user',
  query: optionalCommunity,
  response: z.any(),
  binary: 'application/pdf',
  errors: ['auth.required', 'points.notResident', 'community.notFound', 'print.fontMissing'],
})

export const exportTransfers = defineRoute({
  operationId: 'exportTransfers',
  method: 'GET',
  path: '/communities/{communityId}/points/transfers-export',
  summary: '导出积分台账（Excel .xlsx，某月，可按类型筛选）',
  auth: 'user',
  params: community,
  query: z.object({ month: Month, kind: TransferKind.optional() }),
  response: z.any(),
  binary: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  errors: [...admin],
})

/** Served by a function of their own, the only one carrying pdfkit and the spreadsheet writer. */
export const pointsExportRoutes = { printPassbook, exportTransfers }
