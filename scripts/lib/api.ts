import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './dynamodbLocal'
import { startChild, stopChild, waitForHttp } from './processes'

/** serverless offline's table of routes: long, and naming its own port rather than the one to call. */
const routeTable = (line: string) => /[│┌└]/.test(line)

/**
 * serverless-offline serving serverless.yml on the local stage. It also listens on a second port for Lambda
 * invocations (`lambdaPort`, by default the next one up). Fails at once, with what it printed, if it exits.
 * Each one bundles into a folder of its own (.local/esbuild/<port>, removed when it exits), so two of them, or
 * one and `serverless package` (.esbuild), never write over each other's bundle.
 */
export const startApi = async (
  env: Record<string, string>,
  port: number,
  options: { quiet?: boolean; lambdaPort?: number } = {},
) => {
  const workFolder = join('.local', 'esbuild', String(port))
  rmSync(join(ROOT, workFolder), { recursive: true, force: true })
  const child = startChild(
    'api',
    join(ROOT, 'node_modules', '.bin', 'serverless'),
    ['offline', 'start', '--stage', 'local'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        ...env,
        API_PORT: String(port),
        LAMBDA_PORT: String(options.lambdaPort ?? port + 1),
        ESBUILD_WORK_FOLDER: workFolder,
        SLS_TELEMETRY_DISABLED: '1',
        SLS_NOTIFICATIONS_MODE: 'off',
      },
      quiet: options.quiet,
      hide: routeTable,
    },
  )
  child.once('exit', () => rmSync(join(ROOT, workFolder), { recursive: true, force: true }))
  const output: string[] = []
  // osls reports a bundle that does not build and then stays up serving nothing: that is a failure too.
  let failed: (error: Error) => void = () => {}
  const buildFailed = new Promise<never>((_, reject) => (failed = reject))
  const keep = (d: Buffer) => {
    const lines = d
      .toString()
      .split('\n')
      .filter((l) => l.trim())
    output.push(...lines)
    if (lines.some((l) => /Build failed with \d+ error/.test(l)))
      failed(new Error('serverless offline could not bundle the functions'))
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) =>
      reject(new Error(`serverless offline exited (${code}) before serving:\n${output.slice(-40).join('\n')}`)),
    ),
  )
  try {
    await Promise.race([
      waitForHttp(`http://127.0.0.1:${port}/openapi.json`, 120_000, (r) => r.status === 200),
      exited,
      buildFailed,
    ])
  } catch (error) {
    // Never leave one behind that did not come up.
    await stopChild(child)
    throw new Error(`${(error as Error).message}\n--- serverless offline said:\n${output.slice(-40).join('\n')}`)
  } finally {
    child.stdout?.off('data', keep)
    child.stderr?.off('data', keep)
  }
  exited.catch(() => {})
  buildFailed.catch(() => {})
  return child
}
