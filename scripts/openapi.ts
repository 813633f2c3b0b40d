import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildOpenApi } from '../functions/src/http/openapi'

// Writes docs/openapi.json from the contracts (the API also serves it at GET /openapi.json).
const file = join(__dirname, '..', 'docs', 'openapi.json')
writeFileSync(file, `${JSON.stringify(buildOpenApi(), null, 2)}\n`)
console.log(`wrote ${file}`)
