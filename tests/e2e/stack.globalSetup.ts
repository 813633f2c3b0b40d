import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { startApi } from '../../scripts/lib/api'
import { ensureTable, freePort, ROOT, startDynamoLocal } from '../../scripts/lib/dynamodbLocal'
import { localEnv } from '../../scripts/lib/env'
import { stopAll } from '../../scripts/lib/processes'
import { serveStatic } from '../../scripts/lib/staticServer'
import { startWechatStandIn } from '../../scripts/lib/wechatStandIn'
import { startS3Local } from '../../scripts/lib/s3Local'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'

/**
 * The browser tests' stack, all on free loopback ports: DynamoDB Local in memory with the demo community,
 * the WeChat stand-in, the API through serverless-offline, and the H5 build pointed at that API.
 */
export default async function setup(project: TestProject) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
  const [dbPort, wxPort, apiPort, lambdaPort, webPort, s3Port] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ]
  const stops: (() => unknown)[] = []
  // Stops what has started, newest first: after the run, or at once when starting fails half-way (no java left behind).
  const teardown = async () => {
    for (const stop of stops.reverse()) await stop()
  }
  try {
    const dynamo = await startDynamoLocal({ port: dbPort })
    stops.push(() => dynamo.stop())
    const appUrl = `http://127.0.0.1:${webPort}`
    const s3 = await startS3Local({
      port: s3Port,
      directory: mkdtempSync(join(tmpdir(), 'gridlink-e2e-s3-')),
      bucket: 'gridlink-local-photos',
    })
    stops.push(() => s3.stop())
    // The table the local stage names (serverless.yml sets TABLE_NAME for the API it serves); this DynamoDB Local is the tests' own.
    const env = localEnv({
      dynamodbEndpoint: dynamo.endpoint,
      wechatApiBase: `http://127.0.0.1:${wxPort}`,
      appUrl,
      s3Endpoint: s3.endpoint,
    })
    Object.assign(process.env, env)
    await ensureTable(dynamo.endpoint, env.TABLE_NAME)
    // It pushes photo verdicts (mediaCheckAsync) to the API's message-push endpoint, signed as WeChat signs them.
    const wechat = await startWechatStandIn(wxPort, {
      pushUrl: `http://127.0.0.1:${apiPort}/wechat/push`,
      pushToken: env.WECHAT_PUSH_TOKEN,
    })
    stops.push(() => wechat.close())
    const { seedDemo } = await import('../../scripts/lib/seed')
    const { summary } = await seedDemo()
    const { signCardCode } = await import('../../functions/src/domain/grids/cardCode')
    const { dynamoStructureStore } = await import('../../functions/src/storage/structure/store')
    const grid = (await dynamoStructureStore.getGrid(summary.gridIds[0]!))!

    // The tests run the scheduler themselves, at the moments they choose; serverless offline's own minute timer would
    // send their notifications and close their polls at moments nobody chose.
    stops.push(() => stopAll())
    await startApi({ ...env, LOCAL_SCHEDULER: 'false' }, apiPort, { quiet: true, lambdaPort })
    const outDir = join(ROOT, 'miniprogram', 'dist', 'h5-e2e')
    const build = spawnSync(join(ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', 'h5'], {
      cwd: join(ROOT, 'miniprogram'),
      encoding: 'utf8',
      env: {
        ...process.env,
        NODE_ENV: 'production',
        TARO_APP_API_URL: `http://127.0.0.1:${apiPort}`,
        TARO_APP_STAGE: 'local',
        TARO_OUTPUT_DIR: outDir,
      },
    })
    if (build.status !== 0)
      throw new Error(`H5 build failed:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`)
    const web = await serveStatic(outDir, webPort)
    stops.push(() => web.close())

    project.provide('e2e', {
      appUrl,
      apiUrl: `http://127.0.0.1:${apiPort}`,
      cardCode: signCardCode(env.CARD_SECRET, grid.cardNo),
      gridName: grid.name,
      buildingIds: summary.buildingIds,
      communityId: summary.communityId,
      // The stack's settings, so a test can run the scheduler's handler in-process against the same table, at the time it chooses.
      env,
    })
  } catch (error) {
    await teardown()
    throw error
  }
  return teardown
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: {
      appUrl: string
      apiUrl: string
      cardCode: string
      gridName: string
      buildingIds: string[]
      communityId: string
      env: Record<string, string>
    }
  }
}
