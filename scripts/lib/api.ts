import { join } from 'node:path'
import { ROOT } from './dynamodbLocal'
import { startChild, waitForHttp } from './processes'

/** serverless-offline serving serverless.yml on the local stage. */
export const startApi = async (env: Record<string, string>, port: number, options: { quiet?: boolean } = {}) => {
  const child = startChild('api', join(ROOT, 'node_modules', '.bin', 'serverless'), ['offline', 'start', '--stage', 'local'], {
    cwd: ROOT,
    env: { ...process.env, ...env, API_PORT: String(port), LAMBDA_PORT: String(port + 1), SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' },
    quiet: options.quiet,
  })
  await waitForHttp(`http://127.0.0.1:${port}/openapi.json`, 120_000, (r) => r.status === 200)
  return child
}
