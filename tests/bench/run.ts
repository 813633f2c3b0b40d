import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ulid } from 'ulid'
import { ensureTable, freePort, ROOT, startDynamoLocal } from '../../scripts/lib/dynamodbLocal'
import { localEnv } from '../../scripts/lib/env'
import { startWechatStandIn } from '../../scripts/lib/wechatStandIn'
import { weappPackageSizes } from '../../scripts/build-miniprogram'
import { microWishScenarios } from './microWishes'
import { volunteeringScenarios } from './volunteering'

/**
 * `npm run bench`: for every endpoint, the in-process handler (the real Lambda handler, API Gateway event in,
 * response out) against the DynamoDB round trips it makes, on one DynamoDB Local in one run; the capacity
 * units of those calls; each function's bundle; the weapp main package. It prints figures and asserts nothing.
 * ITERATIONS=n changes the sample size (default 40); BENCH_ONLY=text runs the scenarios whose name contains it.
 */
const ITERATIONS = Number(process.env.ITERATIONS ?? 40)

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

const main = async () => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
  const dynamo = await startDynamoLocal({ port: await freePort() })
  const wxPort = await freePort()
  const wechat = await startWechatStandIn(wxPort)
  Object.assign(
    process.env,
    localEnv({
      dynamodbEndpoint: dynamo.endpoint,
      wechatApiBase: `http://127.0.0.1:${wxPort}`,
      appUrl: 'http://localhost:10086',
      s3Endpoint: 'http://127.0.0.1:4569',
      tableName: 'gridlink-bench',
    }),
  )
  // The handlers' one log line per request would drown the figures.
  process.env.POWERTOOLS_LOG_LEVEL = 'WARN'
  await ensureTable(dynamo.endpoint, 'gridlink-bench')
  // Imported after the environment is set.
  const { call } = await import('../../scripts/lib/invoke')
  const { seedDemo } = await import('../../scripts/lib/seed')
  const { startMetering, stopMetering, timeInCalls } = await import('../../functions/src/storage/client')
  const { summary } = await seedDemo()

  const token = async (key: string) => (await call('POST', '/auth/demo-login', { body: { key } })).body.token as string
  const [admin, head, worker, rep] = [
    await token('communityAdmin'),
    await token('buildingHead'),
    await token('gridWorker'),
    await token('representative'),
  ]

  const A1 = summary.buildingIds[0]!
  const grid = summary.gridIds[0]!
  const code = (await call('GET', `/grids/${grid}/card-code`, { token: worker })).body.code as string
  const newUserToken = async (i: number) =>
    (await call('POST', '/auth/login', { body: { code: `bench-${i}-${ulid()}` } })).body.token as string
  const rooms = ['101', '102', '201', '202', '301', '302', '401', '402', '501', '502']

  type Scenario = {
    name: string
    prepare?: (i: number) => Promise<any>
    run: (i: number, prepared: any) => Promise<{ status: number }>
  }

  // Deliberation: proposals in 1号楼 go straight to review (no seconds), so each step can be prepared quickly.
  const settings = (await call('GET', `/communities/${summary.communityId}/deliberation-settings`, { token: admin }))
    .body
  await call('PUT', `/communities/${summary.communityId}/deliberation-settings`, {
    token: admin,
    body: { ...settings, secondsNeeded: 0 },
  })
  const committee = await token('committee')
  // Review and resolution name a party of the community's registry (责任方名录): the demo's property company.
  const organisations = (await call('GET', `/communities/${summary.communityId}/organisations`, { token: committee }))
    .body.items as { organisationId: string; name: string }[]
  const property = { organisationId: organisations.find((o) => o.name === '阳光物业')!.organisationId }
  const { appDeps } = await import('../../functions/src/http/deps')
  const { closePoll } = await import('../../functions/src/domain/deliberation/resolve')
  const deps = await appDeps()
  const proposal = {
    scope: { type: 'building', id: A1 },
    categoryId: 'shared-facilities',
    title: '更换楼道照明',
    text: '1单元楼道灯坏了三盏，建议统一更换为声控LED灯。',
  }
  const newMatter = async () =>
    (await call('POST', '/matters', { token: rep, body: { ...proposal, matterId: ulid() } })).body.matterId as string
  const accepted = async () => {
    const id = await newMatter()
    await call('POST', `/matters/${id}/review`, {
      token: committee,
      body: { decision: 'accept', triage: 'small', responsibleParty: property },
    })
    return id
  }
  const pollBody = () => ({
    options: ['同意', '不同意'],
    opensAt: new Date().toISOString(),
    closesAt: new Date(Date.now() + 3_600_000).toISOString(),
    secret: true,
    rule: { minTurnout: 0.1, passShare: 0.5, passOption: 0 },
  })
  const openedPoll = async () =>
    (await call('POST', `/matters/${await accepted()}/poll`, { token: head, body: pollBody() })).body.poll
      .pollId as string
  const scenarios: Scenario[] = [
    { name: 'POST /auth/login', run: (i) => call('POST', '/auth/login', { body: { code: `bench-login-${i % 5}` } }) },
    { name: 'GET /auth/demo-identities', run: () => call('GET', '/auth/demo-identities') },
    { name: 'POST /auth/demo-login', run: () => call('POST', '/auth/demo-login', { body: { key: 'resident' } }) },
    { name: 'GET /me', run: () => call('GET', '/me', { token: rep }) },
    {
      name: 'POST /bindings',
      prepare: (i) => newUserToken(i),
      run: (i, t) =>
        call('POST', '/bindings', { token: t, body: { buildingId: A1, unit: '2', room: rooms[i % rooms.length] } }),
    },
    {
      name: 'GET /binding-requests (building)',
      run: () => call('GET', `/binding-requests?buildingId=${A1}`, { token: head }),
    },
    {
      name: 'GET /binding-requests (grid)',
      run: () => call('GET', `/binding-requests?gridId=${grid}`, { token: worker }),
    },
    {
      name: 'POST /bindings/{id}/decision',
      prepare: async (i) =>
        (
          await call('POST', '/bindings', {
            token: await newUserToken(i + 1000),
            body: { buildingId: A1, unit: '1', room: rooms[i % rooms.length] },
          })
        ).body.requestId,
      run: (_i, requestId) =>
        call('POST', `/bindings/${requestId}/decision`, { token: head, body: { decision: 'approve' } }),
    },
    {
      name: 'PUT /households/{id}/representative',
      prepare: async () => (await call('GET', '/me', { token: rep })).body,
      run: (_i, me) =>
        call('PUT', `/households/${me.households[0].householdId}/representative`, {
          token: worker,
          body: { userId: me.userId },
        }),
    },
    {
      name: 'POST /role-grants',
      run: () =>
        call('POST', '/role-grants', {
          token: admin,
          body: {
            userId: summary.users.inServiceMember,
            role: 'inServiceMember',
            place: { type: 'community', id: summary.communityId },
          },
        }),
    },
    {
      name: 'POST /streets/{id}/communities',
      run: (i) =>
        call('POST', `/streets/${summary.streetId}/communities`, { token: admin, body: { name: `压测社区${i}` } }),
    },
    {
      name: 'POST /communities/{id}/compounds',
      run: (i) =>
        call('POST', `/communities/${summary.communityId}/compounds`, { token: admin, body: { name: `压测小区${i}` } }),
    },
    {
      name: 'POST /compounds/{id}/buildings',
      run: (i) =>
        call('POST', `/compounds/${summary.compoundIds[1]}/buildings`, { token: admin, body: { name: `压测楼${i}` } }),
    },
    {
      name: 'POST /buildings/{id}/households (10)',
      // Into a building the polls below do not use, so their electorate stays 1号楼's 24 households.
      run: (i) =>
        call('POST', `/buildings/${summary.buildingIds.at(-1)}/households`, {
          token: admin,
          body: { households: Array.from({ length: 10 }, (_, k) => ({ unit: `b${i}`, room: `${k}` })) },
        }),
    },
    {
      name: 'POST /communities/{id}/grids',
      prepare: async (i) =>
        (
          await call('POST', `/communities/${summary.communityId}/compounds`, {
            token: admin,
            body: { name: `网格小区${i}` },
          })
        ).body.compoundId,
      run: async (i, compoundId) => {
        const b = await call('POST', `/compounds/${compoundId}/buildings`, { token: admin, body: { name: `G${i}` } })
        return call('POST', `/communities/${summary.communityId}/grids`, {
          token: admin,
          body: { name: `压测网格${i}`, buildingIds: [b.body.buildingId] },
        })
      },
    },
    {
      name: 'PATCH /grids/{id}',
      run: (i) => call('PATCH', `/grids/${grid}`, { token: admin, body: { name: i % 2 ? '第一网格' : '第一网格 ' } }),
    },
    {
      name: 'PATCH /places/{type}/{id}',
      run: () => call('PATCH', `/places/building/${A1}`, { token: admin, body: { name: '1号楼' } }),
    },
    {
      name: 'GET /communities/{id}/structure',
      run: () => call('GET', `/communities/${summary.communityId}/structure`, { token: admin }),
    },
    { name: 'GET /cards/{code}', run: () => call('GET', `/cards/${code}`) },
    { name: 'GET /grids/{id}/contact', run: () => call('GET', `/grids/${grid}/contact`, { token: rep }) },
    { name: 'GET /grids/{id}/card-code', run: () => call('GET', `/grids/${grid}/card-code`, { token: worker }) },
    { name: 'GET /grids/{id}/card-print', run: () => call('GET', `/grids/${grid}/card-print`, { token: worker }) },
    {
      name: 'GET /communities/{id}/card-print',
      run: () => call('GET', `/communities/${summary.communityId}/card-print`, { token: admin }),
    },
    { name: 'GET /openapi.json', run: () => call('GET', '/openapi.json') },
    {
      name: 'POST /matters (propose)',
      run: () => call('POST', '/matters', { token: rep, body: { ...proposal, matterId: ulid() } }),
    },
    {
      name: 'GET /matters/{id}',
      prepare: () => newMatter(),
      run: (_i, id) => call('GET', `/matters/${id}`, { token: rep }),
    },
    { name: 'GET /matters (my community)', run: () => call('GET', '/matters', { token: rep }) },
    {
      name: 'POST /matters/{id}/review (accept)',
      prepare: () => newMatter(),
      run: (_i, id) =>
        call('POST', `/matters/${id}/review`, {
          token: committee,
          body: { decision: 'accept', triage: 'small', responsibleParty: property },
        }),
    },
    {
      name: 'POST /matters/{id}/poll (24 households)',
      prepare: () => accepted(),
      run: (_i, id) => call('POST', `/matters/${id}/poll`, { token: head, body: pollBody() }),
    },
    {
      name: 'POST /polls/{id}/votes',
      prepare: () => openedPoll(),
      run: (_i, pollId) => call('POST', `/polls/${pollId}/votes`, { token: rep, body: { option: 0 } }),
    },
    {
      name: 'close poll (scheduler, 24 households)',
      prepare: async () => {
        const pollId = await openedPoll()
        await call('POST', `/polls/${pollId}/votes`, { token: rep, body: { option: 0 } })
        await call('POST', `/polls/${pollId}/votes`, { token: head, body: { option: 1 } })
        return pollId
      },
      run: async (_i, pollId) => ((await closePoll(deps, pollId)) ? { status: 200 } : { status: 500 }),
    },
  ]
  scenarios.push(...(await microWishScenarios({ call, token, summary, deps })))
  scenarios.push(...(await volunteeringScenarios({ call, token, summary, deps })))

  // Points bank: a bench item (1 point, deep stock) so 刘芳's points last the run; 李红梅 hands redemptions over.
  {
    const c = summary.communityId
    for (let i = 0; i < 10; i++)
      await call('POST', `/communities/${c}/points/awards`, {
        token: admin,
        body: { awardId: ulid(), ruleId: 'volunteer', userId: summary.users.representative },
      })
    const benchItem = (
      await call('POST', `/communities/${c}/shop-items`, {
        token: admin,
        body: {
          itemId: ulid(),
          name: '压测商品',
          kind: 'goods',
          price: 1,
          stock: 5000,
          pickupPlace: '服务站',
          pickupDays: 7,
        },
      })
    ).body.itemId as string
    const redeemed = async () =>
      (await call('POST', `/shop-items/${benchItem}/redemptions`, { token: rep, body: { redemptionId: ulid() } })).body
    scenarios.push(
      {
        name: 'POST /shop-items/{id}/redemptions',
        run: () => call('POST', `/shop-items/${benchItem}/redemptions`, { token: rep, body: { redemptionId: ulid() } }),
      },
      {
        name: 'POST /redemptions/{id}/fulfil',
        prepare: () => redeemed(),
        run: (_i, r) =>
          call('POST', `/redemptions/${r.redemptionId}/fulfil`, { token: worker, body: { code: r.pickup.code } }),
      },
      {
        name: 'GET /me/points/entries (passbook page)',
        run: () => call('GET', '/me/points/entries?limit=20', { token: rep }),
      },
    )
  }

  // 首页: the representative's (a poll to vote in, matters to second…), the committee's and the grid worker's, each
  // reading every capability's 待办 (by then the community holds the open matters the scenarios above left).
  scenarios.push(
    { name: 'GET /me/home (representative)', run: () => call('GET', '/me/home', { token: rep }) },
    { name: 'GET /me/home (committee)', run: () => call('GET', '/me/home', { token: committee }) },
    { name: 'GET /me/home (grid worker)', run: () => call('GET', '/me/home', { token: worker }) },
  )

  // BENCH_ONLY=text runs only the scenarios whose name contains it (their set-up above still runs).
  const only = process.env.BENCH_ONLY
  // The grid scenario creates its building inside run(), so its figures include that call.
  const rows: { name: string; handler: number; dynamo: number; calls: string; capacity: number; status: string }[] = []
  for (const s of scenarios.filter((x) => !only || x.name.includes(only))) {
    const handlerMs: number[] = []
    const dynamoMs: number[] = []
    let calls = ''
    let capacity = 0
    const statuses = new Set<number>()
    for (let i = -3; i < ITERATIONS; i++) {
      const prepared = s.prepare ? await s.prepare(i + 3) : undefined
      startMetering()
      const t = performance.now()
      const res = await s.run(i + 3, prepared)
      const elapsed = performance.now() - t
      const meter = stopMetering()!
      if (i < 0) continue // warm-up
      statuses.add(res.status)
      handlerMs.push(elapsed)
      dynamoMs.push(timeInCalls(meter.calls))
      const counts = new Map<string, number>()
      for (const c of meter.calls) counts.set(c.command, (counts.get(c.command) ?? 0) + 1)
      calls = [...counts].map(([c, n]) => (n > 1 ? `${c}×${n}` : c)).join(' ')
      capacity = meter.calls.reduce((sum, c) => sum + c.capacity, 0)
    }
    rows.push({
      name: s.name,
      handler: median(handlerMs),
      dynamo: median(dynamoMs),
      calls,
      capacity,
      status: [...statuses].join('/'),
    })
  }

  const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length))
  const lines = [
    `Endpoints — medians of ${ITERATIONS} in-process calls on DynamoDB Local (2 cores); "DynamoDB" is the time its DynamoDB calls were in flight (parallel calls counted once).`,
    `${pad('endpoint', 44)}${pad('status', 8)}${pad('handler ms', 12)}${pad('DynamoDB ms', 13)}${pad('overhead', 10)}${pad('capacity', 10)}calls`,
    ...rows.map(
      (r) =>
        `${pad(r.name, 44)}${pad(r.status, 8)}${pad(r.handler.toFixed(2), 12)}${pad(r.dynamo.toFixed(2), 13)}${pad((r.handler - r.dynamo).toFixed(2), 10)}${pad(r.capacity.toFixed(1), 10)}${r.calls}`,
    ),
  ]

  // Bundles, as `serverless package` builds them for AWS.
  const pkg = spawnSync(
    join(ROOT, 'node_modules', '.bin', 'serverless'),
    ['package', '--stage', 'bench', '--package', join(ROOT, '.local', 'bench-package')],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, SLS_TELEMETRY_DISABLED: '1' },
    },
  )
  lines.push('', 'Function bundles (serverless package, zipped; AWS SDK v3 comes from the Lambda runtime):')
  if (pkg.status === 0) {
    for (const f of readdirSync(join(ROOT, '.local', 'bench-package'))
      .filter((f) => f.endsWith('.zip'))
      .sort())
      lines.push(
        `  ${pad(f.replace('.zip', ''), 14)}${(statSync(join(ROOT, '.local', 'bench-package', f)).size / 1024).toFixed(1)} KB`,
      )
  } else lines.push(`  serverless package failed: ${pkg.stderr.slice(-500)}`)

  lines.push('', 'Mini-program (weapp build):')
  if (process.env.BENCH_SKIP_WEAPP !== '1')
    spawnSync('npm', ['run', '--silent', 'build:weapp'], { cwd: ROOT, stdio: 'ignore' })
  if (existsSync(join(ROOT, 'miniprogram', 'dist', 'weapp', 'app.json'))) {
    const { main, subpackages } = weappPackageSizes()
    lines.push(`  main package        ${(main / 1024).toFixed(1)} KB (WeChat limit 2048 KB)`)
    for (const p of subpackages) lines.push(`  ${pad(p.name, 20)}${(p.bytes / 1024).toFixed(1)} KB`)
  } else lines.push('  no weapp build found (npm run build:weapp)')

  const report = lines.join('\n')
  console.log(report)
  mkdirSync(join(ROOT, 'tests', 'bench', 'results'), { recursive: true })
  writeFileSync(join(ROOT, 'tests', 'bench', 'results', 'latest.txt'), `${new Date().toISOString()}\n${report}\n`)
  wechat.close()
  await dynamo.stop()
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
