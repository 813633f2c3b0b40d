/**
 * Page cursors: the key DynamoDB ends a page at, handed to the client as an opaque string and read back only if it
 * is a position in the same list: exactly the key attributes of that list's items, all strings, and `belongs` says
 * it lies in the list asked for (its partition, its range). Anything else is refused rather than sent to DynamoDB.
 */
export const pageCursor = (lastEvaluatedKey: Record<string, unknown> | undefined): { next?: string } =>
  lastEvaluatedKey ? { next: Buffer.from(JSON.stringify(lastEvaluatedKey)).toString('base64url') } : {}

export const readPageCursor = (
  cursor: string,
  names: string[],
  belongs: (key: Record<string, string>) => boolean,
): Record<string, string> | undefined => {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>
    if (
      !key ||
      typeof key !== 'object' ||
      Object.keys(key).sort().join() !== [...names].sort().join() ||
      !names.every((n) => typeof key[n] === 'string')
    )
      return undefined
    return belongs(key as Record<string, string>) ? (key as Record<string, string>) : undefined
  } catch {
    return undefined
  }
}
