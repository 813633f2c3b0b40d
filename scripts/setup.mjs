// Set-up shared by `npm start` and `npm test` on a fresh clone: the npm dependencies, installed when missing, and
// the three things npm cannot install (Java for DynamoDB Local, Debian's chromium and CJK fonts), each named in
// one sentence saying how to install it. Plain JavaScript: it runs before anything is installed.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

/** The tools the npm scripts call; one missing means the dependencies are not (fully) installed. */
const TOOLS = ['tsc', 'tsx', 'vitest', 'eslint', 'serverless', 'taro']

/** What package.json lists and node_modules lacks: a fresh clone, or a dependency someone added since. */
const missingDependencies = () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
  const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
  return [
    ...TOOLS.filter((t) => !existsSync(join(ROOT, 'node_modules', '.bin', t))),
    ...names.filter((name) => !existsSync(join(ROOT, 'node_modules', name, 'package.json'))),
  ]
}

export const ensureDependencies = () => {
  const missing = [...new Set(missingDependencies())]
  if (missing.length === 0) return
  const named =
    missing.length > 6 ? `${missing.slice(0, 6).join(', ')} and ${missing.length - 6} more` : missing.join(', ')
  console.log(`Installing the npm dependencies (${named} not installed yet)…`)
  // `npm install`, not `npm ci`: see .ci/run (the lockfile cannot list Taro's bindings for other platforms).
  const res = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' })
  if (res.status !== 0) process.exit(res.status ?? 1)
}

export const JAVA_HELP =
  'DynamoDB Local needs Java 17 or newer, and `java` was not found: install it with `sudo apt-get install -y openjdk-17-jre-headless` ' +
  '(Debian/Ubuntu), `brew install openjdk@17` (macOS) or from https://adoptium.net, then run the command again.'

const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const CHROMIUM_HELP = () =>
  `The browser tests need Debian's chromium, and ${chromiumPath()} was not found: install it with \`sudo apt-get install -y chromium fonts-noto-cjk\` ` +
  '(or point CHROMIUM_PATH at a Chromium), then run the command again.'

const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
const FONTS_HELP = () =>
  `The browser tests and the printed cards need the Noto CJK fonts, and ${process.env.CARD_FONT_PATH || CJK_FONT} was not found: install them with ` +
  '`sudo apt-get install -y fonts-noto-cjk` (or set CARD_FONT_PATH to a CJK font), then run the command again.'

export const hasJava = () => spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0

/** One sentence for each thing `npm test` needs from the machine and does not find (`.ci/run` installs all three). */
export const missingForTests = () => [
  ...(hasJava() ? [] : [JAVA_HELP]),
  ...(existsSync(chromiumPath()) ? [] : [CHROMIUM_HELP()]),
  ...(existsSync(process.env.CARD_FONT_PATH || CJK_FONT) ? [] : [FONTS_HELP()]),
]
