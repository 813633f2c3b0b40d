import { ulid } from '../lib/ulid'

/*
 * Client-made ids for idempotent creates (POST /matters `matterId`, POST /matters/{id}/comments `commentId`). A
 * form makes one when it opens and sends the same one on every retry, so a double tap or a retry after a timeout
 * gets the first result back, never a twin.
 *
 * WeChat has no `crypto` global: randomness comes from wx.getRandomValues (asynchronous, so it fills a small pool
 * ahead of use), or crypto.getRandomValues where a browser has it, mixed with Math.random, which is the fallback
 * while neither has delivered. The id only has to be unique, not secret: the server checks who may create what.
 */

const pool: number[] = []
let filling = false

/** Tops the pool up from the platform's secure source, when it has one. Never throws. */
const refill = (): void => {
  if (pool.length >= 64) return
  try {
    if (typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function') {
      pool.push(...crypto.getRandomValues(new Uint8Array(64)))
      return
    }
    if (typeof wx !== 'undefined' && typeof wx.getRandomValues === 'function' && !filling) {
      filling = true
      wx.getRandomValues({
        length: 64,
        success: (res) => {
          pool.push(...new Uint8Array(res.randomValues))
          filling = false
        },
        fail: () => {
          filling = false
        },
      })
    }
  } catch {
    filling = false
  }
}

/** 0–31: a pooled secure byte (when there is one) mixed with Math.random. */
const random32 = (): number => {
  const fallback = Math.floor(Math.random() * 32)
  const secure = pool.shift()
  return secure === undefined ? fallback : (secure ^ fallback) & 31
}

/** A new ULID for a create the client is about to submit. */
export const newClientId = (): string => {
  const id = ulid(Date.now(), random32)
  refill()
  return id
}

refill()
