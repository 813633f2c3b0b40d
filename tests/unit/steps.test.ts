import { describe, expect, it } from 'vitest'
import type { MatterStatus } from '../../contracts/deliberation'
import { endedAt, progressLine, stepStates } from '../../miniprogram/src/lib/steps'

/** A timeline of the statuses a matter passed through, oldest first (only `status` matters here). */
const through = (...statuses: MatterStatus[]) => ({
  status: statuses[statuses.length - 1]!,
  timeline: statuses.map((status, i) => ({
    at: `2025-11-0${i + 1}T00:00:00Z`,
    action: 'x',
    label: 'x',
    actorId: 'u',
    actorName: 'u',
    status,
  })),
})
const states = (m: ReturnType<typeof through>) => stepStates(m).map((s) => `${s.step}:${s.state}`)

describe('the steps a matter shows (honest states)', () => {
  it('an open matter: done up to its step, then upcoming', () => {
    expect(states(through('seconding', 'awaitingReview', 'awaitingPoll', 'polling'))).toEqual([
      'propose:done',
      'review:done',
      'consult:current',
      'resolve:upcoming',
      'evaluate:upcoming',
    ])
  })

  it('a completed matter: all five done', () => {
    expect(
      stepStates(
        through(
          'seconding',
          'awaitingReview',
          'awaitingPoll',
          'polling',
          'awaitingResolution',
          'inProgress',
          'evaluating',
          'completed',
        ),
      ).every((s) => s.state === 'done'),
    ).toBe(true)
  })

  it('withdrawn while collecting seconds: 居民提议 ended, nothing after it reached', () => {
    expect(states(through('seconding', 'withdrawn'))).toEqual([
      'propose:ended',
      'review:skipped',
      'consult:skipped',
      'resolve:skipped',
      'evaluate:skipped',
    ])
  })

  it('withdrawn while waiting for review: it stopped in 两委审议', () => {
    expect(endedAt(through('seconding', 'awaitingReview', 'withdrawn'))).toBe('review')
  })

  it('rejected: 居民提议 done, 两委审议 ended; a failed poll ends in 民主商议', () => {
    expect(states(through('seconding', 'awaitingReview', 'rejected'))).toEqual([
      'propose:done',
      'review:ended',
      'consult:skipped',
      'resolve:skipped',
      'evaluate:skipped',
    ])
    expect(endedAt(through('seconding', 'awaitingReview', 'awaitingPoll', 'polling', 'failed'))).toBe('consult')
  })

  it('without a timeline it falls back to where each end happens', () => {
    expect(endedAt({ status: 'rejected', timeline: [] })).toBe('review')
    expect(endedAt({ status: 'failed', timeline: [] })).toBe('consult')
  })

  it('a list card says where it stands, never 已办结 for a matter that ended early', () => {
    const card = (status: MatterStatus, step: 'propose' | 'consult' | 'closed') =>
      progressLine({ status, step, secondsCount: 1, secondsNeeded: 3 })
    expect(card('seconding', 'propose')).toBe('附议 1/3')
    expect(card('polling', 'consult')).toBe('当前：民主商议')
    expect(card('withdrawn', 'closed')).toBe('已结束：已撤回')
    expect(card('failed', 'closed')).toBe('已结束：未通过')
    expect(card('completed', 'closed')).toBe('已办结')
  })
})
