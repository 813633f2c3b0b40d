import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './lib/dynamodbLocal'
import { localEnv } from './lib/env'
import { loginCode } from './lib/loadSetup'
import { readStackState } from './lib/supervise'

/**
 * `npm run load`: a compound's poll evening against the running `npm start`. Set-up in-process through the real
 * handlers (scripts/lib/loadSetup.ts: LOAD_HOUSEHOLDS bound representatives, once, and a new open poll each run);
 * then over HTTP at the API port, LOAD_IN_FLIGHT requests in flight: every household logs in with its WeChat
 * code, opens the matter page, votes, and opens it again. Prints throughput, p50/p99 per kind, errors by status
 * and code, the memory of serverless offline (RSS of its process tree, threads) sampled each second, and whether
 * the stack survived; the same report goes to .local/load-latest.txt.
 */
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
const ports = {
  api: env('API_PORT', 3000),
  dynamo: env('DYNAMODB_PORT', 8000),
  wechat: env('WECHAT_PORT', 8790),
  s3: env('S3_PORT', 4569),
  h5: env('H5_PORT', 10086),
}
const HOUSEHOLDS = env('LOAD_HOUSEHOLDS', 3000)
const IN_FLIGHT = env('LOAD_IN_FLIGHT', 50)
const api = `http://127.0.0.1:${ports.api}`
const log = (line: string) => console.log(line)

type Kind = 'login' | 'matter' | 'vote'
interface Sample {
  kind: Kind
  status: number
  code: string
  ms: number
}

// --- memory of a process tree, from /proc -----------------------------------------------------------------------
const statusOf = (pid: number) => {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8')
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0)
    return { rssKb: field('VmRSS'), threads: field('Threads'), ppid: field('PPid') }
  } catch {
    return undefined
  }
}
const treeOf = (root: number) => {
  const parents = new Map<number, number[]>()
  for (const name of readdirSync('/proc')) {
    const pid = Number(name)
    const ppid = pid ? statusOf(pid)?.ppid : undefined
    if (ppid) parents.set(ppid, [...(parents.get(ppid) ?? []), pid])
  }
  const all = [root]
  for (let i = 0; i < all.length; i++) all.push(...(parents.get(all[i]!) ?? []))
  return all
}
/** The process itself (its worker threads share it) and, with its children (esbuild's service), the whole tree. */
const memoryOf = (root: number | undefined) => {
  const self = root ? statusOf(root) : undefined
  if (!root || !self) return undefined
  const tree = treeOf(root).map(statusOf)
  return {
    rssMb: self.rssKb / 1024,
    treeMb: tree.reduce((s, p) => s + (p?.rssKb ?? 0), 0) / 1024,
    threads: self.threads,
  }
}

// --- HTTP ---------------------------------------------------------------------------------------------------------
const samples: Sample[] = []
const send = async (kind: Kind, method: string, path: string, body?: unknown, token?: string) => {
  const started = performance.now()
  let status = 0
  let code = ''
  let json: any
  try {
    const res = await fetch(api + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(120_000),
    })
    status = res.status
    const text = await res.text()
    json = JSON.parse(text)
    code = json?.error?.code ?? (typeof json?.errorMessage === 'string' ? "serverless offline's own error body" : '')
  } catch (error) {
    code = code || `${(error as Error).name}: ${(error as Error).message}`.slice(0, 80)
  }
  samples.push({ kind, status, code, ms: performance.now() - started })
  return { status, json }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0

const main = async () => {
  const up = await fetch(`${api}/openapi.json`, { signal: AbortSignal.timeout(10_000) }).catch(() => undefined)
  if (up?.status !== 200)
    throw new Error(
      `No API at ${api}: start the local stack first (\`npm start\`, in another terminal), with the same *_PORT settings.`,
    )
  Object.assign(
    process.env,
    localEnv({
      dynamodbEndpoint: `http://127.0.0.1:${ports.dynamo}`,
      wechatApiBase: `http://127.0.0.1:${ports.wechat}`,
      appUrl: `http://localhost:${ports.h5}`,
      s3Endpoint: `http://127.0.0.1:${ports.s3}`,
    }),
    { POWERTOOLS_LOG_LEVEL: 'WARN' },
  )
  // Imported once the environment names the stack's table, endpoints and secrets.
  const { call } = await import('./lib/invoke')
  const { readSeed } = await import('./lib/seed')
  const { setUpLoad } = await import('./lib/loadSetup')
  const seed = await readSeed()
  if (!seed) throw new Error('The demo community is not seeded: `npm start` seeds it on its first run.')
  const t0 = Date.now()
  const world = await setUpLoad(call, seed.streetId, HOUSEHOLDS, log)
  log(
    `Set-up ${((Date.now() - t0) / 1000).toFixed(0)} s: poll ${world.pollId} open over ${world.electorate} households.`,
  )

  const stack = readStackState()
  const apiPidBefore = stack?.pieces.api
  const memory: NonNullable<ReturnType<typeof memoryOf>>[] = []
  const startMemory = memoryOf(readStackState()?.pieces.api)
  const sampler = setInterval(() => {
    const m = memoryOf(readStackState()?.pieces.api)
    if (m) memory.push(m)
  }, 1000)

  log(
    `Driving ${api}: ${HOUSEHOLDS} households log in, read the matter, vote and read it again, ${IN_FLIGHT} requests in flight…`,
  )
  const started = performance.now()
  let next = 0
  let accepted = 0
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < HOUSEHOLDS) {
        const n = next++
        const login = await send('login', 'POST', '/auth/login', { code: loginCode(n) })
        const token = login.json?.token as string | undefined
        if (!token) continue
        await send('matter', 'GET', `/matters/${world.matterId}`, undefined, token)
        const vote = await send(
          'vote',
          'POST',
          `/polls/${world.pollId}/votes`,
          { option: n % 10 < 6 ? 0 : n % 10 < 9 ? 1 : 2 },
          token,
        )
        if (vote.status === 201) accepted++
        await send('matter', 'GET', `/matters/${world.matterId}`, undefined, token)
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  clearInterval(sampler)

  // Survived? The API answers, serverless offline is the same process, and the turnout shown is the votes accepted.
  const after = await fetch(`${api}/openapi.json`, { signal: AbortSignal.timeout(30_000) }).catch(() => undefined)
  const apiPidAfter = readStackState()?.pieces.api
  const committee = (await call('POST', '/auth/login', { body: { code: 'load-committee' } })).body.token
  const shown = (await call('GET', `/matters/${world.matterId}`, { token: committee })).body?.poll?.votedHouseholds

  const lines = [
    `npm run load — ${new Date().toISOString()} — ${HOUSEHOLDS} households, ${IN_FLIGHT} requests in flight, ${api}`,
    `${samples.length} requests in ${seconds.toFixed(1)} s: ${(samples.length / seconds).toFixed(0)} requests/s`,
    '',
    'kind     count  req/s   p50 ms   p99 ms   max ms',
    ...(['login', 'matter', 'vote'] as Kind[]).map((kind) => {
      const ms = samples
        .filter((s) => s.kind === kind)
        .map((s) => s.ms)
        .sort((a, b) => a - b)
      return `${kind.padEnd(7)}${String(ms.length).padStart(6)}${(ms.length / seconds).toFixed(0).padStart(7)}${percentile(ms, 50).toFixed(0).padStart(9)}${percentile(ms, 99).toFixed(0).padStart(9)}${(ms.at(-1) ?? 0).toFixed(0).padStart(9)}`
    }),
    '',
    `statuses: ${[...count(samples.map((s) => String(s.status || 'no answer')))].map(([k, v]) => `${k} ×${v}`).join(', ')}`,
    `errors by status and code: ${
      [
        ...count(
          samples
            .filter((s) => s.status === 0 || s.status >= 400 || s.code)
            .map((s) => `${s.kind} ${s.status || 'no answer'} ${s.code || '(no code)'}`),
        ),
      ]
        .map(([k, v]) => `${k} ×${v}`)
        .join(', ') || 'none'
    }`,
    `votes accepted ${accepted} of ${HOUSEHOLDS}; the poll shows ${shown} households voted`,
    '',
    `serverless offline (the API process with its worker threads; pid ${apiPidBefore}), sampled each second:`,
    ...(memory.length
      ? [
          `  RSS before ${startMemory?.rssMb.toFixed(0)} MB, peak ${peak(memory, 'rssMb')} MB, at the end ${memory.at(-1)!.rssMb.toFixed(0)} MB; threads before ${startMemory?.threads}, peak ${peak(memory, 'threads')}`,
          `  with its child processes (esbuild's service): peak ${peak(memory, 'treeMb')} MB`,
        ]
      : ['  (not found: .local/stack.json names no running serverless offline)']),
    `the stack ${after?.status === 200 ? 'survived' : 'did NOT survive'}: /openapi.json answered ${after?.status ?? 'nothing'} after the run; serverless offline ${apiPidAfter === apiPidBefore ? 'was not restarted' : `was restarted (pid ${apiPidBefore} → ${apiPidAfter})`}`,
  ]
  log(`\n${lines.join('\n')}`)
  writeFileSync(join(ROOT, '.local', 'load-latest.txt'), `${lines.join('\n')}\n`)
  process.exit(after?.status === 200 ? 0 : 1)
}

const peak = <T extends Record<string, number>>(xs: T[], key: keyof T) =>
  Math.max(...xs.map((x) => x[key] as number)).toFixed(0)

const count = (keys: string[]) => {
  const m = new Map<string, number>()
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1)
  return [...m].sort((a, b) => b[1] - a[1])
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
