import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { allRoutes } from '../../contracts'
import { buildOpenApi } from '../../functions/src/http/openapi'
import { functions } from '../../scripts/lib/invoke'

const root = join(__dirname, '../..')

describe('one source of truth for routes', () => {
  it('serverless.yml declares exactly the contracts’ routes, each on the function that serves it', () => {
    const yml = parse(readFileSync(join(root, 'serverless.yml'), 'utf8'))
    const declared = Object.entries(yml.functions as Record<string, { events: { httpApi?: { method: string; path: string } }[] }>)
      .flatMap(([fn, def]) => def.events.flatMap((e) => (e.httpApi ? [`${fn} ${e.httpApi.method} ${e.httpApi.path}`] : [])))
      .sort()
    const served = Object.entries(functions)
      .flatMap(([fn, { routes }]) => routes.map((r) => `${fn} ${r.contract.method} ${r.contract.path}`))
      .sort()
    const contracts = Object.values(allRoutes).flatMap((routes) => Object.values(routes).map((r) => `${r.method} ${r.path}`)).sort()
    expect(declared).toEqual(served)
    expect(served.map((s) => s.split(' ').slice(1).join(' ')).sort()).toEqual(contracts)
  })

  it('docs/openapi.json is the document the contracts generate (run `npm run openapi` after changing them)', () => {
    const committed = JSON.parse(readFileSync(join(root, 'docs/openapi.json'), 'utf8'))
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildOpenApi())))
  })

  it('maps every error code a route names to a Chinese message', () => {
    for (const routes of Object.values(allRoutes)) for (const r of Object.values(routes)) for (const code of r.errors) expect(code).toMatch(/^[a-z]+(\.[a-zA-Z]+)?$/)
  })
})
