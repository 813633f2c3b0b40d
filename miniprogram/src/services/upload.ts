import Taro from '@tarojs/taro'
import { createUpload } from './api/uploads'
import { IS_H5 } from './env'
import { ApiError } from './http'

type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp'

/** The contract's limit (createUpload): at most 5 MB a photo. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024

const typeFromName = (name: string): PhotoType | undefined => {
  const ext = /\.(\w+)(?:\?|$)/.exec(name)?.[1]?.toLowerCase()
  if (ext === 'jpg' || ext === 'jpeg') return 'image/jpeg'
  if (ext === 'png') return 'image/png'
  if (ext === 'webp') return 'image/webp'
  return undefined
}

const asPhotoType = (type: string | undefined): PhotoType | undefined =>
  type === 'image/jpeg' || type === 'image/png' || type === 'image/webp'
    ? type
    : type === 'image/jpg'
      ? 'image/jpeg'
      : undefined

const unsupported = () => new ApiError('upload.type', '仅支持 JPG、PNG、WebP 格式的照片', 0)
const tooBig = () => new ApiError('upload.size', '照片不能超过 5 MB', 0)
const putFailed = () => new ApiError('upload.put', '照片上传失败，请重试', 0)

/** The bytes of a chosen photo: WeChat reads the temp file; H5's chooseImage gives a blob: URL. */
const readPhoto = async (path: string): Promise<{ bytes: ArrayBuffer | Blob; size: number; type: PhotoType }> => {
  if (IS_H5) {
    const blob = await (await fetch(path)).blob()
    const type = asPhotoType(blob.type) ?? typeFromName(path)
    if (!type) throw unsupported()
    return { bytes: blob, size: blob.size, type }
  }
  const type = typeFromName(path)
  if (!type) throw unsupported()
  const data = await new Promise<ArrayBuffer>((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: path,
      success: (res) => resolve(res.data as ArrayBuffer),
      fail: () => reject(new ApiError('upload.read', '读取照片失败，请重新选择', 0)),
    })
  })
  return { bytes: data, size: data.byteLength, type }
}

/** H5: XMLHttpRequest rather than fetch, for the upload progress. */
const putH5 = (url: string, headers: Record<string, string>, body: Blob, onProgress: (share: number) => void) =>
  new Promise<void>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('PUT', url)
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v)
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total)
    }
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(putFailed()))
    xhr.onerror = () => reject(putFailed())
    xhr.send(body)
  })

/**
 * Uploads one chosen photo: asks the API for a presigned URL (createUpload), PUTs the bytes straight to the
 * object store, and returns the key the proposal or report then names in `photoKeys`.
 */
export async function uploadPhoto(path: string, onProgress: (share: number) => void = () => {}): Promise<string> {
  const photo = await readPhoto(path)
  if (photo.size > MAX_PHOTO_BYTES) throw tooBig()
  const upload = await createUpload({ contentType: photo.type, size: photo.size })
  onProgress(0.05)
  if (IS_H5) {
    await putH5(upload.uploadUrl, upload.headers, photo.bytes as Blob, onProgress)
  } else {
    let res: Taro.request.SuccessCallbackResult
    try {
      res = await Taro.request({
        url: upload.uploadUrl,
        method: 'PUT',
        header: upload.headers,
        data: photo.bytes,
        responseType: 'text',
        dataType: '其他',
      })
    } catch {
      throw putFailed()
    }
    if (res.statusCode < 200 || res.statusCode >= 300) throw putFailed()
  }
  onProgress(1)
  return upload.key
}
