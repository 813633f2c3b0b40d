import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb'

/**
 * Capacity metering for benchmarks and tests: when a meter is active, every call asks DynamoDB for its
 * consumed capacity and the meter adds it up. Off by default, so production calls are unchanged.
 */
export interface CapacityMeter {
  calls: { command: string; capacity: number; start: number; end: number }[]
}
let activeMeter: CapacityMeter | undefined
export const startMetering = (): CapacityMeter => (activeMeter = { calls: [] })
export const stopMetering = (): CapacityMeter | undefined => {
  const m = activeMeter
  activeMeter = undefined
  return m
}

const sumCapacity = (c: ConsumedCapacity | ConsumedCapacity[] | undefined): number =>
  c === undefined ? 0 : Array.isArray(c) ? c.reduce((s, x) => s + (x.CapacityUnits ?? 0), 0) : (c.CapacityUnits ?? 0)

/** Time with at least one call in flight: parallel calls count once. */
export const timeInCalls = (calls: CapacityMeter['calls']): number => {
  let total = 0
  let until = -Infinity
  for (const c of [...calls].sort((a, b) => a.start - b.start)) {
    if (c.end <= until) continue
    total += c.end - Math.max(c.start, until)
    until = c.end
  }
  return total
}

export const createDocumentClient = (): DynamoDBDocumentClient => {
  const endpoint = process.env.DYNAMODB_ENDPOINT
  const client = new DynamoDBClient({
    ...(endpoint
      ? {
          endpoint,
          region: process.env.AWS_REGION ?? 'ap-east-1',
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
  })
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  })
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const meter = activeMeter
      if (!meter) return next(args)
      const input = args.input as Record<string, unknown>
      input.ReturnConsumedCapacity = 'TOTAL'
      const started = performance.now()
      const command = (context.commandName ?? 'unknown').replace(/Command$/, '')
      try {
        const result = await next(args)
        const out = result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }
        meter.calls.push({
          command,
          capacity: sumCapacity(out.ConsumedCapacity),
          start: started,
          end: performance.now(),
        })
        return result
      } catch (error) {
        // A refused condition still costs a round trip (its capacity is not reported back).
        meter.calls.push({ command: `${command}(refused)`, capacity: 0, start: started, end: performance.now() })
        throw error
      }
    },
    { step: 'initialize', name: 'gridlinkCapacityMeter' },
  )
  return doc
}

let shared: DynamoDBDocumentClient | undefined
/** One client per Lambda container, created on first use. */
export const documentClient = (): DynamoDBDocumentClient => (shared ??= createDocumentClient())
