import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(__dirname, '../..')

describe('the served OpenAPI document', () => {
  it('passes Redocly’s recommended rules with no error and no warning', () => {
    // `--format json` prints the problems; the one accepted finding is in .redocly.lint-ignore.yaml, with why.
    let out: string
    try {
      out = execFileSync(join(root, 'node_modules/.bin/redocly'), ['lint', 'docs/openapi.json', '--format', 'json'], {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    } catch (error) {
      out = (error as { stdout?: string }).stdout ?? ''
    }
    const report = JSON.parse(out.slice(out.indexOf('{'))) as {
      totals: { errors: number; warnings: number }
      problems: { ruleId: string; message: string }[]
    }
    expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([])
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 })
  }, 60_000)
})
