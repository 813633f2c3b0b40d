import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { ROOT } from './lib/dynamodbLocal'

/**
 * Builds the mini-program for `weapp` (what project.config.json points WeChat DevTools at) or `h5`, and
 * for weapp prints the size of the main package and of each subpackage against WeChat's 2 MB limit.
 */
const target = process.argv[2] === 'h5' ? 'h5' : 'weapp'
const dir = join(ROOT, 'miniprogram')

const sizeOf = (path: string): number =>
  statSync(path).isDirectory()
    ? readdirSync(path).reduce((sum, f) => sum + sizeOf(join(path, f)), 0)
    : statSync(path).size

export const weappPackageSizes = (out = join(dir, 'dist', 'weapp')) => {
  const packagesDir = join(out, 'packages')
  const subpackages = existsSync(packagesDir)
    ? readdirSync(packagesDir).map((name) => ({ name: `packages/${name}`, bytes: sizeOf(join(packagesDir, name)) }))
    : []
  const total = sizeOf(out)
  return { main: total - subpackages.reduce((s, p) => s + p.bytes, 0), subpackages }
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

if (require.main === module) {
  const res = spawnSync(join(ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', target], {
    cwd: dir,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (res.status !== 0) process.exit(res.status ?? 1)
  const out = join(dir, 'dist', target)
  console.log(`\nBuilt ${relative(ROOT, out)}/`)
  if (target === 'weapp') {
    const { main, subpackages } = weappPackageSizes(out)
    // The project's budgets, well inside WeChat's 2 MB per package: room for the pages still to come.
    const over = (bytes: number, budgetKb: number) => (bytes > budgetKb * 1024 ? '  OVER BUDGET' : '')
    console.log(`  main package        ${kb(main)}  (budget 600 KB, WeChat limit 2048 KB)${over(main, 600)}`)
    for (const p of subpackages)
      console.log(`  ${p.name.padEnd(20)}${kb(p.bytes)}  (budget 500 KB)${over(p.bytes, 500)}`)
    console.log('Open the repository root in WeChat DevTools: project.config.json points it at this build.')
  }
}
