// `npm test` runs this first (npm's `pretest`): on a fresh clone it installs the npm dependencies, as `npm start`
// does, and stops at once, saying how to install it, when Java (integration tests), chromium (browser tests) or
// the CJK fonts (browser tests, printed cards) are missing, instead of failing minutes later.
import { ensureDependencies, missingForTests } from './setup.mjs'

ensureDependencies()
const missing = missingForTests()
if (missing.length > 0) {
  for (const sentence of missing) console.error(sentence)
  console.error('(`.ci/run` installs all of them on a Debian machine; `npm run test:unit` needs none.)')
  process.exit(1)
}
