import { ulid } from 'ulid'
import { describe, expect, it } from 'vitest'
import { LEASE_MS, retryDelayMs, runDue } from '../../functions/src/domain/schedule/tick'
import { dynamoDueStore } from '../../functions/src/storage/schedule/due'

/*
 * The one mechanism for scheduled work, on DynamoDB Local: a due item's job runs at most once even when ticks
 * overlap, and a job that fails leaves its item to be tried again later, never lost.
 */
const deps = { schedule: dynamoDueStore }
const minutes = (base: Date, n: number) => new Date(base.getTime() + n * 60_000)

describe('scheduled work', () => {
  it('runs each due item once when five ticks overlap, and only items that are due', async () => {
    const kind = `test.once.${ulid()}`
    const now = new Date()
    const ran: string[] = []
    const jobs = {
      [kind]: async (_d: unknown, subjectId: string) => {
        ran.push(subjectId)
        // A slow job, so the overlapping ticks are still looking while it runs.
        await new Promise((r) => setTimeout(r, 50))
      },
    }
    for (const id of ['a', 'b', 'c'])
      await deps.schedule.add({ kind, at: minutes(now, -1).toISOString(), subjectId: id })
    await deps.schedule.add({ kind, at: minutes(now, 10).toISOString(), subjectId: 'later' })
    const reports = await Promise.all(Array.from({ length: 5 }, () => runDue(deps, jobs, now)))
    expect(ran.sort()).toEqual(['a', 'b', 'c'])
    expect(reports.reduce((n, r) => n + (r.ran[kind] ?? 0), 0)).toBe(3)
    // Done items are gone; the later one waits for its time, then runs once.
    expect((await deps.schedule.due(kind, now.toISOString(), 10)).map((d) => d.subjectId)).toEqual([])
    await runDue(deps, jobs, minutes(now, 11))
    expect(ran.filter((x) => x === 'later')).toHaveLength(1)
  })

  it('keeps an item whose job failed and runs it again after a growing pause, until it succeeds', async () => {
    const kind = `test.retry.${ulid()}`
    const now = new Date()
    let calls = 0
    const jobs = {
      [kind]: async () => {
        calls++
        if (calls < 3) throw new Error(`downstream unavailable (${calls})`)
      },
    }
    await deps.schedule.add({ kind, at: now.toISOString(), subjectId: 'x' })
    const first = await runDue(deps, jobs, now)
    expect(first.failed).toEqual([{ kind, subjectId: 'x', error: 'downstream unavailable (1)' }])
    // Still there, with what went wrong; not retried before its pause is over.
    const [kept] = await deps.schedule.due(kind, now.toISOString(), 10)
    expect(kept).toMatchObject({ subjectId: 'x', attempts: 1 })
    await runDue(deps, jobs, new Date(now.getTime() + retryDelayMs(1) - 1000))
    expect(calls).toBe(1)
    const second = await runDue(deps, jobs, new Date(now.getTime() + retryDelayMs(1) + 1000))
    expect(second.failed).toHaveLength(1)
    expect(calls).toBe(2)
    const third = await runDue(deps, jobs, new Date(now.getTime() + retryDelayMs(1) + retryDelayMs(2) + 2000))
    expect(third.ran[kind]).toBe(1)
    expect(calls).toBe(3)
    expect(await deps.schedule.due(kind, minutes(now, 120).toISOString(), 10)).toEqual([])
  })

  it('lets another run take over an item whose run died holding it, once its lease is over', async () => {
    const kind = `test.lease.${ulid()}`
    const now = new Date()
    await deps.schedule.add({ kind, at: now.toISOString(), subjectId: 'y' })
    // A run claims the item and dies before finishing (no complete, no release).
    const [item] = await deps.schedule.due(kind, now.toISOString(), 1)
    expect(await deps.schedule.claim(item!, now, new Date(now.getTime() + LEASE_MS))).toBeDefined()
    let calls = 0
    const jobs = { [kind]: async () => void calls++ }
    await runDue(deps, jobs, new Date(now.getTime() + LEASE_MS - 1000))
    expect(calls).toBe(0)
    await runDue(deps, jobs, new Date(now.getTime() + LEASE_MS + 1000))
    expect(calls).toBe(1)
  })
})
