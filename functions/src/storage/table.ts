import { Table } from 'dynamodb-toolbox'
import { documentClient } from './client'

/**
 * The single table. Its keys and indexes are declared once in `table.json`, which serverless.yml deploys
 * and `scripts/` creates locally; this object must name the same attributes.
 */
export const GridLinkTable = new Table({
  name: () => {
    const name = process.env.TABLE_NAME
    if (!name) throw new Error('TABLE_NAME is not set')
    return name
  },
  partitionKey: { name: 'pk', type: 'string' },
  sortKey: { name: 'sk', type: 'string' },
  indexes: {
    gsi1: {
      type: 'global',
      partitionKey: { name: 'gsi1pk', type: 'string' },
      sortKey: { name: 'gsi1sk', type: 'string' },
    },
    gsi2: {
      type: 'global',
      partitionKey: { name: 'gsi2pk', type: 'string' },
      sortKey: { name: 'gsi2sk', type: 'string' },
    },
  },
  entityAttributeSavedAs: '_et',
})

// The client is made on first use, so importing storage reads no environment.
Object.defineProperty(GridLinkTable, 'documentClient', { get: documentClient, configurable: true })
