/**
 * Scheduled work, one mechanism for every capability: a due item names its kind (`deliberation.pollClose`,
 * `notifications.send`, …) and its subject, and is due from `at` on. Each capability registers a job for each of
 * its kinds; the tick claims what is due and runs it.
 */
export interface DueItem {
  kind: string
  at: string
  subjectId: string
}

export interface ClaimedItem extends DueItem {
  /** Until when this run holds the item; another tick may take it after. */
  leaseUntil: string
  attempts: number
}

export interface DueStore {
  /** Items of a kind due by `until`, oldest first, including those another run holds (the claim decides). */
  due(kind: string, until: string, limit: number): Promise<(DueItem & { leaseUntil?: string; attempts: number })[]>
  /** Takes the item for this run if nobody holds it (no lease, or an expired one); undefined if another run has it. */
  claim(item: DueItem, now: Date, leaseUntil: Date): Promise<ClaimedItem | undefined>
  /** The job ran: the item is gone (unless another run took it over after this run's lease ran out). */
  complete(item: ClaimedItem): Promise<void>
  /** The job failed: try again from `retryAt`, keeping what went wrong. */
  release(item: ClaimedItem, retryAt: Date, error: string): Promise<void>
  /** Adds work outside any other write. */
  add(item: DueItem): Promise<void>
}

/** A capability's job for one kind of due item. It must be safe to run again for the same subject. */
export type Job<D> = (deps: D, subjectId: string, ctx: { at: string; now: Date }) => Promise<unknown>
export type Jobs<D> = Record<string, Job<D>>
