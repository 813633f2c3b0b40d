// `npm start` on a fresh clone: install dependencies when they are missing, then run the TypeScript
// orchestrator (scripts/start.ts). Kept in plain JavaScript because nothing else is installed yet.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
// The AWS SDK warns at every start that Node 20 support ends; the stack runs on Node 20 like the Lambda runtime.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
if (!existsSync(join(root, 'node_modules', '.bin', 'tsx'))) {
  console.log('Installing dependencies (first run)…')
  const res = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' })
  if (res.status !== 0) process.exit(res.status ?? 1)
}
const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'scripts', 'start.ts')], { cwd: root, stdio: 'inherit' })
// Ctrl-C reaches the whole foreground group; the orchestrator does the stopping. Forward TERM from e.g. a supervisor.
process.on('SIGINT', () => {})
process.on('SIGTERM', () => child.kill('SIGTERM'))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
