import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http'
import { errorCatalog, type ErrorCode } from '../../contracts/errors'

/**
 * The API port of `npm start`: a loopback proxy in front of serverless offline, which `npm start` restarts when
 * the code changes or when it dies. While offline is (re)starting, requests wait for it (up to `holdMs`), then
 * get a 503 in the API's error shape; serverless offline's own error bodies (an HTTP 200 `{errorMessage,
 * errorType}` when a handler cannot even load) never reach a client as a success. At most `maxInFlight`
 * requests are at offline at once: it starts a worker thread for each concurrent request, and 2 cores gain
 * nothing from fifty of them; the rest queue here, as API Gateway queues for a function's concurrency.
 */
export interface ApiProxy {
  /** Offline serves on this loopback port: send requests there. */
  up(port: number): void
  /** Offline is (re)starting: hold requests until `up`. */
  starting(): void
  /** Offline is not coming back until something changes (e.g. the code does not build): answer 503 at once. */
  down(reason: string): void
  /** Resolves once no request is at that upstream port (to stop an old offline without cutting one off). */
  drained(port: number, timeoutMs: number): Promise<void>
  close(): Promise<void>
}

type State =
  | { kind: 'up'; port: number; generation: number }
  | { kind: 'starting'; generation: number }
  | { kind: 'down'; reason: string; generation: number }

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': '*',
  'access-control-allow-methods': '*',
}

const errorReply = (res: ServerResponse, code: ErrorCode, extra: Record<string, string> = {}) => {
  const { status, message } = errorCatalog[code]
  res.writeHead(status, { 'content-type': 'application/json', ...CORS, ...extra })
  res.end(JSON.stringify({ error: { code, message } }))
}

const readAll = (stream: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    stream.on('data', (c: Buffer) => chunks.push(c))
    stream.on('end', () => resolve(Buffer.concat(chunks)))
    stream.on('error', reject)
  })

/** serverless offline's own failure bodies (a handler that threw outside our wrapper, or could not be loaded). */
export const offlineOwnError = (headers: IncomingHttpHeaders, body: Buffer): string | undefined => {
  if (!String(headers['content-type'] ?? '').includes('json') || body.length > 64_000) return undefined
  try {
    const parsed = JSON.parse(body.toString('utf8')) as Record<string, unknown>
    if (
      parsed &&
      typeof parsed === 'object' &&
      typeof parsed.errorMessage === 'string' &&
      (typeof parsed.errorType === 'string' || 'offlineInfo' in parsed)
    )
      return parsed.errorMessage
  } catch {
    /* not JSON: ours (e.g. a PDF) */
  }
  return undefined
}

export const startApiProxy = (options: {
  port: number
  holdMs?: number
  maxInFlight?: number
  log?: (line: string) => void
}): Promise<ApiProxy> => {
  const holdMs = options.holdMs ?? 60_000
  const maxInFlight = options.maxInFlight ?? 8
  const log = options.log ?? ((line: string) => console.error(`[api-proxy] ${line}`))
  let state: State = { kind: 'starting', generation: 0 }
  const waiters: (() => void)[] = []
  let inFlight = 0
  const queue: (() => void)[] = []
  /** Requests at each upstream port now, and who waits for one to reach zero. */
  const atPort = new Map<number, number>()
  const drainWaiters = new Map<number, (() => void)[]>()
  const enter = (port: number) => atPort.set(port, (atPort.get(port) ?? 0) + 1)
  const leave = (port: number) => {
    const left = (atPort.get(port) ?? 1) - 1
    atPort.set(port, left)
    if (left === 0) for (const w of drainWaiters.get(port)?.splice(0) ?? []) w()
  }

  const setState = (next: State) => {
    state = next
    if (next.kind !== 'starting') for (const w of waiters.splice(0)) w()
  }
  /** The upstream port once offline is up, or undefined when the hold ran out or offline is down. */
  const upstream = async (deadline: number): Promise<{ port: number; generation: number } | undefined> => {
    for (;;) {
      const s = state
      if (s.kind === 'up') return { port: s.port, generation: s.generation }
      if (s.kind === 'down' || Date.now() >= deadline) return undefined
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now())
        waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
  }
  const acquire = () =>
    inFlight < maxInFlight
      ? (inFlight++, Promise.resolve())
      : new Promise<void>((r) => queue.push(() => (inFlight++, r())))
  const release = () => {
    inFlight--
    queue.shift()?.()
  }

  const forward = (port: number, req: IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const up = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, 'content-length': String(body.length) },
        },
        (res) =>
          readAll(res).then((b) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: b }), reject),
      )
      up.setTimeout(120_000, () => up.destroy(new Error('upstream timeout')))
      up.on('error', reject)
      up.end(body)
    })

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const deadline = Date.now() + holdMs
    const body = await readAll(req)
    // A browser's preflight while offline restarts: answer it here, so the real request gets to wait.
    if (req.method === 'OPTIONS' && state.kind !== 'up') {
      res.writeHead(204, { ...CORS, 'access-control-max-age': '600' })
      return res.end()
    }
    await acquire()
    try {
      for (let attempt = 0; ; attempt++) {
        const target = await upstream(deadline)
        if (!target) return errorReply(res, 'service.restarting', { 'retry-after': '5' })
        let answer
        enter(target.port)
        try {
          answer = await forward(target.port, req, body)
        } catch (error) {
          const refused = (error as NodeJS.ErrnoException).code === 'ECONNREFUSED'
          const safe = req.method === 'GET' || req.method === 'HEAD'
          // Nothing reached offline (it stopped between our look and our call; npm start restarts it), or a read that
          // changes nothing: send it again to the next one.
          if ((refused || safe) && attempt < 5 && Date.now() < deadline) {
            await new Promise((r) => setTimeout(r, 500))
            continue
          }
          // Offline went away with the request in it: it may or may not have been applied (creates are idempotent).
          log(`${req.method} ${req.url}: serverless offline went away during the request (${(error as Error).message})`)
          return errorReply(res, 'service.restarting', { 'retry-after': '5' })
        } finally {
          leave(target.port)
        }
        const own = offlineOwnError(answer.headers, answer.body)
        if (own !== undefined) {
          const restarted = state.kind !== 'up' || state.generation !== target.generation
          log(
            `${req.method} ${req.url}: serverless offline answered ${answer.status} with its own error: ${own.slice(0, 300)}`,
          )
          return errorReply(res, restarted ? 'service.restarting' : 'internal')
        }
        const headers = { ...answer.headers }
        delete headers['transfer-encoding']
        delete headers.connection
        res.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.length) })
        return res.end(answer.body)
      }
    } finally {
      release()
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      log(`${req.method} ${req.url}: ${(error as Error).message}`)
      if (!res.headersSent) errorReply(res, 'internal')
      else res.destroy()
    })
  })
  server.keepAliveTimeout = 5_000
  let generation = 0
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve({
        up: (port) => setState({ kind: 'up', port, generation: ++generation }),
        starting: () => setState({ kind: 'starting', generation: ++generation }),
        down: (reason) => setState({ kind: 'down', reason, generation: ++generation }),
        drained: (port, timeoutMs) =>
          !atPort.get(port)
            ? Promise.resolve()
            : new Promise<void>((r) => {
                const timer = setTimeout(r, timeoutMs)
                drainWaiters.set(port, [
                  ...(drainWaiters.get(port) ?? []),
                  () => {
                    clearTimeout(timer)
                    r()
                  },
                ])
              }),
        close: () =>
          new Promise<void>((r) => {
            server.close(() => r())
            server.closeAllConnections()
          }),
      })
    })
  })
}
