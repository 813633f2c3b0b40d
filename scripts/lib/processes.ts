import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { createConnection } from 'node:net'

/** Children started in their own process group, so stopping one stops everything it started too. */
const children = new Set<ChildProcess>()

export const startChild = (
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions & { quiet?: boolean; hide?: (line: string) => boolean } = {},
) => {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  children.add(child)
  const prefix = (line: string) => `[${name}] ${line}`
  const pipe = (stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream) =>
    stream?.on('data', (d: Buffer) => {
      if (options.quiet) return
      for (const line of d.toString().split('\n'))
        if (line.trim() && !options.hide?.(line)) out.write(`${prefix(line)}\n`)
    })
  pipe(child.stdout, process.stdout)
  pipe(child.stderr, process.stderr)
  child.on('exit', () => children.delete(child))
  return child
}

export const stopChild = (child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return resolve()
    child.once('exit', () => resolve())
    try {
      process.kill(-child.pid, signal)
    } catch {
      child.kill(signal)
    }
    setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL')
      } catch {
        /* already gone */
      }
    }, 5000).unref()
  })

export const stopAll = () => Promise.all([...children].map((c) => stopChild(c)))

/** At exit, whatever the path to it: signal every child's group at once, so none outlives the process that started it. */
export const killAllNow = (signal: NodeJS.Signals = 'SIGTERM') => {
  for (const c of children) {
    try {
      if (c.pid) process.kill(-c.pid, signal)
    } catch {
      /* already gone */
    }
  }
}

export const portOpen = (port: number, host = '127.0.0.1') =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host })
    socket.once('connect', () => {
      socket.end()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })

export const waitForHttp = async (url: string, timeoutMs: number, isReady: (res: Response) => boolean = () => true) => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) })
      if (isReady(res)) return
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`)
    await new Promise((r) => setTimeout(r, 300))
  }
}
