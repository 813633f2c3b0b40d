import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import type { PhotoStore } from '../domain/uploads/ports'
import type { Config } from '../config'

/**
 * Photos go from the phone straight to S3 with a presigned PUT; the API stores only keys and hands out
 * presigned GETs. Locally the same code talks to the s3rver stand-in that `npm start` runs.
 */
export const s3PhotoStore = (config: Config): PhotoStore => {
  const client = new S3Client(
    config.s3Endpoint
      ? {
          endpoint: config.s3Endpoint,
          forcePathStyle: true,
          region: 'ap-east-1',
          credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
        }
      : {},
  )
  const Bucket = config.photoBucket
  return {
    async presignUpload(key, contentType, size) {
      const url = await getSignedUrl(
        client,
        new PutObjectCommand({ Bucket, Key: key, ContentType: contentType, ContentLength: size }),
        { expiresIn: 600 },
      )
      return { url, headers: { 'content-type': contentType } }
    },
    async exists(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: key }))
        return true
      } catch (error) {
        const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
        if (status === 404 || status === 403 || (error as { name?: string }).name === 'NotFound') return false
        throw error
      }
    },
    viewUrl(key) {
      return getSignedUrl(client, new GetObjectCommand({ Bucket, Key: key }), { expiresIn: 3600 })
    },
  }
}
