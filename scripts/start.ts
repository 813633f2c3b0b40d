import { join } from 'node:path'
import { signCardCode } from '../functions/src/domain/grids/cardCode'
import { dynamoStructureStore } from '../functions/src/storage/structure/store'
import { cardLink } from '../functions/src/domain/grids/ports'
import { checkJava, ensureTable, JAVA_HELP, ROOT, startDynamoLocal } from './lib/dynamodbLocal'
import { superviseApi, type ApiSupervisor } from './lib/apiSupervisor'
import { localEnv } from './lib/env'
import { killAllNow, portOpen, startChild, stopAll, waitForHttp } from './lib/processes'
import { seedDemo } from './lib/seed'
import { startWechatStandIn } from './lib/wechatStandIn'
import { startS3Local } from './lib/s3Local'
import { clearStackState, keepRunning, stopLeftovers, writeStackState, type Kept } from './lib/supervise'

/**
 * `npm start`: the whole local stack. DynamoDB Local (data kept in .local/dynamodb-data), the table,
 * the demo community (once), a loopback jscode2session stand-in, the HTTP API through serverless-offline,
 * and the H5 build of the mini-program, served and rebuilt on change. Ctrl-C stops all of it.
 * A piece that stops is restarted and named; one that keeps stopping stops the whole stack with what to do.
 */
const ports = {
  dynamo: Number(process.env.DYNAMODB_PORT ?? 8000),
  api: Number(process.env.API_PORT ?? 3000),
  h5: Number(process.env.H5_PORT ?? 10086),
  wechat: Number(process.env.WECHAT_PORT ?? 8790),
  s3: Number(process.env.S3_PORT ?? 4569),
}

let stopping = false
const cleanups: (() => Promise<unknown> | unknown)[] = []
/** Stops the pieces (their supervisors first, so nothing restarts them), then whatever children remain. */
const shutdown = async (code = 0) => {
  if (stopping) return
  stopping = true
  console.log('\nStopping the local stack…')
  for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => {})
  await stopAll()
  clearStackState()
  process.exit(code)
}
/** One piece cannot be kept running: say which and what to do, and stop everything. */
const fatal = (message: string) => {
  if (stopping) return
  console.error(`\n[stack] ${message}`)
  void shutdown(1)
}
process.on('SIGINT', () => void shutdown())
process.on('SIGTERM', () => void shutdown())
process.on('uncaughtException', (error) =>
  fatal(`npm start itself failed: ${error.stack ?? error.message}. Stopping the local stack; run \`npm start\` again.`),
)
process.on('unhandledRejection', (error) =>
  fatal(
    `npm start itself failed: ${(error as Error)?.stack ?? String(error)}. Stopping the local stack; run \`npm start\` again.`,
  ),
)
// Whatever the way out, no child outlives npm start (they run in process groups of their own).
process.on('exit', () => {
  killAllNow()
  for (const pid of Object.values(pids))
    try {
      if (pid) process.kill(pid, 'SIGTERM')
    } catch {
      /* already gone */
    }
})

let dynamo: Kept | undefined
let api: ApiSupervisor | undefined
let h5: Kept | undefined
/** The pieces' current processes, in .local/stack.json for `npm run load` and for the next `npm start`. */
const pids: Record<string, number | undefined> = {}
const record = (piece: string) => (pid: number | undefined) => writeStackState(Object.assign(pids, { [piece]: pid }))

const main = async () => {
  if (!checkJava()) {
    console.error(JAVA_HELP)
    process.exit(1)
  }
  const leftovers = stopLeftovers()
  if (leftovers.length) {
    console.log(`Stopped what an earlier \`npm start\` left running when it was killed: ${leftovers.join(', ')}.`)
    await new Promise((r) => setTimeout(r, 2000))
  }
  for (const [name, port] of Object.entries(ports)) {
    if (await portOpen(port)) {
      console.error(
        `Port ${port} (${name}) is already in use — is another \`npm start\` running? Stop it, or set ${name.toUpperCase()}_PORT.`,
      )
      process.exit(1)
    }
  }
  console.log('Starting DynamoDB Local…')
  const dynamodbEndpoint = `http://127.0.0.1:${ports.dynamo}`
  dynamo = await keepRunning({
    what: 'DynamoDB Local (java)',
    start: async () =>
      (await startDynamoLocal({ port: ports.dynamo, dbPath: join(ROOT, '.local', 'dynamodb-data') })).process,
    help: 'Stopping the local stack: check that `java -version` says 17 or newer and that memory is free, then run `npm start` again (the data stays in .local/dynamodb-data).',
    onFatal: fatal,
    isStopping: () => stopping,
    onStart: (child) => record('java')(child.pid),
  })
  cleanups.push(() => dynamo?.stop())
  const appUrl = `http://localhost:${ports.h5}`
  const s3 = await startS3Local({
    port: ports.s3,
    directory: join(ROOT, '.local', 's3-data'),
    bucket: 'gridlink-local-photos',
  })
  cleanups.push(() => s3.stop())
  s3.onFailure((why) =>
    fatal(
      `The S3 stand-in (s3rver, photos) stopped: ${why}. Stopping the local stack: run \`npm start\` again; if it repeats, move it with S3_PORT.`,
    ),
  )
  const env = localEnv({
    dynamodbEndpoint,
    wechatApiBase: `http://127.0.0.1:${ports.wechat}`,
    appUrl,
    s3Endpoint: s3.endpoint,
  })
  Object.assign(process.env, env)
  if (await ensureTable(dynamodbEndpoint, env.TABLE_NAME)) console.log(`Created table ${env.TABLE_NAME}`)

  // It plays WeChat's content security too: photo verdicts are pushed, signed, to the API's POST /wechat/push.
  const wechat = await startWechatStandIn(ports.wechat, {
    pushUrl: `http://127.0.0.1:${ports.api}/wechat/push`,
    pushToken: env.WECHAT_PUSH_TOKEN,
  })
  cleanups.push(() => wechat.close())
  wechat.once('close', () =>
    fatal('The WeChat stand-in (login, subscribe messages) stopped. Stopping the local stack: run `npm start` again.'),
  )

  const { seeded, summary } = await seedDemo()
  console.log(
    seeded ? 'Seeded the demo community 幸福里社区.' : 'Demo community already seeded; leaving the data as it is.',
  )

  console.log(
    'Starting the HTTP API (serverless offline, behind a proxy on the API port; restarted when functions/ or contracts/ change)…',
  )
  // How many requests serverless offline gets at once (the rest queue at the proxy): each one in flight is a worker thread.
  const maxInFlight = Number(process.env.API_MAX_IN_FLIGHT ?? 8)
  api = await superviseApi({
    env,
    port: ports.api,
    maxInFlight,
    onFatal: fatal,
    onRestart: record('api'),
    isStopping: () => stopping,
  })
  cleanups.push(() => api?.stop())

  console.log('Starting the H5 build of the mini-program (rebuilt on change)…')
  h5 = await keepRunning({
    what: 'The H5 build of the mini-program (taro build --watch)',
    start: () =>
      startChild('h5', join(ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', 'h5', '--watch'], {
        cwd: join(ROOT, 'miniprogram'),
        env: {
          ...process.env,
          TARO_APP_API_URL: `http://127.0.0.1:${ports.api}`,
          TARO_APP_STAGE: 'local',
          H5_PORT: String(ports.h5),
          BROWSER: 'none',
        },
      }),
    help: 'Stopping the local stack: see the [h5] lines above, fix what they say, and run `npm start` again.',
    onFatal: fatal,
    isStopping: () => stopping,
    onStart: (child) => record('h5')(child.pid),
  })
  cleanups.push(() => h5?.stop())
  await waitForHttp(appUrl, 300_000)

  const cards = await Promise.all(
    summary.gridIds.map(async (gridId) => {
      const grid = await dynamoStructureStore.getGrid(gridId)
      return grid ? `  ${grid.name}：${cardLink(appUrl, signCardCode(env.CARD_SECRET, grid.cardNo))}` : ''
    }),
  )
  console.log(
    [
      '',
      '网格连心 GridLink is running.',
      `  Mini-program (H5):  ${appUrl}`,
      `  HTTP API:           http://127.0.0.1:${ports.api}   (OpenAPI: http://127.0.0.1:${ports.api}/openapi.json)`,
      `  DynamoDB Local:     ${dynamodbEndpoint}   (table ${env.TABLE_NAME})`,
      `  S3 stand-in:        ${s3.endpoint}   (bucket ${env.PHOTO_BUCKET}, data in .local/s3-data)`,
      '  Scheduler:          tick every minute, run by serverless offline from serverless.yml (polls, evaluation windows, notifications)',
      `  WeChat stand-in:    http://127.0.0.1:${ports.wechat}   (subscribe messages sent: /_sink/subscribe-messages; photo checks: /_sink/media-checks)`,
      '',
      'Open a grid contact card (what scanning its QR code does):',
      ...cards,
      '',
      'Log in with a demo identity on the login page (H5 on the local stage only).',
      'Print cards: npm run cards   ·   WeChat build: npm run build:weapp   ·   Stop: Ctrl-C',
      '',
    ].join('\n'),
  )
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error)
  await shutdown(1)
})
