import * as r from '@contracts/pointsBankRoutes'
import type { RouteBody, RouteQuery } from '@contracts/common'
import { bodySchema, call } from '../http'

/* The points bank's calls, typed from contracts/pointsBankRoutes.ts. */
export const getMyPoints = (communityId?: string) => call(r.getMyPoints, { query: { communityId } })
export const getMyPassbook = (query: RouteQuery<typeof r.getMyPassbook>) => call(r.getMyPassbook, { query })
export const getPointsSettings = (communityId: string) => call(r.getPointsSettings, { params: { communityId } })
export const putPointsSettings = (communityId: string, body: RouteBody<typeof r.putPointsSettings>) =>
  call(r.putPointsSettings, { params: { communityId }, body })
export const pointsSettingsSchema = bodySchema(r.putPointsSettings)

export const findResidents = (communityId: string, q: string) =>
  call(r.findResidents, { params: { communityId }, query: { q } })
/** `awardId`: made once per award sheet (services/clientId.ts), so a retried tap awards once. */
export const awardPoints = (communityId: string, body: RouteBody<typeof r.awardPoints>) =>
  call(r.awardPoints, { params: { communityId }, body })

export const getBudget = (communityId: string) => call(r.getBudget, { params: { communityId } })
export const topUpBudget = (communityId: string, body: RouteBody<typeof r.topUpBudget>) =>
  call(r.topUpBudget, { params: { communityId }, body })
export const topUpSchema = bodySchema(r.topUpBudget)
export const listTransfers = (communityId: string, query: RouteQuery<typeof r.listTransfers>) =>
  call(r.listTransfers, { params: { communityId }, query })
export const reverseTransfer = (communityId: string, transferId: string, reason: string) =>
  call(r.reverseTransfer, { params: { communityId, transferId }, body: { reason } })
export const getChecks = (communityId: string) => call(r.getChecks, { params: { communityId } })
export const runChecks = (communityId: string) => call(r.runChecks, { params: { communityId } })

export const listShopItems = (communityId: string, all = false) =>
  call(r.listShopItems, { params: { communityId }, query: all ? { all: 'true' } : {} })
export type NewItemInput = RouteBody<typeof r.createShopItem>
export const createShopItem = (communityId: string, body: NewItemInput) =>
  call(r.createShopItem, { params: { communityId }, body })
export const newItemSchema = bodySchema(r.createShopItem)
export const updateShopItem = (itemId: string, body: RouteBody<typeof r.updateShopItem>) =>
  call(r.updateShopItem, { params: { itemId }, body })
export const adjustStock = (itemId: string, body: RouteBody<typeof r.adjustStock>) =>
  call(r.adjustStock, { params: { itemId }, body })

export const redeemItem = (itemId: string, redemptionId: string) =>
  call(r.redeemItem, { params: { itemId }, body: { redemptionId } })
export const listMyRedemptions = (communityId?: string) => call(r.listMyRedemptions, { query: { communityId } })
export const getRedemption = (redemptionId: string) => call(r.getRedemption, { params: { redemptionId } })
export const cancelRedemption = (redemptionId: string) => call(r.cancelRedemption, { params: { redemptionId } })
export const lookupPickup = (communityId: string, code: string) =>
  call(r.lookupPickup, { params: { communityId }, body: { code } })
export const fulfilRedemption = (redemptionId: string, code: string) =>
  call(r.fulfilRedemption, { params: { redemptionId }, body: { code } })

/** The binary routes (PDF, .xlsx) are opened as files, not parsed: their URLs. */
export const passbookPrintPath = (communityId?: string) =>
  `${r.printPassbook.path}${communityId ? `?communityId=${communityId}` : ''}`
export const transfersExportPath = (communityId: string, month: string, kind?: string) =>
  `${r.exportTransfers.path.replace('{communityId}', communityId)}?month=${month}${kind ? `&kind=${kind}` : ''}`
export const getPointsStaff = () => call(r.getPointsStaff, {})
