import type { Activity } from '@contracts/volunteering'
import { formatTime } from '../../../lib/time'

/** Hours as people read them: 2小时, 1.5小时, 0.02小时. */
export const hours = (minutes: number) => `${Math.round((minutes / 60) * 100) / 100}小时`

/** 「11月28日 09:00–11:00」, the day once when start and end fall on it. */
export const timeRange = (a: Pick<Activity, 'startAt' | 'endAt'>) => {
  const start = formatTime(a.startAt)
  const end = formatTime(a.endAt)
  const [day, clock] = end.split(' ')
  return start.startsWith(`${day} `) ? `${start}–${clock}` : `${start} 至 ${end}`
}

/** What the caller's own sign-up is, in words. */
export const myStateLabel = (me: Activity['me']) =>
  me.state === 'placed'
    ? me.checkOutAt
      ? '已签退'
      : me.checkInAt
        ? '已签到'
        : '已报名'
    : me.state === 'waiting'
      ? `候补第${me.position}位`
      : ''

/** The current quarter in Beijing, as the API names periods: 2026-Q4. */
export const currentQuarter = (ms = Date.now()) => {
  const d = new Date(ms + 8 * 3600_000)
  return `${d.getUTCFullYear()}-Q${Math.ceil((d.getUTCMonth() + 1) / 3)}`
}
