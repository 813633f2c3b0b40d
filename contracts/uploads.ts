import { z } from 'zod'
import { defineRoute } from './common'

/** A photo uploaded by its writer: `uploads/<user>/<ulid>.<ext>`. Proposals, reports, wishes and shop items carry these. */
export const PhotoKey = z
  .string()
  .regex(/^uploads\/[0-9A-Z]{26}\/[0-9A-Z]{26}\.(jpg|png|webp)$/, '图片无效，请重新上传')

export const createUpload = defineRoute({
  operationId: 'createUpload',
  method: 'POST',
  path: '/uploads',
  summary: '申请上传一张照片：返回直传对象存储的预签名地址（最大 5 MB）',
  auth: 'user',
  status: 201,
  body: z.object({
    contentType: z.enum(['image/jpeg', 'image/png', 'image/webp']),
    size: z
      .number()
      .int()
      .min(1)
      .max(5 * 1024 * 1024),
  }),
  response: z.object({ key: PhotoKey, uploadUrl: z.string(), method: z.literal('PUT'), headers: z.record(z.string()) }),
  errors: ['auth.required'],
})

export const uploadRoutes = { createUpload }
