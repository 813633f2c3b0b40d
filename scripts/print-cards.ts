import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { printCommunityCards, printGridCard } from '../functions/src/domain/grids/card'
import { systemPrincipal } from '../functions/src/domain/shared/places'
import { loadConfig } from '../functions/src/config'
import { buildDeps } from '../functions/src/http/deps'
import { pdfCardPrinter } from '../functions/src/adapters/cardPrinter'
import { qrSource } from '../functions/src/adapters/cardQr'
import { localEnv } from './lib/env'
import { readSeed } from './lib/seed'

/**
 * Print-ready grid cards (A5 PDF, one page per grid) from the command line, against the local stack that
 * `npm start` runs (or any stage whose environment is set): `npm run cards -- --grid <id>`,
 * `npm run cards -- --community <id>`, or with neither, every grid of the demo community.
 */
const { values } = parseArgs({
  options: { grid: { type: 'string' }, community: { type: 'string' }, out: { type: 'string' } },
})
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
  const deps = buildDeps(await loadConfig(), (config) => ({
    printer: pdfCardPrinter(config.cardFontPath),
    qr: qrSource(config),
  }))
  let pdf: Buffer
  if (values.grid) pdf = await printGridCard(deps, systemPrincipal, { gridId: values.grid })
  else {
    const communityId = values.community ?? (await readSeed())?.communityId
    if (!communityId) throw new Error('Name a --grid or --community (no demo community is seeded)')
    pdf = await printCommunityCards(deps, systemPrincipal, { communityId })
  }
  const out = values.out ?? 'grid-cards.pdf'
  writeFileSync(out, pdf)
  console.log(`wrote ${out} (${Math.round(pdf.length / 1024)} KB)`)
}
main().catch((e) => {
  console.error(e instanceof Error ? `${e.name}: ${e.message}` : e)
  process.exit(1)
})
