import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { allRoutes } from '../../contracts'
import { routeErrors, type RouteContract } from '../../contracts/common'
import { errorCatalog, isErrorCode } from '../../contracts/errors'
import { buildOpenApi } from '../../functions/src/http/openapi'
import { functions } from '../../scripts/lib/invoke'

const root = join(__dirname, '../..')
const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`

describe('one source of truth for routes', () => {
  it('serverless.yml, as the Framework resolves it, serves each function’s group of contracts and nothing else', () => {
    // `serverless print` resolves ${file(…)} and the stage's params exactly as `serverless deploy` would.
    const printed = JSON.parse(
      execFileSync(join(root, 'node_modules/.bin/serverless'), ['print', '--stage', 'prod', '--format', 'json'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' },
      }),
    ) as { functions: Record<string, { handler: string; events?: { httpApi?: { method: string; path: string } }[] }> }
    const httpFunctions = Object.entries(printed.functions).filter(([, f]) => f.events?.some((e) => e.httpApi))
    expect(httpFunctions.map(([name]) => name).sort()).toEqual(Object.keys(allRoutes).sort())
    for (const [name, fn] of httpFunctions) {
      const group = Object.values(allRoutes[name as keyof typeof allRoutes]) as RouteContract[]
      expect(fn.handler, name).toBe(`functions/src/handlers/${name}.handler`)
      expect(fn.events!.flatMap((e) => (e.httpApi ? [key(e.httpApi)] : [])).sort(), name).toEqual(group.map(key).sort())
      // The handler module serves exactly the same routes.
      expect(functions[name as keyof typeof functions].routes.map((r) => key(r.contract)).sort(), name).toEqual(
        group.map(key).sort(),
      )
    }
  }, 30_000)

  it('has one operation per method and path, and one operationId per operation', () => {
    const all = Object.values(allRoutes).flatMap((g) => Object.values(g) as RouteContract[])
    expect(new Set(all.map(key)).size).toBe(all.length)
    expect(new Set(all.map((r) => r.operationId)).size).toBe(all.length)
  })

  it('docs/openapi.json is the document the contracts generate (run `npm run openapi` after changing them)', () => {
    const committed = JSON.parse(readFileSync(join(root, 'docs/openapi.json'), 'utf8'))
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildOpenApi())))
  })

  it('maps every error code any route can answer to a status and a Chinese message', () => {
    const codes = new Set(
      Object.values(allRoutes).flatMap((g) => (Object.values(g) as RouteContract[]).flatMap(routeErrors)),
    )
    expect(codes.size).toBeGreaterThan(10)
    for (const code of codes) {
      expect(isErrorCode(code), code).toBe(true)
      const { status, message } = errorCatalog[code]
      expect(status >= 400 && status < 600, code).toBe(true)
      expect(message, code).toMatch(/[\u4e00-\u9fff]{2,}/)
    }
  })
})
