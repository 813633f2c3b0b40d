import { isConditionCheckFailed, isTransactionCancelled } from 'dynamodb-toolbox'

/** Which items of a cancelled transaction failed their condition (by position), or undefined if it was not a condition. */
export const failedConditions = (error: unknown): number[] | undefined => {
  if (!isTransactionCancelled(error)) return undefined
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? []
  const failed = reasons.flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []))
  return failed.length > 0 ? failed : undefined
}

export const conditionFailed = (error: unknown): boolean => isConditionCheckFailed(error)
