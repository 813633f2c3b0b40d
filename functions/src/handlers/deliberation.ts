import { deliberationRoutes } from '../../../contracts/deliberation'
import { addComment, castVote, listComments, openPoll } from '../domain/deliberation/consult'
import { rateMatter } from '../domain/deliberation/evaluate'
import { proposeMatter, reviseMatter, secondMatter, withdrawMatter } from '../domain/deliberation/propose'
import { recordResolution, reportDone } from '../domain/deliberation/resolve'
import { answerEscalation, reviewMatter, reviewQueue } from '../domain/deliberation/review'
import { getSettings, putSettings } from '../domain/deliberation/settings'
import { getMatter, listMatters, listNotifications } from '../domain/deliberation/view'
import { httpHandler, implement, type AuthedContext } from '../http/router'

/** A transition answers with the matter as the caller now sees it. */
const thenShow = async (ctx: AuthedContext, changed: Promise<{ matterId: string } | string>) => {
  const moved = await changed
  return getMatter(ctx.deps, ctx, { matterId: typeof moved === 'string' ? moved : moved.matterId })
}

export const routes = implement(deliberationRoutes, {
  getDeliberationSettings: ({ params }, { deps }) => getSettings(deps, params),
  putDeliberationSettings: ({ params, body }, ctx) =>
    putSettings(ctx.deps, ctx, { communityId: params.communityId, settings: body }),
  proposeMatter: ({ body }, ctx) => thenShow(ctx, proposeMatter(ctx.deps, ctx, body)),
  listMatters: ({ query }, ctx) => listMatters(ctx.deps, ctx, query),
  getMatter: ({ params }, ctx) => getMatter(ctx.deps, ctx, params),
  secondMatter: ({ params }, ctx) => thenShow(ctx, secondMatter(ctx.deps, ctx, params)),
  withdrawMatter: ({ params, body }, ctx) => thenShow(ctx, withdrawMatter(ctx.deps, ctx, { ...params, ...body })),
  reviseMatter: ({ params, body }, ctx) => thenShow(ctx, reviseMatter(ctx.deps, ctx, { ...params, ...body })),
  reviewQueue: async ({ params }, ctx) => ({ items: await reviewQueue(ctx.deps, ctx, params) }),
  reviewMatter: ({ params, body }, ctx) => thenShow(ctx, reviewMatter(ctx.deps, ctx, { ...params, ...body })),
  answerEscalation: ({ params, body }, ctx) => thenShow(ctx, answerEscalation(ctx.deps, ctx, { ...params, ...body })),
  listComments: async ({ params }, ctx) => ({ items: await listComments(ctx.deps, ctx, params) }),
  addComment: ({ params, body }, ctx) => addComment(ctx.deps, ctx, { ...params, ...body }),
  openPoll: ({ params, body }, ctx) => thenShow(ctx, openPoll(ctx.deps, ctx, { ...params, ...body })),
  castVote: ({ params, body }, ctx) => castVote(ctx.deps, ctx, { ...params, ...body }),
  recordResolution: ({ params, body }, ctx) => thenShow(ctx, recordResolution(ctx.deps, ctx, { ...params, ...body })),
  reportDone: ({ params, body }, ctx) => thenShow(ctx, reportDone(ctx.deps, ctx, { ...params, ...body })),
  rateMatter: ({ params, body }, ctx) => rateMatter(ctx.deps, ctx, { ...params, ...body }),
  listMatterNotifications: async ({ params }, ctx) => ({ items: await listNotifications(ctx.deps, ctx, params) }),
})
export const handler = httpHandler(routes)
