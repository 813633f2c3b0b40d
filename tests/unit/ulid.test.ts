import { describe, expect, it } from 'vitest'
import { ClientId } from '../../contracts/common'
import { encodeTime, ulid } from '../../miniprogram/src/lib/ulid'

describe('client-made ids (the mini-program’s ULIDs for idempotent creates)', () => {
  it('are what the contract accepts: 26 characters of Crockford base32', () => {
    for (let i = 0; i < 200; i++) {
      const id = ulid(Date.now(), () => Math.floor(Math.random() * 32))
      expect(ClientId.safeParse(id).success).toBe(true)
    }
    // The extremes of the random part (all 0s, all 31s) stay inside the alphabet.
    expect(ClientId.safeParse(ulid(0, () => 0)).success).toBe(true)
    expect(ClientId.safeParse(ulid(2 ** 48 - 1, () => 31)).success).toBe(true)
  })

  it('start with the time, so later ids sort after earlier ones', () => {
    expect(encodeTime(0)).toBe('0000000000')
    expect(encodeTime(2 ** 48 - 1)).toBe('7ZZZZZZZZZ')
    const t = Date.parse('2025-11-23T08:00:00Z')
    expect(encodeTime(t) < encodeTime(t + 1)).toBe(true)
    expect(ulid(t, () => 31) < ulid(t + 1, () => 0)).toBe(true)
  })

  it('differ from each other when the random part does', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => ulid(Date.now(), () => Math.floor(Math.random() * 32))))
    expect(ids.size).toBe(1000)
  })
})
