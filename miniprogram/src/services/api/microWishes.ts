import {
  claimWish as claimWishRoute,
  communityWishWall as communityWishWallRoute,
  confirmWish as confirmWishRoute,
  decideDispute as decideDisputeRoute,
  disputeWish as disputeWishRoute,
  fulfilWish as fulfilWishRoute,
  getWish as getWishRoute,
  getWishSettings as getWishSettingsRoute,
  gridWishWall as gridWishWallRoute,
  listMyClaims as listMyClaimsRoute,
  listMyWishes as listMyWishesRoute,
  postWish as postWishRoute,
  releaseWish as releaseWishRoute,
  reviseWish as reviseWishRoute,
  thankWish as thankWishRoute,
  vetWish as vetWishRoute,
  wishFigures as wishFiguresRoute,
  wishQueue as wishQueueRoute,
  withdrawWish as withdrawWishRoute,
} from '@contracts/microWishes'
import type { RouteBody, RouteQuery } from '@contracts/common'
import { bodySchema, call } from '../http'

/* Micro-wishes (微心愿): typed calls built from contracts/microWishes.ts. */

export const getWishSettings = (communityId: string) => call(getWishSettingsRoute, { params: { communityId } })

export type WishInput = RouteBody<typeof postWishRoute>
/** `wishId`: made once per form (services/clientId.ts), so a retried post makes one wish. */
export const postWish = (body: WishInput) => call(postWishRoute, { body })
export const wishBodySchema = bodySchema(postWishRoute)
export type WishRevision = RouteBody<typeof reviseWishRoute>
export const reviseWish = (wishId: string, body: WishRevision) => call(reviseWishRoute, { params: { wishId }, body })
export const revisionBodySchema = bodySchema(reviseWishRoute)

export const getWish = (wishId: string) => call(getWishRoute, { params: { wishId } })
export const listMyWishes = () => call(listMyWishesRoute, {})
export const listMyClaims = (communityId?: string) =>
  call(listMyClaimsRoute, { query: communityId ? { communityId } : {} })
export const wishQueue = () => call(wishQueueRoute, {})
export const wishFigures = (communityId: string) => call(wishFiguresRoute, { params: { communityId } })

export type WallQuery = RouteQuery<typeof gridWishWallRoute>
export const wishWall = (scope: { gridId?: string; communityId?: string }, query: WallQuery) =>
  scope.gridId
    ? call(gridWishWallRoute, { params: { gridId: scope.gridId }, query })
    : call(communityWishWallRoute, { params: { communityId: scope.communityId ?? '' }, query })

export type VetInput = RouteBody<typeof vetWishRoute>
export const vetWish = (wishId: string, body: VetInput) => call(vetWishRoute, { params: { wishId }, body })
export const vetBodySchema = bodySchema(vetWishRoute)

export const claimWish = (wishId: string) => call(claimWishRoute, { params: { wishId } })
export const releaseWish = (wishId: string, reason?: string) =>
  call(releaseWishRoute, { params: { wishId }, body: reason ? { reason } : {} })
export const withdrawWish = (wishId: string, reason?: string) =>
  call(withdrawWishRoute, { params: { wishId }, body: reason ? { reason } : {} })
export type FulfilInput = RouteBody<typeof fulfilWishRoute>
export const fulfilWish = (wishId: string, body: FulfilInput) => call(fulfilWishRoute, { params: { wishId }, body })
export const fulfilBodySchema = bodySchema(fulfilWishRoute)
export const confirmWish = (wishId: string, thanks?: string) =>
  call(confirmWishRoute, { params: { wishId }, body: thanks ? { thanks } : {} })
export const thankWish = (wishId: string, text: string) => call(thankWishRoute, { params: { wishId }, body: { text } })
export const disputeWish = (wishId: string, reason: string) =>
  call(disputeWishRoute, { params: { wishId }, body: { reason } })
export type DecisionInput = RouteBody<typeof decideDisputeRoute>
export const decideDispute = (wishId: string, body: DecisionInput) =>
  call(decideDisputeRoute, { params: { wishId }, body })
