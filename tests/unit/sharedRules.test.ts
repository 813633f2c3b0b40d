import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { maskPhone } from '../../functions/src/domain/grids/card'
import { reaches } from '../../functions/src/domain/notifications/audience'
import type { Subscriber } from '../../functions/src/domain/notifications/model'
import { retryDelayMs } from '../../functions/src/domain/schedule/tick'
import { DomainError } from '../../functions/src/domain/shared/errors'
import { isWithin } from '../../functions/src/domain/shared/places'
import { checkGridEdges } from '../../functions/src/domain/structure/gridRules'

/* The small rules the capabilities share, without a database: places, audiences, grid edges, masking, retries. */
const S = 'street:S'
const C = `${S}/community:C`
const P = `${C}/compound:P`
const B1 = `${P}/building:B1`
const B10 = `${P}/building:B10`
const H = `${B1}/household:H1`
const G = `${C}/grid:G1`

describe('isWithin: path containment', () => {
  it('takes the place itself and everything below it', () => {
    expect(isWithin(B1, B1)).toBe(true)
    expect(isWithin(H, B1)).toBe(true)
    expect(isWithin(H, S)).toBe(true)
  })
  it('does not take a place above, beside, or one whose id merely starts the same', () => {
    expect(isWithin(B1, H)).toBe(false)
    expect(isWithin(B10, B1)).toBe(false)
    expect(isWithin(`${B10}/household:H1`, B1)).toBe(false)
    expect(isWithin(`${C}2`, C)).toBe(false)
    expect(isWithin(G, P)).toBe(false)
  })
  it('is a partial order on paths (property): reflexive, transitive, and antisymmetric', () => {
    const seg = fc.stringMatching(/^[a-z]{1,3}:[A-Z0-9]{1,3}$/)
    const path = fc.array(seg, { minLength: 1, maxLength: 5 }).map((s) => s.join('/'))
    fc.assert(
      fc.property(path, path, path, (a, b, c) => {
        expect(isWithin(a, a)).toBe(true)
        if (isWithin(a, b) && isWithin(b, c)) expect(isWithin(a, c)).toBe(true)
        if (isWithin(a, b) && isWithin(b, a)) expect(a).toBe(b)
        expect(isWithin(`${b}/x:1`, b)).toBe(true)
      }),
      { seed: 42, numRuns: 300 },
    )
  })
})

describe('reaches: which consenting users a notice is for', () => {
  const sub = (over: Partial<Subscriber>): Subscriber => ({
    userId: 'U1',
    openid: 'o1',
    remaining: 1,
    homePaths: [],
    roles: [],
    ...over,
  })
  it('names users', () => {
    expect(reaches({ kind: 'users', userIds: ['U1', 'U2'] }, sub({}))).toBe(true)
    expect(reaches({ kind: 'users', userIds: ['U2'] }, sub({}))).toBe(false)
    expect(reaches({ kind: 'users', userIds: [] }, sub({}))).toBe(false)
  })
  it('reaches the members of the households inside a place, not those beside it', () => {
    const member = sub({ homePaths: [H] })
    expect(reaches({ kind: 'households', placePath: B1 }, member)).toBe(true)
    expect(reaches({ kind: 'households', placePath: C }, member)).toBe(true)
    expect(reaches({ kind: 'households', placePath: H }, member)).toBe(true)
    expect(reaches({ kind: 'households', placePath: B10 }, member)).toBe(false)
    expect(reaches({ kind: 'households', placePath: B1 }, sub({ homePaths: [`${B10}/household:H1`] }))).toBe(false)
    expect(reaches({ kind: 'households', placePath: B1 }, sub({ homePaths: [] }))).toBe(false)
    // any one of two homes will do
    expect(reaches({ kind: 'households', placePath: B1 }, sub({ homePaths: [`${B10}/household:H2`, H] }))).toBe(true)
  })
  it('reaches holders of the role at the place or above it, not below it, and not of another role', () => {
    const committee = sub({ roles: [`committee@${C}`] })
    expect(reaches({ kind: 'role', role: 'committee', placePath: B1 }, committee)).toBe(true)
    expect(reaches({ kind: 'role', role: 'committee', placePath: C }, committee)).toBe(true)
    expect(reaches({ kind: 'role', role: 'committee', placePath: `${S}/community:C2/compound:Q` }, committee)).toBe(
      false,
    )
    expect(reaches({ kind: 'role', role: 'propertyManager', placePath: B1 }, committee)).toBe(false)
    const head = sub({ roles: [`buildingHead@${B1}`] })
    expect(reaches({ kind: 'role', role: 'buildingHead', placePath: C }, head)).toBe(false) // below the place
    expect(reaches({ kind: 'role', role: 'buildingHead', placePath: B10 }, head)).toBe(false) // a prefix, not a parent
    expect(reaches({ kind: 'role', role: 'buildingHead', placePath: H }, head)).toBe(true)
  })
  it("reaches a grid's worker through the grid's path", () => {
    const worker = sub({ roles: [`gridWorker@${G}`, `resident@${H}`] })
    expect(reaches({ kind: 'role', role: 'gridWorker', placePath: G }, worker)).toBe(true)
    expect(reaches({ kind: 'role', role: 'gridWorker', placePath: `${C}/grid:G2` }, worker)).toBe(false)
  })
  it('does not take a role name that only starts the same', () => {
    expect(reaches({ kind: 'role', role: 'committee', placePath: B1 }, sub({ roles: [`committeeX@${C}`] }))).toBe(false)
  })
})

describe('checkGridEdges: grid edges follow compound edges', () => {
  const b = (buildingId: string, compoundId: string, communityId = 'C') => ({
    buildingId,
    compoundId,
    communityId,
    name: buildingId,
  })
  const community = [b('A1', 'A'), b('A2', 'A'), b('A3', 'A'), b('B1', 'B'), b('B2', 'B'), b('D1', 'D')]
  const [A1, A2, A3, Bb1, Bb2] = community as [
    ReturnType<typeof b>,
    ReturnType<typeof b>,
    ReturnType<typeof b>,
    ReturnType<typeof b>,
    ReturnType<typeof b>,
  ]
  const outcome = (chosen: ReturnType<typeof b>[]) => {
    try {
      checkGridEdges('C', chosen, community)
      return 'ok'
    } catch (e) {
      if (!(e instanceof DomainError)) throw e
      return e.details?.length ? `${e.code} ${e.details.map((d) => d.path).join(',')}` : e.code
    }
  }
  it('accepts one building, or part of one compound', () => {
    expect(outcome([A1])).toBe('ok')
    expect(outcome([A1, A2])).toBe('ok')
  })
  it('accepts whole compounds together, leaving other compounds out', () => {
    expect(outcome([A1, A2, A3, Bb1, Bb2])).toBe('ok')
    expect(outcome([Bb1, Bb2, community[5]!])).toBe('ok')
  })
  it('refuses a grid that takes part of a compound together with another compound, naming buildingIds', () => {
    expect(outcome([A1, A2, A3, Bb1])).toBe('grid.compoundMismatch buildingIds')
    expect(outcome([A1, Bb1])).toBe('grid.compoundMismatch buildingIds')
    expect(outcome([A1, Bb1, Bb2])).toBe('grid.compoundMismatch buildingIds')
  })
  it('refuses a building of another community, even alone', () => {
    expect(outcome([b('X1', 'A', 'C2')])).toBe('grid.compoundMismatch')
    expect(outcome([A1, b('X1', 'A', 'C2')])).toBe('grid.compoundMismatch')
  })
})

describe('maskPhone: the public card never shows a whole number', () => {
  it('shows the first three and last four digits of a mobile number', () => {
    expect(maskPhone('13800138001')).toBe('138****8001')
    expect(maskPhone('0532-88886666')).toBe('053****6666')
  })
  it('hides a number too short to keep four digits hidden', () => {
    expect(maskPhone('')).toBe('****')
    expect(maskPhone('123456')).toBe('****')
    expect(maskPhone('8888666')).toBe('****')
    expect(maskPhone('1380013800')).toBe('****')
  })
  it('never shows more than all but four characters of any number (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9-]{0,20}$/), (phone) => {
        const shown = maskPhone(phone).replace(/\*/g, '')
        expect(shown.length).toBeLessThanOrEqual(Math.max(0, phone.length - 4))
        expect(maskPhone(phone)).toContain('****')
      }),
      { seed: 7, numRuns: 300 },
    )
  })
})

describe('retryDelayMs: a failed due item waits longer each time, never more than an hour', () => {
  const minute = 60_000
  it('doubles from one minute', () => {
    expect([1, 2, 3, 4, 5, 6].map(retryDelayMs)).toEqual([1, 2, 4, 8, 16, 32].map((m) => m * minute))
  })
  it('stops at an hour, however many attempts', () => {
    expect(retryDelayMs(7)).toBe(60 * minute) // 64 minutes, capped
    expect(retryDelayMs(100)).toBe(60 * minute)
    expect(retryDelayMs(5000)).toBe(60 * minute) // 2 ** 4999 is Infinity: still an hour
  })
  it('waits a minute before the first attempt was even counted', () => {
    expect(retryDelayMs(0)).toBe(minute)
    expect(retryDelayMs(-3)).toBe(minute)
  })
  it('never shrinks as attempts grow (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 10_000 }), fc.nat(50), (a, more) => {
        expect(retryDelayMs(a + more)).toBeGreaterThanOrEqual(retryDelayMs(a))
        expect(retryDelayMs(a)).toBeGreaterThanOrEqual(minute)
        expect(retryDelayMs(a)).toBeLessThanOrEqual(60 * minute)
      }),
      { seed: 3, numRuns: 300 },
    )
  })
})
