import { useCallback, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import type { ContentModeration } from '@contracts/moderation'
import { messageOf } from '../services/http'
import { uploadPhoto } from '../services/upload'
import { a11y, hidden } from '../lib/a11y'
import './photos.scss'

export interface PhotoItem {
  id: string
  /** What the thumbnail shows: the local file while uploading, the stored photo's URL for one already saved. */
  src: string
  /** The local file, kept for a retry. */
  path?: string
  key?: string
  state: 'uploading' | 'done' | 'failed'
  progress: number
  error?: string
}

let seq = 0

/**
 * Photos for a form (up to `max`): each chosen photo uploads at once through a presigned URL; a failed one
 * stays with its error and a retry; the form sends the keys of the uploaded ones.
 */
export function usePhotos(max = 9, initial: { key: string; url: string }[] = []) {
  const [items, setItems] = useState<PhotoItem[]>(() =>
    initial.map((p) => ({ id: `p${++seq}`, src: p.url, key: p.key, state: 'done', progress: 1 })),
  )
  const itemsRef = useRef(items)
  itemsRef.current = items

  const patch = useCallback((id: string, change: Partial<PhotoItem>) => {
    setItems((all) => all.map((p) => (p.id === id ? { ...p, ...change } : p)))
  }, [])

  const start = useCallback(
    (id: string, path: string) => {
      patch(id, { state: 'uploading', progress: 0, error: undefined })
      uploadPhoto(path, (progress) => patch(id, { progress })).then(
        (key) => patch(id, { key, state: 'done', progress: 1 }),
        (e: unknown) => patch(id, { state: 'failed', error: messageOf(e) }),
      )
    },
    [patch],
  )

  const add = useCallback(async () => {
    const room = max - itemsRef.current.length
    if (room <= 0) {
      void Taro.showToast({ title: `最多${max}张照片`, icon: 'none' })
      return
    }
    let paths: string[]
    try {
      const res = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      paths = res.tempFilePaths.slice(0, room)
    } catch {
      return // the user closed the picker
    }
    const added = paths.map((path): PhotoItem => ({
      id: `p${++seq}`,
      src: path,
      path,
      state: 'uploading',
      progress: 0,
    }))
    setItems((all) => [...all, ...added])
    for (const p of added) start(p.id, p.path!)
  }, [max, start])

  const remove = useCallback((id: string) => setItems((all) => all.filter((p) => p.id !== id)), [])
  const retry = useCallback(
    (id: string) => {
      const p = itemsRef.current.find((i) => i.id === id)
      if (p?.path) start(id, p.path)
    },
    [start],
  )

  const keys = items.flatMap((p) => (p.state === 'done' && p.key ? [p.key] : []))
  const uploading = items.some((p) => p.state === 'uploading')
  const failed = items.some((p) => p.state === 'failed')
  return { items, add, remove, retry, keys, uploading, failed, max }
}

export type Photos = ReturnType<typeof usePhotos>

const stateText = (p: PhotoItem) =>
  p.state === 'uploading' ? `上传中 ${Math.round(p.progress * 100)}%` : p.state === 'failed' ? '上传失败' : ''

/** The thumbnails with their upload state, a remove button each, and the add tile. Classes: `<prefix>-photo`, `<prefix>-photo-add`. */
export function PhotoField({ photos, prefix }: { photos: Photos; prefix: string }) {
  return (
    <View className="photos">
      {photos.items.map((p) => (
        <View key={p.id} className={`photos__item ${prefix}-photo is-${p.state}`} data-state={p.state}>
          <Image className="photos__img" src={p.src} mode="aspectFill" />
          {p.state !== 'done' && (
            <View className="photos__mask">
              <Text className="photos__state">{stateText(p)}</Text>
              {p.state === 'failed' && (
                <View
                  className={`photos__retry ${prefix}-photo-retry`}
                  {...a11y('button', { label: '重新上传这张照片' })}
                  onClick={() => photos.retry(p.id)}
                >
                  重试
                </View>
              )}
            </View>
          )}
          <View
            className={`photos__remove ${prefix}-photo-remove`}
            {...a11y('button', { label: '删除这张照片' })}
            onClick={() => photos.remove(p.id)}
          >
            ×
          </View>
        </View>
      ))}
      {photos.items.length < photos.max && (
        <View
          className={`photos__add ${prefix}-photo-add`}
          {...a11y('button', { label: `添加照片，已选${photos.items.length}张，最多${photos.max}张` })}
          onClick={() => void photos.add()}
        >
          <Text className="photos__plus" {...hidden()}>
            +
          </Text>
          <Text className="photos__count">
            {photos.items.length}/{photos.max}
          </Text>
        </View>
      )}
      {photos.items
        .filter((p) => p.state === 'failed' && p.error)
        .slice(0, 1)
        .map((p) => (
          <Text key={p.id} className={`field-error ${prefix}-photo-error photos__error`}>
            {p.error}
          </Text>
        ))}
    </View>
  )
}

/**
 * Photos already stored, shown as thumbnails that open full screen. A held one (its writer's, or for the staff) says so
 * under it; `onReport` puts 举报 under each of the others (content safety, components/moderation.tsx).
 */
export function PhotoList({
  photos,
  className,
  onReport,
}: {
  photos: { key: string; url: string; moderation?: ContentModeration }[]
  className: string
  onReport?: (key: string) => void
}) {
  if (photos.length === 0) return null
  const urls = photos.map((p) => p.url)
  return (
    <View className="photos">
      {photos.map((p) => (
        <View
          key={p.key}
          className={`photos__item ${className}`}
          {...a11y('button', { label: '查看大图' })}
          onClick={() => void Taro.previewImage({ current: p.url, urls })}
        >
          <Image className="photos__img" src={p.url} mode="aspectFill" />
          {p.moderation && <Text className="photos__held photo-moderation">{p.moderation.label}</Text>}
          {onReport && !p.moderation && (
            <View
              className="photos__report photo-report"
              {...a11y('button', { label: '举报这张照片' })}
              onClick={(e) => {
                e.stopPropagation()
                onReport(p.key)
              }}
            >
              举报
            </View>
          )}
        </View>
      ))}
    </View>
  )
}
