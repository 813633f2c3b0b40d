export interface PhotoStore {
  /** A presigned PUT for one photo under the user's prefix. */
  presignUpload(
    key: string,
    contentType: string,
    size: number,
  ): Promise<{ url: string; headers: Record<string, string> }>
  exists(key: string): Promise<boolean>
  /** A presigned GET for showing a photo. */
  viewUrl(key: string): Promise<string>
}

export interface UploadDeps {
  photos: PhotoStore
  newId: () => string
}
