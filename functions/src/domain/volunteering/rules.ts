import type { CreditRule } from '../../../../contracts/volunteering'

/*
 * The pure rules of volunteering: how long a presence is credited, how far a phone is from the activity, which
 * Beijing day, month, quarter and year a service falls in. No reads, no clock: everything comes in as arguments.
 */

const MINUTE = 60_000

export interface CreditInput {
  window: { startAt: string; endAt: string }
  /** Check-in; check-out, or none (a missed check-out closes at the scheduled end). */
  presence: { in: string; out?: string }
  rule: CreditRule
  /** Minutes already credited to the volunteer on the same Beijing day by other activities. */
  alreadyThatDay: number
}

export interface Credit {
  minutes: number
  /** Why the figure is what it is, for the organiser's list and the record (提前到达, 未签退, 不足到岗比例…). */
  notes: string[]
  /** The check-out was missing: the presence was closed at the scheduled end, never later. */
  missed: boolean
}

/**
 * Credited time follows the rule, never a typed number: the overlap of the presence with the activity's window,
 * none at all below the attendance share the community sets, rounded down to the community's unit, and at most
 * what the daily cap leaves for that day.
 */
export const creditedMinutes = ({ window, presence, rule, alreadyThatDay }: CreditInput): Credit => {
  const start = Date.parse(window.startAt)
  const end = Date.parse(window.endAt)
  const inAt = Date.parse(presence.in)
  const missed = presence.out === undefined
  const outAt = missed ? end : Date.parse(presence.out!)
  const notes: string[] = []
  if (inAt < start) notes.push('提前到达，从活动开始时计')
  if (!missed && outAt > end) notes.push('超时离开，计至活动结束')
  if (missed) notes.push('未签退，按活动结束时间计（待确认）')
  const overlap = Math.max(0, Math.min(outAt, end) - Math.max(inAt, start)) / MINUTE
  const length = (end - start) / MINUTE
  if (length <= 0 || overlap < rule.attendanceShare * length) {
    notes.push(`在场不足活动时长的${Math.round(rule.attendanceShare * 100)}%，不计时长`)
    return { minutes: 0, notes, missed }
  }
  const rounded = Math.floor(overlap / rule.unitMinutes) * rule.unitMinutes
  if (rounded < overlap) notes.push(`按${rule.unitMinutes}分钟向下取整`)
  const left = Math.max(0, rule.dailyCapHours * 60 - alreadyThatDay)
  // The cap is counted in whole units too, so a day never ends on a fraction of the unit.
  const capped = Math.min(rounded, Math.floor(left / rule.unitMinutes) * rule.unitMinutes)
  if (capped < rounded) notes.push(`已达每日上限${rule.dailyCapHours}小时`)
  return { minutes: capped, notes, missed }
}

/** Whole points for credited minutes: the hours times the points per hour, rounded down. */
export const pointsFor = (minutes: number, pointsPerHour: number) => Math.floor((minutes * pointsPerHour) / 60)

/** Hours as people read them: 2, 2.5, 0.25. */
export const hoursText = (minutes: number) => `${Math.round((minutes / 60) * 100) / 100}小时`

/** Great-circle distance in metres (gcj02 points are close enough to a sphere for a radius of tens of metres). */
export const distanceMetres = (
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
) => {
  const rad = (d: number) => (d * Math.PI) / 180
  const dLat = rad(b.latitude - a.latitude)
  const dLng = rad(b.longitude - a.longitude)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** The Beijing calendar date of an instant (`2026-11-24`): services are counted by the day people lived them. */
export const beijingDate = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10)

/** The periods a Beijing date lies in: its month `2026-11`, quarter `2026-Q4`, year `2026`. */
export const periodsOf = (date: string): { month: string; quarter: string; year: string } => {
  const year = date.slice(0, 4)
  const month = Number(date.slice(5, 7))
  return { month: date.slice(0, 7), quarter: `${year}-Q${Math.ceil(month / 3)}`, year }
}

/** The months inside a period (a month is itself), for the chart and for reading records month by month. */
export const monthsOf = (period: string): string[] => {
  const year = period.slice(0, 4)
  const mm = (m: number) => `${year}-${String(m).padStart(2, '0')}`
  if (/^\d{4}-\d{2}$/.test(period)) return [period]
  const q = /^\d{4}-Q([1-4])$/.exec(period)
  if (q) return [1, 2, 3].map((i) => mm((Number(q[1]) - 1) * 3 + i))
  return Array.from({ length: 12 }, (_, i) => mm(i + 1))
}

/** The period's label in Chinese: 2026年11月, 2026年第4季度, 2026年. */
export const periodLabel = (period: string) => {
  const q = /^(\d{4})-Q([1-4])$/.exec(period)
  if (q) return `${q[1]}年第${q[2]}季度`
  const m = /^(\d{4})-(\d{2})$/.exec(period)
  if (m) return `${m[1]}年${Number(m[2])}月`
  return `${period}年`
}

/** The share of a count in a base, when there is a base to speak of. */
export const rate = (part: number, base: number | undefined) =>
  base && base > 0 ? Math.round((part / base) * 1000) / 1000 : undefined
