import type { ChildProcess } from 'node:child_process'
import { watch, type FSWatcher } from 'node:fs'
import { join } from 'node:path'
import { startApi } from './api'
import { startApiProxy } from './apiProxy'
import { freePort, ROOT } from './dynamodbLocal'
import { stopChild } from './processes'

/**
 * The HTTP API of `npm start`: serverless offline on loopback ports of its own, behind the proxy on the API port.
 * Code changes take effect by starting a new offline (it bundles as it starts, into a folder of its own) while
 * the old one keeps serving; once the new one answers, the proxy sends requests there and the old one stops when
 * its last request is done. So a request never meets a half-built bundle, and a change that does not build
 * leaves the API serving the code before it. functions/, contracts/ and serverless.yml are watched.
 * When offline dies (e.g. out of memory) requests wait at the proxy while it is restarted, and `npm start` says
 * so; when it keeps dying, `onFatal` stops the stack with what to do.
 */
export interface ApiSupervisor {
  /** The current serverless offline process (changes at each restart). */
  pid(): number | undefined
  stop(): Promise<void>
}

const WATCHED_DIRS = ['functions', 'contracts']
const say = (line: string) => console.log(`[stack] ${line}`)

/** The first line of a failure and the lines that name an error (esbuild's, the compiler's), not the stack. */
const summary = (message: string) => {
  const lines = message.split('\n')
  const errors = lines.filter((l) => /\bERROR\b|Error:|error TS/.test(l) && !/^\S*\s+at /.test(l))
  return [lines[0], ...new Set(errors)].slice(0, 8).join('\n')
}

interface Running {
  child: ChildProcess
  port: number
}

export const superviseApi = async (options: {
  env: Record<string, string>
  port: number
  maxInFlight?: number
  onFatal: (message: string) => void
  onRestart?: (pid: number | undefined) => void
  isStopping?: () => boolean
}): Promise<ApiSupervisor> => {
  const proxy = await startApiProxy({ port: options.port, maxInFlight: options.maxInFlight })
  let current: Running | undefined
  let stopping = false
  let restarting: Promise<void> | undefined
  let again = false
  const deaths: number[] = []

  /** A new offline, serving once this resolves; the proxy is switched to it. */
  const launch = async (): Promise<Running> => {
    const [port, lambdaPort] = [await freePort(), await freePort()]
    const child = await startApi(options.env, port, { lambdaPort })
    const running = { child, port }
    child.once('exit', (code, signal) => {
      if (stopping || options.isStopping?.() || current !== running) return
      current = undefined
      onDeath(code, signal)
    })
    current = running
    proxy.up(port)
    options.onRestart?.(child.pid)
    return running
  }

  const retire = async (old: Running) => {
    await proxy.drained(old.port, 30_000)
    await stopChild(old.child)
  }

  const onDeath = (code: number | null, signal: NodeJS.Signals | null) => {
    const now = Date.now()
    deaths.push(now)
    while (deaths.length && deaths[0]! < now - 5 * 60_000) deaths.shift()
    const how = signal ? `signal ${signal}` : `exit code ${code}`
    if (deaths.length > 3) {
      proxy.down('serverless offline keeps stopping')
      return options.onFatal(
        `serverless offline (the HTTP API) stopped ${deaths.length} times in 5 minutes (last: ${how}); see the [api] lines above. ` +
          'Stopping the whole local stack: run `npm start` again; if it repeats, lower the load on the API.',
      )
    }
    say(
      `serverless offline (the HTTP API) stopped unexpectedly (${how}); see the [api] lines above. Restarting it; requests wait meanwhile.`,
    )
    void restart('it stopped')
  }

  /** One restart at a time; a change during a restart asks for one more after it. */
  const restart = (why: string): Promise<void> => {
    if (restarting) {
      again = true
      return restarting
    }
    restarting = (async () => {
      do {
        again = false
        const old = current
        if (!old) proxy.starting()
        const t = Date.now()
        try {
          await launch()
          say(`HTTP API ${old ? 'reloaded' : 'restarted'} (${why}) in ${((Date.now() - t) / 1000).toFixed(1)} s.`)
          if (old) await retire(old)
        } catch (error) {
          const reason = summary((error as Error).message)
          if (old)
            say(
              `serverless offline did not start with the change (${why}):\n${reason}\n[stack] The API keeps serving the code before it; fix the code and save.`,
            )
          else {
            proxy.down(reason)
            say(
              `serverless offline did not start (${why}):\n${reason}\n[stack] Requests get 503 service.restarting until it does: fix the code and save.`,
            )
          }
        }
      } while (again && !stopping)
    })().finally(() => (restarting = undefined))
    return restarting
  }

  await launch()

  let timer: NodeJS.Timeout | undefined
  const changed = new Set<string>()
  const onChange = (what: string) => {
    if (/(^|\/)\.|~$|\.swp$/.test(what)) return
    changed.add(what)
    clearTimeout(timer)
    timer = setTimeout(() => {
      const files = [...changed]
      changed.clear()
      void restart(`${files.slice(0, 3).join(', ')}${files.length > 3 ? ` and ${files.length - 3} more` : ''} changed`)
    }, 400)
  }
  const watchers: FSWatcher[] = [
    ...WATCHED_DIRS.map((dir) =>
      watch(join(ROOT, dir), { recursive: true }, (_event, file) => onChange(join(dir, String(file ?? '')))),
    ),
    // The folder, not the file: editors save by replacing it, which ends a watch on the file itself.
    watch(ROOT, (_event, file) => file === 'serverless.yml' && onChange(file)),
  ]

  return {
    pid: () => current?.child.pid,
    stop: async () => {
      stopping = true
      clearTimeout(timer)
      for (const w of watchers) w.close()
      if (current) await stopChild(current.child)
      await proxy.close()
    },
  }
}
