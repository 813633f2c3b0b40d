import {
  BatchGetCommand,
  BatchGetRequest,
  executeBatchGet,
  type Entity,
  type FormattedItem,
  type KeyInputItem,
} from 'dynamodb-toolbox'
import { GridLinkTable } from './table'

/**
 * Reads many items of one entity by key in BatchGetItem calls of at most 100 keys (duplicates asked once),
 * retrying what DynamoDB leaves unprocessed. Returns the items in the order of `keys`, undefined where missing.
 */
export const batchGet = async <E extends Entity>(
  entity: E,
  keys: KeyInputItem<E>[],
  options: { consistent?: boolean } = {},
): Promise<(FormattedItem<E> | undefined)[]> => {
  const id = (key: KeyInputItem<E>) => JSON.stringify(entity.build(BatchGetRequest).key(key).params())
  const unique = [...new Map(keys.map((key) => [id(key), key])).entries()]
  const found = new Map<string, FormattedItem<E> | undefined>()
  for (let i = 0; i < unique.length; i += 100) {
    const chunk = unique.slice(i, i + 100)
    const command = GridLinkTable.build(BatchGetCommand)
      .requests(...chunk.map(([, key]) => entity.build(BatchGetRequest).key(key)))
      .options(options.consistent ? { consistent: true } : {})
    const { Responses, UnprocessedKeys } = await executeBatchGet({ maxAttempts: 8 }, command)
    if (UnprocessedKeys && Object.keys(UnprocessedKeys).length) throw new Error('batch get left unprocessed keys')
    const items = (Responses?.[0] ?? []) as (FormattedItem<E> | undefined)[]
    chunk.forEach(([k], j) => found.set(k, items[j]))
  }
  return keys.map((key) => found.get(id(key)))
}
