import { uploadRoutes } from '../../../contracts/uploads'
import { createUpload } from '../domain/uploads/uploads'
import { httpHandler, implement } from '../http/router'

export const routes = implement(uploadRoutes, {
  createUpload: ({ body }, ctx) => createUpload(ctx.deps, ctx, body),
})
export const handler = httpHandler(routes)
