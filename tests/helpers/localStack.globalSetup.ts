import type { TestProject } from 'vitest/node'
import { ensureTable, freePort, startDynamoLocal } from '../../scripts/lib/dynamodbLocal'
import { startWechatStandIn } from '../../scripts/lib/wechatStandIn'
import { startS3Local } from '../../scripts/lib/s3Local'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** One DynamoDB Local (in memory, on a free port) and one WeChat stand-in for the integration run. */
export default async function setup(project: TestProject) {
  const [dbPort, wxPort, s3Port] = [await freePort(), await freePort(), await freePort()]
  const dynamo = await startDynamoLocal({ port: dbPort })
  const tableName = 'gridlink-test'
  await ensureTable(dynamo.endpoint, tableName)
  // No push URL: the handlers run in-process, so a test delivers a photo verdict itself from /_sink/media-checks.
  const wechat = await startWechatStandIn(wxPort, { pushToken: 'test-push-token' })
  const s3 = await startS3Local({
    port: s3Port,
    directory: mkdtempSync(join(tmpdir(), 'gridlink-s3-')),
    bucket: 'gridlink-local-photos',
  })
  project.provide('stack', {
    dynamodbEndpoint: dynamo.endpoint,
    tableName,
    wechatApiBase: `http://127.0.0.1:${wxPort}`,
    s3Endpoint: s3.endpoint,
  })
  return async () => {
    await s3.stop()
    wechat.close()
    await dynamo.stop()
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: { dynamodbEndpoint: string; tableName: string; wechatApiBase: string; s3Endpoint: string }
  }
}
