import { afterEach, describe, expect, it } from 'vitest'
import { beijingClock, beijingDate, beijingInstant, formatDate, formatTime } from '../../miniprogram/src/lib/time'

describe('times a resident reads are Beijing time, whatever zone the phone is in', () => {
  const zone = process.env.TZ
  afterEach(() => {
    process.env.TZ = zone
  })

  it('shows an instant on the Beijing clock in any phone zone', () => {
    const now = Date.parse('2025-06-01T00:00:00Z')
    for (const tz of ['UTC', 'America/New_York', 'Asia/Shanghai', 'Pacific/Auckland']) {
      process.env.TZ = tz
      // 23:30 UTC is 07:30 the next morning in Beijing.
      expect(formatTime('2025-11-23T23:30:00Z', now)).toBe('11月24日 07:30')
      expect(formatTime('2024-12-31T16:00:00.000Z', now)).toBe('1月1日 00:00')
      expect(beijingDate(Date.parse('2025-11-23T16:00:00Z'))).toBe('2025-11-24')
      expect(beijingClock(Date.parse('2025-11-23T12:05:00Z'))).toBe('20:05')
      expect(beijingInstant('2025-11-26', '20:00')).toBe('2025-11-26T12:00:00.000Z')
    }
  })

  it('names the year only when it is not this year, and leaves what it cannot read as it was', () => {
    const now = Date.parse('2025-06-01T00:00:00Z')
    expect(formatTime('2024-03-05T01:02:00Z', now)).toBe('2024年3月5日 09:02')
    expect(formatTime('not a time', now)).toBe('not a time')
    expect(formatDate('2025-11-23')).toBe('2025年11月23日')
    expect(beijingInstant('2025-13-40', '20:00')).toBe('')
  })
})
