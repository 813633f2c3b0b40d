import { microWishRoutes } from '../../../contracts/microWishes'
import { claimWish, releaseWish } from '../domain/microWishes/claim'
import { wishFigures } from '../domain/microWishes/figures'
import { confirmWish, decideDispute, disputeWish, fulfilWish, thankWish } from '../domain/microWishes/fulfil'
import { postWish, reviseWish, withdrawWish } from '../domain/microWishes/post'
import { getWishSettings, putWishSettings } from '../domain/microWishes/settings'
import { vetWish } from '../domain/microWishes/vet'
import { getWish, listMyClaims, listMyWishes, wishQueue } from '../domain/microWishes/view'
import { communityWall, gridWall } from '../domain/microWishes/wall'
import { httpHandler, implement, type AuthedContext } from '../http/router'

/** A change answers with the wish as the caller now sees it. */
const thenShow = async (ctx: AuthedContext, changed: Promise<{ wishId: string }>) =>
  getWish(ctx.deps, ctx, { wishId: (await changed).wishId })

export const routes = implement(microWishRoutes, {
  getWishSettings: ({ params }, { deps }) => getWishSettings(deps, params),
  putWishSettings: ({ params, body }, ctx) =>
    putWishSettings(ctx.deps, ctx, { communityId: params.communityId, settings: body }),
  postWish: ({ body }, ctx) => thenShow(ctx, postWish(ctx.deps, ctx, body)),
  reviseWish: ({ params, body }, ctx) => thenShow(ctx, reviseWish(ctx.deps, ctx, { ...params, ...body })),
  getWish: ({ params }, ctx) => getWish(ctx.deps, ctx, params),
  listMyWishes: (_input, ctx) => listMyWishes(ctx.deps, ctx),
  listMyClaims: ({ query }, ctx) => listMyClaims(ctx.deps, ctx, query),
  gridWishWall: ({ params, query }, { deps }) => gridWall(deps, { ...params, ...query }),
  communityWishWall: ({ params, query }, { deps }) => communityWall(deps, { ...params, ...query }),
  wishQueue: (_input, ctx) => wishQueue(ctx.deps, ctx),
  vetWish: ({ params, body }, ctx) => thenShow(ctx, vetWish(ctx.deps, ctx, { ...params, ...body })),
  claimWish: ({ params }, ctx) => thenShow(ctx, claimWish(ctx.deps, ctx, params)),
  releaseWish: ({ params, body }, ctx) => thenShow(ctx, releaseWish(ctx.deps, ctx, { ...params, ...body })),
  fulfilWish: ({ params, body }, ctx) => thenShow(ctx, fulfilWish(ctx.deps, ctx, { ...params, ...body })),
  confirmWish: ({ params, body }, ctx) => thenShow(ctx, confirmWish(ctx.deps, ctx, { ...params, ...body })),
  thankWish: ({ params, body }, ctx) => thenShow(ctx, thankWish(ctx.deps, ctx, { ...params, ...body })),
  disputeWish: ({ params, body }, ctx) => thenShow(ctx, disputeWish(ctx.deps, ctx, { ...params, ...body })),
  decideDispute: ({ params, body }, ctx) => thenShow(ctx, decideDispute(ctx.deps, ctx, { ...params, ...body })),
  withdrawWish: ({ params, body }, ctx) => thenShow(ctx, withdrawWish(ctx.deps, ctx, { ...params, ...body })),
  wishFigures: ({ params }, ctx) => wishFigures(ctx.deps, ctx, params),
})
export const handler = httpHandler(routes)
