import { describe, expect, it } from 'vitest'
import { activityStatuses } from '../../contracts/volunteering'
import { ALL_SHARDS, recordCounters, scopesOf } from '../../functions/src/domain/volunteering/counters'
import type { ActivityRecord, ServiceRecordRecord } from '../../functions/src/domain/volunteering/model'
import {
  beijingDate,
  creditedMinutes,
  distanceMetres,
  monthsOf,
  periodsOf,
  pointsFor,
} from '../../functions/src/domain/volunteering/rules'
import { checkSiteCode, signSiteCode, windowAt } from '../../functions/src/domain/volunteering/siteCode'
import {
  allowedFrom,
  guard,
  possibleActions,
  statusAt,
  type Facts,
} from '../../functions/src/domain/volunteering/states'

/* The pure rules of volunteering, with no storage: crediting, the site code, the state table, the counters. */

const window = { startAt: '2026-11-28T01:00:00.000Z', endAt: '2026-11-28T03:00:00.000Z' } // 09:00–11:00 Beijing
const rule = { unitMinutes: 30, attendanceShare: 0.6, dailyCapHours: 8 }
const at = (hhmm: string) => `2026-11-28T${hhmm}:00.000Z`
const credit = (inAt: string, out?: string, alreadyThatDay = 0) =>
  creditedMinutes({ window, presence: { in: at(inAt), ...(out ? { out: at(out) } : {}) }, rule, alreadyThatDay })

describe('credited time', () => {
  it('counts an early arrival from the start and a late departure to the end', () => {
    expect(credit('00:30', '03:00')).toMatchObject({ minutes: 120, notes: ['提前到达，从活动开始时计'] })
    expect(credit('01:00', '04:10')).toMatchObject({ minutes: 120, notes: ['超时离开，计至活动结束'] })
  })
  it('closes a missed check-out at the scheduled end, never later, and says so', () => {
    expect(credit('01:10')).toMatchObject({
      minutes: 90,
      missed: true,
      notes: expect.arrayContaining(['未签退，按活动结束时间计（待确认）']),
    })
  })
  it('credits nothing below the attendance share, and rounds down to the unit above it', () => {
    expect(credit('02:00', '02:40').minutes).toBe(0) // 40 of 120 minutes
    expect(credit('01:00', '02:11').minutes).toBe(0) // 71 minutes: just under 60%
    expect(credit('01:00', '02:12').minutes).toBe(60) // 72 minutes: 60%, rounded down to an hour
    expect(credit('01:01', '03:00').minutes).toBe(90) // 119 minutes → 90
    expect(
      creditedMinutes({
        window,
        presence: { in: at('01:00'), out: at('03:00') },
        rule: { ...rule, unitMinutes: 15 },
        alreadyThatDay: 0,
      }).minutes,
    ).toBe(120)
  })
  it('keeps the day within the daily cap, counted in whole units', () => {
    expect(credit('01:00', '03:00', 7 * 60).minutes).toBe(60)
    expect(credit('01:00', '03:00', 7 * 60 + 20).minutes).toBe(30)
    expect(credit('01:00', '03:00', 8 * 60)).toMatchObject({ minutes: 0, notes: ['已达每日上限8小时'] })
  })
  it('turns minutes into whole points, rounding down', () => {
    expect(pointsFor(90, 5)).toBe(7)
    expect(pointsFor(120, 10)).toBe(20)
    expect(pointsFor(30, 0)).toBe(0)
  })
})

describe('places and periods', () => {
  it('measures metres between two points', () => {
    expect(
      Math.round(
        distanceMetres({ latitude: 22.5431, longitude: 114.0579 }, { latitude: 22.5435, longitude: 114.0579 }),
      ),
    ).toBe(44)
    expect(distanceMetres({ latitude: 22.5431, longitude: 114.0579 }, { latitude: 22.5431, longitude: 114.0579 })).toBe(
      0,
    )
  })
  it('dates a service by the Beijing day, and finds its month, quarter and year', () => {
    expect(beijingDate('2026-12-31T16:30:00.000Z')).toBe('2027-01-01')
    expect(periodsOf('2026-11-28')).toEqual({ month: '2026-11', quarter: '2026-Q4', year: '2026' })
    expect(monthsOf('2026-Q4')).toEqual(['2026-10', '2026-11', '2026-12'])
    expect(monthsOf('2026')).toHaveLength(12)
    expect(monthsOf('2026-03')).toEqual(['2026-03'])
  })
})

describe('the on-site code', () => {
  const secret = 'k'
  const now = new Date('2026-11-28T01:00:10.000Z')
  const w = windowAt(now)
  it('accepts the current and the previous 30-second window only', () => {
    expect(checkSiteCode(secret, 'A1', signSiteCode(secret, 'A1', w), now)).toBe('ok')
    expect(checkSiteCode(secret, 'A1', signSiteCode(secret, 'A1', w - 1), now)).toBe('ok')
    expect(checkSiteCode(secret, 'A1', signSiteCode(secret, 'A1', w - 2), now)).toBe('expired')
    expect(checkSiteCode(secret, 'A1', signSiteCode(secret, 'A1', w + 1), now)).toBe('expired')
  })
  it('tells another activity’s code from a forged one', () => {
    expect(checkSiteCode(secret, 'A1', signSiteCode(secret, 'B2', w), now)).toBe('wrongActivity')
    expect(checkSiteCode(secret, 'A1', signSiteCode('other', 'A1', w), now)).toBe('badCode')
    expect(checkSiteCode(secret, 'A1', `GLV1.A1.${w}.`, now)).toBe('badCode')
    expect(checkSiteCode(secret, 'A1', 'hello', now)).toBe('badCode')
    expect(
      checkSiteCode(secret, 'A1', `https://x/#/p?site=${encodeURIComponent(signSiteCode(secret, 'A1', w))}`, now),
    ).toBe('ok')
  })
})

const activity = (over: Partial<ActivityRecord> = {}): ActivityRecord =>
  ({
    activityId: 'A1',
    startAt: window.startAt,
    endAt: window.endAt,
    signUpDeadline: '2026-11-28T00:20:00.000Z',
    capacity: 2,
    audience: 'members',
    phase: 'open',
    placedIds: [],
    waitingIds: [],
    ...over,
  }) as ActivityRecord
const facts = (over: Partial<Facts> = {}): Facts => ({
  manages: false,
  registered: 'member',
  elsewhere: false,
  state: 'none',
  checkedIn: false,
  checkedOut: false,
  now: new Date(at('00:00')),
  ...over,
})

describe('the activity’s state table', () => {
  it('moves with the clock and the places left', () => {
    expect(statusAt(activity(), new Date(at('00:00')))).toBe('open')
    expect(statusAt(activity({ placedIds: ['x', 'y'] }), new Date(at('00:00')))).toBe('full')
    expect(statusAt(activity(), new Date(at('01:30')))).toBe('ongoing')
    expect(statusAt(activity({ phase: 'ongoing' }), new Date(at('03:00')))).toBe('ended')
    expect(statusAt(activity({ phase: 'confirmed' }), new Date(at('00:00')))).toBe('confirmed')
  })
  it('gives each attempt one code, in the order who, status, time, done', () => {
    const a = activity()
    expect(guard('signUp', a, facts({ registered: undefined }))).toBe('volunteer.notRegistered')
    expect(guard('signUp', a, facts({ registered: undefined, elsewhere: true }))).toBe('volunteer.otherCommunity')
    expect(guard('signUp', a, facts({ registered: 'volunteer' }))).toBe('volunteer.membersOnly')
    expect(guard('signUp', a, facts({ now: new Date(at('00:30')) }))).toBe('activity.signUpClosed')
    expect(guard('checkIn', a, facts({ state: 'waiting', now: new Date(at('01:10')) }))).toBe('checkin.notSignedUp')
    expect(guard('checkIn', a, facts({ state: 'placed', now: new Date(at('23:00').replace('28', '27')) }))).toBe(
      'checkin.notOpen',
    )
    expect(guard('checkOut', a, facts({ state: 'placed', now: new Date(at('01:10')) }))).toBe('checkin.notCheckedIn')
    expect(guard('confirm', a, facts({ now: new Date(at('03:10')) }))).toBe('auth.forbidden')
    expect(guard('confirm', a, facts({ manages: true, now: new Date(at('02:10')) }))).toBe('activity.wrongStatus')
    expect(guard('confirm', a, facts({ manages: true, now: new Date(at('03:10')) }))).toBeUndefined()
  })
  it('offers exactly what may be done now, and each action only from the statuses the table names', () => {
    expect(possibleActions(activity(), facts())).toEqual(['signUp'])
    expect(
      possibleActions(activity({ placedIds: ['me'] }), facts({ state: 'placed', now: new Date(at('00:30')) })),
    ).toEqual(['cancel', 'checkIn'])
    expect(
      possibleActions(activity(), facts({ state: 'placed', checkedIn: true, now: new Date(at('01:30')) })),
    ).toEqual(['checkOut'])
    expect(possibleActions(activity({ phase: 'ended' }), facts({ manages: true, now: new Date(at('03:30')) }))).toEqual(
      ['manage', 'showCode', 'proxy', 'confirm'],
    )
    for (const from of Object.values(allowedFrom)) for (const s of from) expect(activityStatuses).toContain(s)
    expect(
      possibleActions(activity({ phase: 'confirmed' }), facts({ manages: true, now: new Date(at('03:30')) })),
    ).toEqual(['manage'])
  })
})

describe('the roll-up counters', () => {
  const record = (over: Partial<ServiceRecordRecord> = {}) =>
    ({
      kind: 'service',
      volunteer: { userId: 'U1', name: '赵磊', kind: 'member' },
      communityId: 'C1',
      streetId: 'S1',
      unitId: 'N1',
      date: '2026-11-28',
      minutes: 90,
      points: 15,
      ...over,
    }) as ServiceRecordRecord
  it('counts a record in every scope it belongs to, for its month, quarter and year', () => {
    const adds = recordCounters(record())
    expect(new Set(adds.map((a) => a.scope.split(':')[0]))).toEqual(
      new Set(['person', 'unit', 'unitin', 'community', 'street', 'all']),
    )
    expect(new Set(adds.map((a) => a.period))).toEqual(new Set(['2026-11', '2026-Q4', '2026']))
    expect(adds).toHaveLength(18)
    expect(adds[0]!.add).toEqual({ minutes: 90, points: 15, services: 1 })
  })
  it('counts no service for a record of no time, and a resident volunteer in no unit', () => {
    expect(recordCounters(record({ minutes: 0, points: 0 }))[0]!.add).toEqual({ minutes: 0, points: 0 })
    expect(
      scopesOf({ userId: 'U2', kind: 'volunteer', communityId: 'C1', streetId: 'S1' }).map((s) => s.split(':')[0]),
    ).toEqual(['person', 'community', 'street', 'all'])
    expect(
      Number(scopesOf({ userId: 'U2', kind: 'volunteer', communityId: 'C1', streetId: 'S1' }).at(-1)!.split(':')[1]),
    ).toBeLessThan(ALL_SHARDS)
  })
})
