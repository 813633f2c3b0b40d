import type { TestProject } from 'vitest/node'
import { ensureTable, freePort, startDynamoLocal } from '../../scripts/lib/dynamodbLocal'
import { startWechatStandIn } from '../../scripts/lib/wechatStandIn'

/** One DynamoDB Local (in memory, on a free port) and one WeChat stand-in for the integration run. */
export default async function setup(project: TestProject) {
  const [dbPort, wxPort] = [await freePort(), await freePort()]
  const dynamo = await startDynamoLocal({ port: dbPort })
  const tableName = 'gridlink-test'
  await ensureTable(dynamo.endpoint, tableName)
  const wechat = await startWechatStandIn(wxPort)
  project.provide('stack', { dynamodbEndpoint: dynamo.endpoint, tableName, wechatApiBase: `http://127.0.0.1:${wxPort}` })
  return async () => {
    wechat.close()
    await dynamo.stop()
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    stack: { dynamodbEndpoint: string; tableName: string; wechatApiBase: string }
  }
}
