import type { RouteBody } from '@contracts/common'
import { createUpload as createUploadRoute } from '@contracts/uploads'
import { call } from '../http'

/** A presigned PUT for one photo (proposals, reports, wishes, shop items). */
export const createUpload = (body: RouteBody<typeof createUploadRoute>) => call(createUploadRoute, { body })
