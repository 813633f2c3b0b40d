import { pointsBankRoutes } from '../../../contracts/pointsBankRoutes'
import { pointsStaff } from '../domain/pointsBank/access'
import { awardPoints } from '../domain/pointsBank/award'
import { accountEntries, getBudget, listTransfers, reverseTransfer, topUpBudget } from '../domain/pointsBank/budget'
import { getChecks, runChecks } from '../domain/pointsBank/checks'
import { getMyPassbook, getMyPoints } from '../domain/pointsBank/passbook'
import {
  cancelRedemption,
  fulfilRedemption,
  getRedemption,
  listMyRedemptions,
  lookupPickup,
} from '../domain/pointsBank/pickup'
import { redeemItem } from '../domain/pointsBank/redeem'
import { findResidents } from '../domain/pointsBank/residents'
import { getPointsSettings, putPointsSettings } from '../domain/pointsBank/settings'
import { adjustStock, createShopItem, listShopItems, updateShopItem } from '../domain/pointsBank/shop'
import { httpHandler, implement } from '../http/router'

export const routes = implement(pointsBankRoutes, {
  getMyPoints: ({ query }, ctx) => getMyPoints(ctx.deps, ctx, query),
  getMyPassbook: ({ query }, ctx) => getMyPassbook(ctx.deps, ctx, query),
  getPointsStaff: (_, ctx) => pointsStaff(ctx.deps, ctx),
  getPointsSettings: ({ params }, { deps }) => getPointsSettings(deps, params),
  putPointsSettings: ({ params, body }, ctx) =>
    putPointsSettings(ctx.deps, ctx, { communityId: params.communityId, settings: body }),
  findResidents: ({ params, query }, ctx) => findResidents(ctx.deps, ctx, { ...params, ...query }),
  awardPoints: ({ params, body }, ctx) => awardPoints(ctx.deps, ctx, { ...params, ...body }),
  getBudget: ({ params }, ctx) => getBudget(ctx.deps, ctx, params),
  topUpBudget: ({ params, body }, ctx) => topUpBudget(ctx.deps, ctx, { ...params, ...body }),
  listTransfers: ({ params, query }, ctx) => listTransfers(ctx.deps, ctx, { ...params, ...query }),
  reverseTransfer: ({ params, body }, ctx) => reverseTransfer(ctx.deps, ctx, { ...params, ...body }),
  getAccountEntries: ({ params, query }, ctx) => accountEntries(ctx.deps, ctx, { ...params, ...query }),
  getChecks: ({ params }, ctx) => getChecks(ctx.deps, ctx, params),
  runChecks: ({ params }, ctx) => runChecks(ctx.deps, ctx, params),
  listShopItems: ({ params, query }, ctx) => listShopItems(ctx.deps, ctx, { ...params, all: query.all === 'true' }),
  createShopItem: ({ params, body }, ctx) => createShopItem(ctx.deps, ctx, { ...params, ...body }),
  updateShopItem: ({ params, body }, ctx) => updateShopItem(ctx.deps, ctx, { ...params, ...body }),
  adjustStock: ({ params, body }, ctx) => adjustStock(ctx.deps, ctx, { ...params, ...body }),
  redeemItem: ({ params, body }, ctx) => redeemItem(ctx.deps, ctx, { ...params, ...body }),
  listMyRedemptions: ({ query }, ctx) => listMyRedemptions(ctx.deps, ctx, query),
  getRedemption: ({ params }, ctx) => getRedemption(ctx.deps, ctx, params),
  cancelRedemption: ({ params }, ctx) => cancelRedemption(ctx.deps, ctx, params),
  lookupPickup: ({ params, body }, ctx) => lookupPickup(ctx.deps, ctx, { ...params, ...body }),
  fulfilRedemption: ({ params, body }, ctx) => fulfilRedemption(ctx.deps, ctx, { ...params, ...body }),
})
export const handler = httpHandler(routes)
