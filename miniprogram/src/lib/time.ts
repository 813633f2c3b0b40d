/*
 * Every time a resident reads is Beijing time (UTC+8, no daylight saving), whatever zone the phone is set to:
 * the matters, polls and deadlines are the community's, not the phone's. The API speaks ISO instants; these
 * turn them into Beijing wall-clock text and back. China has kept UTC+8 all year since 1991.
 */

const OFFSET_MS = 8 * 3600 * 1000
const pad = (n: number) => String(n).padStart(2, '0')

/** The Beijing wall clock of an instant, read through the UTC getters of a shifted Date. */
const beijing = (ms: number) => {
  const d = new Date(ms + OFFSET_MS)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  }
}

/** 「11月23日 16:05」, with the year in front when it is not this year's (Beijing). An unreadable value comes back as it was. */
export const formatTime = (iso: string, now: number = Date.now()): string => {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return iso
  const t = beijing(ms)
  const year = t.year === beijing(now).year ? '' : `${t.year}年`
  return `${year}${t.month}月${t.day}日 ${pad(t.hour)}:${pad(t.minute)}`
}

/** A calendar date (2025-11-23, a due date: no zone) as 2025年11月23日. */
export const formatDate = (date: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date)
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date
}

/** Today's date in Beijing as 2025-11-23 (a date picker's value), for an instant (now by default). */
export const beijingDate = (ms: number = Date.now()): string => {
  const t = beijing(ms)
  return `${t.year}-${pad(t.month)}-${pad(t.day)}`
}

/** The Beijing time of day as 20:00 (a time picker's value). */
export const beijingClock = (ms: number = Date.now()): string => {
  const t = beijing(ms)
  return `${pad(t.hour)}:${pad(t.minute)}`
}

/** 2025-11-26 + 20:00 read as Beijing wall-clock time → the ISO instant the API wants ('' when unreadable). */
export const beijingInstant = (date: string, clock: string): string => {
  const ms = Date.parse(`${date}T${clock}:00+08:00`)
  return Number.isNaN(ms) ? '' : new Date(ms).toISOString()
}
