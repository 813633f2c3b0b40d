import { z } from 'zod'
import { ClientId, Id, Role } from './common'
import { PhotoKey } from './uploads'

/*
 * The points bank (积分银行): the resident's points account and passbook (积分存折), the community's earning
 * rules, budget and ledger (积分台账), and the points shop (积分超市) with redemptions and their pickup codes.
 * Every movement is a transfer of the shared ledger; no route sets a balance.
 */

/** Whole points, more than zero: a balance only ever moves by whole points. */
export const Points = z
  .number({ invalid_type_error: '积分须为数字' })
  .int('积分须为整数')
  .positive('积分须大于0')
  .max(1_000_000, '积分数额过大')
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-05')
/** A ledger transfer's key, e.g. `award:01J…`, `redeem:01J…`. */
export const TransferId = z.string().regex(/^[0-9A-Za-z_:-]{1,120}$/, '记录编号格式不正确')

export const transferKinds = ['topUp', 'earn', 'redeem', 'refund', 'expire', 'reverse'] as const
export const TransferKind = z.enum(transferKinds)
export const transferKindLabels: Record<z.infer<typeof TransferKind>, string> = {
  topUp: '预算充值',
  earn: '获得积分',
  redeem: '兑换商品',
  refund: '兑换退回',
  expire: '积分到期',
  reverse: '冲正',
}

export const Period = z.enum(['day', 'month', 'year'])
export type Period = z.infer<typeof Period>
export const periodLabels: Record<Period, string> = { day: '每天', month: '每月', year: '每年' }

/** A reward the community defines (参加议事 +2, 楼道清理 +5): a fixed amount, an optional cap per resident, who may award it. */
export const EarningRule = z.object({
  ruleId: z.string().regex(/^[0-9A-Za-z-]{1,32}$/, '规则编号格式不正确'),
  name: z.string().trim().min(1, '请填写规则名称').max(20, '规则名称最多20个字'),
  amount: Points.max(1000, '单次奖励最多1000分'),
  /** At most `times` awards of this rule per resident per day or month. */
  cap: z.object({ period: z.enum(['day', 'month']), times: z.number().int().min(1).max(100) }).optional(),
  /** Roles that may award it, each within the part of the community it covers (a grid worker: their grid). */
  awardRoles: z.array(Role).min(1, '请至少选择一种可发放的角色'),
  active: z.boolean(),
})
export type EarningRule = z.infer<typeof EarningRule>

export const expiryPolicies = ['none', 'endOfNextYear'] as const
export const ExpiryPolicy = z.enum(expiryPolicies)
export const expiryLabels: Record<z.infer<typeof ExpiryPolicy>, string> = {
  none: '积分长期有效',
  endOfNextYear: '积分在获得当年及次年有效，次年12月31日24时过期',
}

export const PointsSettings = z.object({
  expiry: ExpiryPolicy,
  rules: z
    .array(EarningRule)
    .max(30)
    .superRefine((rules, ctx) => {
      const ids = new Set<string>()
      const names = new Set<string>()
      rules.forEach((r, i) => {
        if (ids.has(r.ruleId)) ctx.addIssue({ code: 'custom', path: [i, 'ruleId'], message: '规则编号重复' })
        if (names.has(r.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `规则「${r.name}」重复` })
        ids.add(r.ruleId)
        names.add(r.name)
      })
    }),
})
export type PointsSettings = z.infer<typeof PointsSettings>

export const PassbookEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  kind: TransferKind,
  delta: z.number().int(),
  /** The running balance after this entry. */
  balanceAfter: z.number().int(),
  reason: z.string(),
  source: z.object({ kind: z.string(), label: z.string() }),
  by: z.string(),
  transferId: z.string(),
})
export const PassbookPage = z.object({ items: z.array(PassbookEntry), next: z.number().int().optional() })

export const MyPoints = z.object({
  communityId: Id,
  communityName: z.string(),
  balance: z.number().int(),
  expiry: ExpiryPolicy,
  /** Under expiry: what goes at the next year's start unless spent. */
  expiring: z.object({ amount: z.number().int(), at: z.string() }).optional(),
  rules: z.array(EarningRule.pick({ ruleId: true, name: true, amount: true, cap: true })),
})

export const TransferView = z.object({
  transferId: z.string(),
  at: z.string(),
  kind: TransferKind,
  reason: z.string(),
  source: z.object({ kind: z.string(), id: z.string(), label: z.string() }),
  by: z.object({ userId: z.string(), name: z.string() }),
  legs: z.array(z.object({ account: z.string(), label: z.string(), delta: z.number().int() })),
  reverses: z.string().optional(),
  /** The community admin may correct it with a reversing entry (earnings and top-ups not yet reversed). */
  reversible: z.boolean(),
})
export type TransferView = z.infer<typeof TransferView>

export const Budget = z.object({
  communityId: Id,
  /** Every point ever put into the pool (the budget's top-ups). */
  issued: z.number().int(),
  pool: z.number().int(),
  residents: z.number().int(),
  shop: z.number().int(),
  expired: z.number().int(),
  residentAccounts: z.number().int(),
  topUps: z.array(TransferView),
})

export const shopItemKinds = ['goods', 'service'] as const
const ItemFields = z.object({
  name: z.string().trim().min(1, '请填写商品名称').max(30, '名称最多30个字'),
  description: z.string().trim().max(300, '说明最多300个字').default(''),
  kind: z.enum(shopItemKinds),
  photoKey: PhotoKey.optional(),
  price: Points.max(100_000, '价格最多100000分'),
  /** At most `count` per resident per period (e.g. 2 a month). */
  limit: z.object({ count: z.number().int().min(1).max(100), period: Period }).optional(),
  activeFrom: z.string().datetime({ offset: true }).optional(),
  activeUntil: z.string().datetime({ offset: true }).optional(),
  /** The 共建单位 that gave it. */
  donor: z.string().trim().max(40).optional(),
  pickupPlace: z.string().trim().min(1, '请填写领取地点').max(40),
  /** Days a pickup code stays valid (until 24:00 Beijing time of the last day). */
  pickupDays: z.number().int().min(1).max(60),
  /** The admin is told when the stock falls to this. */
  lowStockAt: z.number().int().min(0).max(10_000).default(0),
  active: z.boolean().default(true),
})
const windowOrdered = (i: { activeFrom?: string; activeUntil?: string }) =>
  !i.activeFrom || !i.activeUntil || i.activeFrom < i.activeUntil
export const ShopItemInput = ItemFields.refine(windowOrdered, {
  message: '结束时间须晚于开始时间',
  path: ['activeUntil'],
})
export const NewShopItem = ItemFields.extend({ itemId: ClientId, stock: z.number().int().min(0).max(100_000) }).refine(
  windowOrdered,
  {
    message: '结束时间须晚于开始时间',
    path: ['activeUntil'],
  },
)

export const itemStates = ['available', 'soldOut', 'notYet', 'ended', 'offShelf'] as const
export const itemStateLabels: Record<(typeof itemStates)[number], string> = {
  available: '可兑换',
  soldOut: '已兑完',
  notYet: '未开始',
  ended: '已结束',
  offShelf: '已下架',
}
export const ShopItemView = ItemFields.extend({
  itemId: Id,
  communityId: Id,
  stock: z.number().int(),
  photo: z.object({ key: z.string(), url: z.string() }).optional(),
  state: z.enum(itemStates),
  /** The caller's own limit this period, where the item has one. */
  mine: z.object({ used: z.number().int(), remaining: z.number().int() }).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type ShopItemView = z.infer<typeof ShopItemView>

export const redemptionStates = ['ready', 'fulfilled', 'cancelled', 'expired'] as const
export const RedemptionState = z.enum(redemptionStates)
export const redemptionStateLabels: Record<z.infer<typeof RedemptionState>, string> = {
  ready: '待领取',
  fulfilled: '已领取',
  cancelled: '已取消',
  expired: '已过期',
}
export const Redemption = z.object({
  redemptionId: Id,
  communityId: Id,
  itemId: Id,
  itemName: z.string(),
  itemKind: z.enum(shopItemKinds),
  price: z.number().int(),
  pickupPlace: z.string(),
  photo: z.object({ key: z.string(), url: z.string() }).optional(),
  state: RedemptionState,
  createdAt: z.string(),
  /** The pickup code is valid until then. */
  deadline: z.string(),
  settledAt: z.string().optional(),
  resident: z.object({ userId: Id, name: z.string(), household: z.string().optional() }),
  fulfilledBy: z.string().optional(),
  /** Only for the resident, while it waits: the 6 digits to read out and the text the QR carries. */
  pickup: z.object({ code: z.string(), qr: z.string() }).optional(),
  /** What the caller may do now. */
  can: z.array(z.enum(['cancel', 'fulfil'])),
})
export type Redemption = z.infer<typeof Redemption>

export const CheckReport = z.object({
  communityId: Id,
  checkedAt: z.string(),
  trigger: z.enum(['scheduled', 'admin', 'command']),
  accounts: z.number().int(),
  entries: z.number().int(),
  /** The community's balances sum to zero (double entry). */
  sum: z.number().int(),
  balanced: z.boolean(),
  /** 对账: each cached balance against the sum of its entries. */
  reconciliation: z.object({
    ok: z.boolean(),
    discrepancies: z.array(
      z.object({
        account: z.string(),
        label: z.string(),
        cached: z.number().int(),
        fromEntries: z.number().int(),
        problems: z.array(z.string()),
      }),
    ),
  }),
  /** 防篡改校验: each account's hash chain, and its first broken link. */
  chain: z.object({
    ok: z.boolean(),
    broken: z.array(z.object({ account: z.string(), label: z.string(), seq: z.number().int(), problem: z.string() })),
  }),
})
export type CheckReport = z.infer<typeof CheckReport>

export const ResidentMatch = z.object({
  userId: Id,
  name: z.string(),
  household: z.string(),
  balance: z.number().int(),
})
