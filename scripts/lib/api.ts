import { join } from 'node:path'
import { ROOT } from './dynamodbLocal'
import { startChild, waitForHttp } from './processes'

/**
 * serverless-offline serving serverless.yml on the local stage. It also listens on a second port for Lambda
 * invocations (`lambdaPort`, by default the next one up). Fails at once, with what it printed, if it exits.
 */
export const startApi = async (env: Record<string, string>, port: number, options: { quiet?: boolean; lambdaPort?: number } = {}) => {
  const child = startChild('api', join(ROOT, 'node_modules', '.bin', 'serverless'), ['offline', 'start', '--stage', 'local'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...env,
      API_PORT: String(port),
      LAMBDA_PORT: String(options.lambdaPort ?? port + 1),
      SLS_TELEMETRY_DISABLED: '1',
      SLS_NOTIFICATIONS_MODE: 'off',
    },
    quiet: options.quiet,
  })
  const output: string[] = []
  const keep = (d: Buffer) =>
    output.push(
      ...d
        .toString()
        .split('\n')
        .filter((l) => l.trim()),
    )
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`serverless offline exited (${code}) before serving:\n${output.slice(-40).join('\n')}`))),
  )
  try {
    await Promise.race([waitForHttp(`http://127.0.0.1:${port}/openapi.json`, 120_000, (r) => r.status === 200), exited])
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- serverless offline said:\n${output.slice(-40).join('\n')}`)
  }
  exited.catch(() => {})
  return child
}
