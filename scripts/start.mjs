// `npm start` on a fresh clone: install dependencies when they are missing (scripts/setup.mjs), then run the TypeScript
// orchestrator (scripts/start.ts). Kept in plain JavaScript because nothing else is installed yet.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { ensureDependencies, ROOT as root } from './setup.mjs'

// The AWS SDK warns at every start that Node 20 support ends (the machine runs Node 20; Lambda runs nodejs22.x).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
ensureDependencies()
const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'scripts', 'start.ts')], {
  cwd: root,
  stdio: 'inherit',
})
// Ctrl-C reaches the whole foreground group; the orchestrator does the stopping. Forward TERM from e.g. a supervisor.
process.on('SIGINT', () => {})
process.on('SIGTERM', () => child.kill('SIGTERM'))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
