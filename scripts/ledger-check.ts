import { parseArgs } from 'node:util'
import { loadConfig } from '../functions/src/config'
import { checkCommunity } from '../functions/src/domain/pointsBank/checks'
import { buildDeps } from '../functions/src/http/deps'
import { localEnv } from './lib/env'
import { readSeed } from './lib/seed'

/**
 * `npm run ledger:check [-- --community <id> …]`: the points ledger's reconciliation (every cached balance against
 * the sum of its entries, the community summing to zero) and chain check (each account's hash chain, its first
 * broken link), against the local stack `npm start` runs (or any stage whose environment is set). With no
 * --community, the demo community. Prints each discrepancy and exits 1 when there is one; the report is also kept
 * for the admin's page, as the daily run's is.
 */
const { values } = parseArgs({ options: { community: { type: 'string', multiple: true } } })
if (!process.env.TABLE_NAME) {
  Object.assign(
    process.env,
    localEnv({
      dynamodbEndpoint: `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}`,
      wechatApiBase: 'http://127.0.0.1:8790',
      appUrl: process.env.APP_URL ?? 'http://localhost:10086',
      s3Endpoint: `http://127.0.0.1:${process.env.S3_PORT ?? 4569}`,
    }),
  )
}

const main = async () => {
  const deps = buildDeps(await loadConfig())
  const communities = values.community?.length
    ? values.community
    : [(await readSeed())?.communityId].filter((c): c is string => !!c)
  if (communities.length === 0) throw new Error('Name a --community (no demo community is seeded)')
  let problems = 0
  for (const communityId of communities) {
    const r = await checkCommunity(deps, communityId, 'command')
    console.log(
      `${communityId}: ${r.accounts} accounts, ${r.entries} entries, sum ${r.sum} (${r.balanced ? 'balanced' : 'NOT balanced'})`,
    )
    for (const d of r.reconciliation.discrepancies)
      console.log(`  对账差异 ${d.label} (${d.account}): ${d.problems.join('；')}`)
    for (const b of r.chain.broken) console.log(`  断链 ${b.label} (${b.account}) 第 ${b.seq} 笔: ${b.problem}`)
    if (r.reconciliation.ok && r.chain.ok) console.log('  对账一致，哈希链完整')
    problems += r.reconciliation.discrepancies.length + r.chain.broken.length + (r.balanced ? 0 : 1)
  }
  process.exit(problems > 0 ? 1 : 0)
}
main().catch((e) => {
  console.error(e instanceof Error ? `${e.name}: ${e.message}` : e)
  process.exit(1)
})
