import type { ChildProcess } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './dynamodbLocal'
import { stopChild } from './processes'

/**
 * Keeps a piece of `npm start` running: when its process stops unexpectedly, says which piece and restarts it;
 * when it keeps stopping (more than 3 times in 5 minutes) or cannot be restarted, `onFatal` gets one message
 * naming the piece and what to do, and stops the stack (never a half stack left running silently).
 */
export interface Kept {
  current(): ChildProcess | undefined
  stop(): Promise<void>
}

export const say = (line: string) => console.log(`[stack] ${line}`)

export const keepRunning = async (o: {
  /** What a reader calls it: "DynamoDB Local (java)". */
  what: string
  start: () => Promise<ChildProcess> | ChildProcess
  /** The sentence on what to do when it cannot be kept running. */
  help: string
  onFatal: (message: string) => void
  onStart?: (child: ChildProcess) => void
  /** The whole stack is stopping (Ctrl-C reaches java too): an exit then is no news. */
  isStopping?: () => boolean
}): Promise<Kept> => {
  let child: ChildProcess | undefined
  let stopping = false
  const deaths: number[] = []
  const launch = async () => {
    const started = await o.start()
    child = started
    o.onStart?.(started)
    started.once('exit', (code, signal) => {
      if (stopping || o.isStopping?.() || child !== started) return
      child = undefined
      const now = Date.now()
      deaths.push(now)
      while (deaths[0]! < now - 5 * 60_000) deaths.shift()
      const how = signal ? `signal ${signal}` : `exit code ${code}`
      if (deaths.length > 3)
        return o.onFatal(`${o.what} stopped ${deaths.length} times in 5 minutes (last: ${how}). ${o.help}`)
      say(`${o.what} stopped unexpectedly (${how}); restarting it.`)
      launch().then(
        () => say(`${o.what} is running again.`),
        (error: Error) =>
          o.onFatal(`${o.what} stopped (${how}) and could not be restarted: ${error.message.slice(0, 500)}. ${o.help}`),
      )
    })
  }
  await launch()
  return {
    current: () => child,
    stop: async () => {
      stopping = true
      if (child) await stopChild(child)
    },
  }
}

/**
 * `.local/stack.json`: the processes of the running `npm start`, for `npm run load` (the API's memory) and for the
 * next `npm start`, which stops what one killed outright (kill -9, a closed terminal) left behind.
 */
const STATE = join(ROOT, '.local', 'stack.json')
export interface StackState {
  pid: number
  pieces: Record<string, number | undefined>
}

export const writeStackState = (pieces: StackState['pieces']) =>
  writeFileSync(STATE, JSON.stringify({ pid: process.pid, pieces } satisfies StackState, null, 2))
export const readStackState = (): StackState | undefined => {
  try {
    return JSON.parse(readFileSync(STATE, 'utf8')) as StackState
  } catch {
    return undefined
  }
}
export const clearStackState = () => rmSync(STATE, { force: true })

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
const commandOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ')
  } catch {
    return ''
  }
}

/** Stops what an `npm start` that is gone left running (only processes of this checkout). */
export const stopLeftovers = (): string[] => {
  const state = readStackState()
  if (!state || alive(state.pid)) return []
  const stopped: string[] = []
  for (const [name, pid] of Object.entries(state.pieces)) {
    // Ours only: every piece's command line names this checkout (java's library path, offline's and taro's binaries).
    if (!pid || !alive(pid) || !commandOf(pid).includes(ROOT)) continue
    try {
      process.kill(-pid, 'SIGTERM')
    } catch {
      try {
        process.kill(pid, 'SIGTERM')
      } catch {
        continue
      }
    }
    stopped.push(`${name} (pid ${pid})`)
  }
  clearStackState()
  return stopped
}
