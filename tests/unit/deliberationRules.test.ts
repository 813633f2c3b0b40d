import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { householdFor } from '../../functions/src/domain/deliberation/facts'
import { computeResult } from '../../functions/src/domain/deliberation/resolve'
import type { Home } from '../../functions/src/domain/identity/actor'
import { DomainError } from '../../functions/src/domain/shared/errors'

/*
 * The poll's rule and the household a vote counts for, without a database.
 * The rule (README, 协同决议): turnout is households voting over the electorate and must be AT LEAST minTurnout;
 * the passing option needs STRICTLY MORE than passShare of the votes cast.
 */
const rule = (minTurnout: number, passShare: number, passOption = 0) => ({ minTurnout, passShare, passOption })
const poll = (electorate: number, r = rule(0.5, 0.5)) => ({ electorate, rule: r })

describe('computeResult: the poll rule at its boundaries', () => {
  it('passes when turnout is exactly the minimum (at least)', () => {
    expect(computeResult(poll(4, rule(0.5, 0.5)), [2, 0])).toMatchObject({
      ballots: 2,
      turnout: 0.5,
      passShareReached: 1,
      passed: true,
    })
    // "at least two thirds of households took part": 2 of 3 is two thirds
    expect(computeResult(poll(3, rule(2 / 3, 0.5)), [2, 0]).passed).toBe(true)
  })

  it('fails one household short of the minimum turnout, however they voted', () => {
    expect(computeResult(poll(5, rule(0.6, 0.5)), [2, 0])).toMatchObject({ turnout: 0.4, passed: false })
    expect(computeResult(poll(3, rule(2 / 3, 0.5)), [1, 0]).passed).toBe(false)
  })

  it('fails when the share is exactly passShare (strictly more is needed), passes one vote above', () => {
    expect(computeResult(poll(4), [2, 2])).toMatchObject({ passShareReached: 0.5, passed: false })
    expect(computeResult(poll(4), [3, 1])).toMatchObject({ passShareReached: 0.75, passed: true })
    expect(computeResult(poll(10, rule(0, 2 / 3)), [2, 1]).passed).toBe(false) // exactly two thirds
    expect(computeResult(poll(10, rule(0, 2 / 3)), [3, 1]).passed).toBe(true)
  })

  it('with no ballots: turnout and share are 0, and nothing passes even under a rule that asks nothing', () => {
    expect(computeResult(poll(10, rule(0, 0)), [0, 0])).toEqual({
      counts: [0, 0],
      ballots: 0,
      turnout: 0,
      passShareReached: 0,
      passed: false,
    })
  })

  it('with an empty electorate: turnout is 0, never NaN or Infinity', () => {
    const r = computeResult(poll(0, rule(0.5, 0.5)), [0, 0, 0])
    expect(r).toEqual({ counts: [0, 0, 0], ballots: 0, turnout: 0, passShareReached: 0, passed: false })
  })

  it('counts the share of the passing option the poll names, not the first', () => {
    expect(computeResult(poll(4, rule(0.5, 0.5, 1)), [1, 3])).toMatchObject({ passShareReached: 0.75, passed: true })
    expect(computeResult(poll(4, rule(0.5, 0.5, 1)), [3, 1])).toMatchObject({ passShareReached: 0.25, passed: false })
    // an option no count was kept for has no votes
    expect(computeResult(poll(4, rule(0, 0, 5)), [3, 1])).toMatchObject({ passShareReached: 0, passed: false })
  })

  it('requires every household when the minimum turnout is 1', () => {
    expect(computeResult(poll(3, rule(1, 0.5)), [2, 0]).passed).toBe(false)
    expect(computeResult(poll(3, rule(1, 0.5)), [3, 0]).passed).toBe(true)
  })

  it('holds its invariants for any tally (property)', () => {
    const tally = fc.array(fc.nat(1000), { minLength: 2, maxLength: 10 })
    fc.assert(
      fc.property(
        tally,
        fc.nat(5000),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(9),
        (counts, extra, minTurnout, passShare, passOption) => {
          const ballots = counts.reduce((s, c) => s + c, 0)
          const electorate = ballots + extra
          const r = computeResult(poll(electorate, rule(minTurnout, passShare, passOption)), counts)
          expect(r.ballots).toBe(ballots)
          expect(Number.isFinite(r.turnout) && r.turnout >= 0 && r.turnout <= 1).toBe(true)
          expect(Number.isFinite(r.passShareReached) && r.passShareReached >= 0 && r.passShareReached <= 1).toBe(true)
          expect(r.passed).toBe(r.turnout >= minTurnout && r.passShareReached > passShare)
          if (ballots === 0) expect(r.passed).toBe(false)
        },
      ),
      { seed: 20260101, numRuns: 500 },
    )
  })
})

describe('householdFor: the household a vote or rating counts for', () => {
  const building = 'street:S/community:C/compound:P/building:B1'
  const scope = (path: string) => ({ scope: { type: 'building' as const, id: 'B1', name: '1号楼', path } })
  const home = (householdId: string, path: string, represents: boolean): Home => ({
    householdId,
    path: `${path}/household:${householdId}`,
    represents,
  })
  const code = (f: () => unknown) => {
    try {
      return f()
    } catch (e) {
      if (e instanceof DomainError) return e.code
      throw e
    }
  }

  it("is the household the caller represents in the matter's scope", () => {
    expect(householdFor([home('H1', building, true)], scope(building))).toBe('H1')
    const twoHomes = [home('H1', building, false), home('H2', building, true)]
    expect(householdFor(twoHomes, scope(building))).toBe('H2')
  })

  it('skips a represented household outside the scope', () => {
    const homes = [home('H9', 'street:S/community:C/compound:P/building:B2', true), home('H1', building, true)]
    expect(householdFor(homes, scope(building))).toBe('H1')
  })

  it('refuses a member who represents no household in scope with vote.notRepresentative', () => {
    expect(code(() => householdFor([home('H1', building, false)], scope(building)))).toBe('vote.notRepresentative')
  })

  it('refuses a caller with no household in scope with vote.notEligible', () => {
    expect(code(() => householdFor([], scope(building)))).toBe('vote.notEligible')
    expect(
      code(() => householdFor([home('H9', 'street:S/community:C/compound:P/building:B2', true)], scope(building))),
    ).toBe('vote.notEligible')
    // building:B10 is not inside building:B1, though its path starts with it
    expect(
      code(() => householdFor([home('H10', 'street:S/community:C/compound:P/building:B10', true)], scope(building))),
    ).toBe('vote.notEligible')
  })

  it('takes a named household of the caller in scope (the vote store checks representation in its transaction)', () => {
    const homes = [home('H1', building, true), home('H2', building, false)]
    expect(householdFor(homes, scope(building), 'H2')).toBe('H2')
    expect(householdFor(homes, scope(building), 'H1')).toBe('H1')
  })

  it('refuses a named household that is not the caller’s, or not in scope, with vote.notEligible', () => {
    const homes = [home('H1', building, true), home('H9', 'street:S/community:C/compound:P/building:B2', true)]
    expect(code(() => householdFor(homes, scope(building), 'H7'))).toBe('vote.notEligible')
    expect(code(() => householdFor(homes, scope(building), 'H9'))).toBe('vote.notEligible')
  })

  it('reaches every household under a compound- or community-scope matter', () => {
    const homes = [home('H1', building, true)]
    expect(householdFor(homes, scope('street:S/community:C/compound:P'))).toBe('H1')
    expect(householdFor(homes, scope('street:S/community:C'))).toBe('H1')
    expect(code(() => householdFor(homes, scope('street:S/community:C2')))).toBe('vote.notEligible')
  })
})
