import { moderationRoutes } from '../../../contracts/moderation'
import { deliberationContent } from '../domain/deliberation/content'
import { wishContentSource } from '../domain/microWishes/content'
import {
  decideContent,
  getModerationSettings,
  moderationDecisions,
  moderationQueue,
  putModerationSettings,
} from '../domain/moderation/decisions'
import type { ContentSources } from '../domain/moderation/ports'
import { answerPushCheck, receivePush } from '../domain/moderation/push'
import { reportContent } from '../domain/moderation/reports'
import { httpHandler, implement } from '../http/router'

/** What residents can report, by where they saw it; each capability that shows reportable content adds its source here. */
const sources: ContentSources = { matter: deliberationContent, wish: wishContentSource }

/** WeChat reads the answer to its pushes as plain text. */
const text = (value: string) => ({
  binary: Buffer.from(value, 'utf8'),
  contentType: 'text/plain; charset=utf-8',
  filename: 'reply.txt',
})

export const routes = implement(moderationRoutes, {
  reportContent: ({ body }, ctx) => reportContent(ctx.deps, sources, ctx, body),
  moderationQueue: ({ params }, ctx) => moderationQueue(ctx.deps, ctx, params),
  decideContent: ({ body }, ctx) => decideContent(ctx.deps, ctx, body),
  moderationDecisions: async ({ params }, ctx) => ({ items: await moderationDecisions(ctx.deps, ctx, params) }),
  getModerationSettings: ({ params }, { deps }) => getModerationSettings(deps, params),
  putModerationSettings: ({ params, body }, ctx) =>
    putModerationSettings(ctx.deps, ctx, { communityId: params.communityId, settings: body }),
  verifyWechatPush: async ({ query }, { deps }) => text(answerPushCheck(deps, query)),
  receiveWechatPush: async ({ query, body }, { deps }) => text(await receivePush(deps, query, body)),
})
export const handler = httpHandler(routes)
