import { isConditionCheckFailed, isTransactionCancelled } from 'dynamodb-toolbox'
import type { z } from 'zod'

/** The reason code of each item of a cancelled transaction, by position; undefined if it was not a cancellation. */
export const cancellationCodes = (error: unknown): string[] | undefined =>
  isTransactionCancelled(error)
    ? ((error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []).map((r) => r.Code ?? 'None')
    : undefined

/** Which items of a cancelled transaction failed their condition (by position), or undefined if none did. */
export const failedConditions = (error: unknown): number[] | undefined => {
  const failed = (cancellationCodes(error) ?? []).flatMap((c, i) => (c === 'ConditionalCheckFailed' ? [i] : []))
  return failed.length > 0 ? failed : undefined
}

export const conditionFailed = (error: unknown): boolean => isConditionCheckFailed(error)

/** Transactions on the same item at the same moment may be cancelled with TransactionConflict: try again, briefly. */
export const withConflictRetry = async <T>(run: () => Promise<T>, attempts = 6): Promise<T> => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run()
    } catch (error) {
      const conflicted =
        cancellationCodes(error)?.includes('TransactionConflict') ||
        (error as { name?: string }).name === 'TransactionConflictException'
      if (!conflicted || attempt >= attempts) throw error
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 40 * (attempt + 1)))
    }
  }
}

/** A stored item that does not match its schema: a bug or a bad migration, never the caller's fault. Fails loudly. */
export class StoredItemInvalid extends Error {
  constructor(what: string, issues: z.ZodIssue[]) {
    super(
      `stored ${what} does not match its schema: ${issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`,
    )
    this.name = 'StoredItemInvalid'
  }
}

/** Parses a JSON body kept in an item (`bodyJson`, `settingsJson`, …) with its schema, so a renamed or missing field is an error, not `undefined`. */
export const parseStored = <S extends z.ZodTypeAny>(schema: S, json: string, what: string): z.output<S> => {
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch {
    throw new StoredItemInvalid(what, [{ code: 'custom', path: [], message: 'is not JSON' }])
  }
  const parsed = schema.safeParse(raw)
  if (!parsed.success) throw new StoredItemInvalid(what, parsed.error.issues)
  return parsed.data
}
