// serverless.yml's `httpApi` events, derived from the contracts (contracts/index.ts `allRoutes`): the routes are
// declared once. serverless.yml names `${file(./functions/src/http/httpEvents.cjs):<function>}`; this bundles the
// contracts with esbuild (already a dependency) and reads each function's routes.
const { buildSync } = require('esbuild')
const { join } = require('node:path')

let events
const load = () => {
  if (events) return events
  const { outputFiles } = buildSync({
    entryPoints: [join(__dirname, '..', '..', '..', 'contracts', 'index.ts')],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    logLevel: 'silent',
  })
  const module = { exports: {} }
  new Function('module', 'exports', 'require', outputFiles[0].text)(module, module.exports, require)
  events = Object.fromEntries(
    Object.entries(module.exports.allRoutes).map(([fn, routes]) => [
      fn,
      Object.values(routes).map((r) => ({ httpApi: { method: r.method, path: r.path } })),
    ]),
  )
  return events
}

module.exports = () => load()
