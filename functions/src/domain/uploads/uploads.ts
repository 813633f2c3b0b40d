import type { ErrorDetail } from '../../../../contracts/errors'
import type { Actor } from '../identity/actor'
import { fail } from '../shared/errors'
import type { PhotoStore, UploadDeps } from './ports'

const extensions: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }

/** A photo goes straight from the phone to object storage; the API only signs the upload, under the user's prefix. */
export const createUpload = async (
  deps: UploadDeps,
  actor: Actor,
  input: { contentType: 'image/jpeg' | 'image/png' | 'image/webp'; size: number },
) => {
  const key = `uploads/${actor.principal.userId}/${deps.newId()}.${extensions[input.contentType]}`
  const { url, headers } = await deps.photos.presignUpload(key, input.contentType, input.size)
  return { key, uploadUrl: url, method: 'PUT' as const, headers }
}

/** Every photo a writer attaches must be one they uploaded themselves, and it must have arrived. */
export const checkPhotos = async (
  deps: { photos: PhotoStore },
  actor: Actor,
  keys: string[],
  field = 'body.photoKeys',
) => {
  for (const key of keys) {
    const detail: ErrorDetail = {
      path: field,
      message: key.startsWith(`uploads/${actor.principal.userId}/`) ? key : '只能使用自己上传的照片',
    }
    if (!key.startsWith(`uploads/${actor.principal.userId}/`) || !(await deps.photos.exists(key)))
      fail('upload.missing', [detail])
  }
}

/** Presigned GETs for showing photos. */
export const photoViews = (deps: { photos: PhotoStore }, keys: string[]) =>
  Promise.all(keys.map(async (key) => ({ key, url: await deps.photos.viewUrl(key) })))
