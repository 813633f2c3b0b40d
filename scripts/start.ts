import { join } from 'node:path'
import { signCardCode } from '../functions/src/domain/grids/cardCode'
import { dynamoStructureStore } from '../functions/src/storage/structureStore'
import { cardLink } from '../functions/src/domain/grids/ports'
import { checkJava, ensureTable, JAVA_HELP, ROOT, startDynamoLocal } from './lib/dynamodbLocal'
import { startApi } from './lib/api'
import { localEnv } from './lib/env'
import { portOpen, startChild, stopAll, waitForHttp } from './lib/processes'
import { seedDemo } from './lib/seed'
import { startWechatStandIn } from './lib/wechatStandIn'
import { startS3Local } from './lib/s3Local'

/**
 * `npm start`: the whole local stack. DynamoDB Local (data kept in .local/dynamodb-data), the table,
 * the demo community (once), a loopback jscode2session stand-in, the HTTP API through serverless-offline,
 * and the H5 build of the mini-program, served and rebuilt on change. Ctrl-C stops all of it.
 */
const ports = {
  dynamo: Number(process.env.DYNAMODB_PORT ?? 8000),
  api: Number(process.env.API_PORT ?? 3000),
  h5: Number(process.env.H5_PORT ?? 10086),
  wechat: Number(process.env.WECHAT_PORT ?? 8790),
  s3: Number(process.env.S3_PORT ?? 4569),
}

const main = async () => {
  if (!checkJava()) {
    console.error(JAVA_HELP)
    process.exit(1)
  }
  for (const [name, port] of Object.entries(ports)) {
    if (await portOpen(port)) {
      console.error(`Port ${port} (${name}) is already in use — is another \`npm start\` running? Stop it, or set ${name.toUpperCase()}_PORT.`)
      process.exit(1)
    }
  }
  let stopping = false
  const cleanups: (() => Promise<unknown> | unknown)[] = []
  const shutdown = async (code = 0) => {
    if (stopping) return
    stopping = true
    console.log('\nStopping the local stack…')
    await stopAll()
    for (const c of cleanups.reverse()) await c()
    process.exit(code)
  }
  process.on('SIGINT', () => void shutdown())
  process.on('SIGTERM', () => void shutdown())

  console.log('Starting DynamoDB Local…')
  const dynamo = await startDynamoLocal({ port: ports.dynamo, dbPath: join(ROOT, '.local', 'dynamodb-data') })
  cleanups.push(() => dynamo.stop())
  const appUrl = `http://localhost:${ports.h5}`
  const s3 = await startS3Local({ port: ports.s3, directory: join(ROOT, '.local', 's3-data'), bucket: 'gridlink-local-photos' })
  cleanups.push(() => s3.stop())
  const env = localEnv({ dynamodbEndpoint: dynamo.endpoint, wechatApiBase: `http://127.0.0.1:${ports.wechat}`, appUrl, s3Endpoint: s3.endpoint })
  Object.assign(process.env, env)
  if (await ensureTable(dynamo.endpoint, env.TABLE_NAME)) console.log(`Created table ${env.TABLE_NAME}`)

  const wechat = await startWechatStandIn(ports.wechat)
  cleanups.push(() => wechat.close())

  const { seeded, summary } = await seedDemo()
  console.log(seeded ? 'Seeded the demo community 幸福里社区.' : 'Demo community already seeded; leaving the data as it is.')

  console.log('Starting the HTTP API (serverless offline)…')
  await startApi(env, ports.api)

  console.log('Starting the H5 build of the mini-program (rebuilt on change)…')
  startChild('h5', join(ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', 'h5', '--watch'], {
    cwd: join(ROOT, 'miniprogram'),
    env: { ...process.env, TARO_APP_API_URL: `http://127.0.0.1:${ports.api}`, TARO_APP_STAGE: 'local', H5_PORT: String(ports.h5), BROWSER: 'none' },
  })
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
      `  DynamoDB Local:     ${dynamo.endpoint}   (table ${env.TABLE_NAME})`,
      `  S3 stand-in:        ${s3.endpoint}   (bucket ${env.PHOTO_BUCKET}, data in .local/s3-data)`,
      '  Scheduler:          tick every minute, run by serverless offline from serverless.yml (polls, evaluation windows, notifications)',
      `  WeChat stand-in:    http://127.0.0.1:${ports.wechat}   (subscribe messages sent: /_sink/subscribe-messages)`,
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
  await stopAll()
  process.exit(1)
})
