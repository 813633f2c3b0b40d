import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ulid } from 'ulid'
import { ROOT } from './dynamodbLocal'

/**
 * The load scenario's compound, made through the real handlers in-process (`call`, as the seed does) against the
 * running stack's DynamoDB Local: a community of its own under the demo street (so the demo community stays as
 * it is), one compound of `households` registered rooms in buildings of 300, a grid worker who approves every
 * binding, a committee member, and one resident per household bound by the request → approval path (so each
 * is the household's representative). Logins use WeChat codes `load-<n>`, which the WeChat stand-in turns into
 * stable openids, so `POST /auth/login` over HTTP later finds the same users.
 * Idempotent: what exists is kept (.local/load-setup.json names it, and is checked against the table); every
 * run adds one new matter with a poll open now over the compound's households.
 */
export interface LoadWorld {
  communityId: string
  compoundId: string
  gridId: string
  buildingIds: string[]
  households: number
  matterId: string
  pollId: string
  electorate: number
}

type Call = (
  method: string,
  path: string,
  options?: { token?: string; body?: unknown; query?: Record<string, string> },
) => Promise<{ status: number; body: any }>

const STATE = join(ROOT, '.local', 'load-setup.json')
const PER_BUILDING = 300
export const loginCode = (n: number) => `load-${n}`
/** Household n's address: buildings of 3 units × 25 floors × 4 rooms. */
export const addressOf = (n: number) => {
  const i = n % PER_BUILDING
  return {
    building: Math.floor(n / PER_BUILDING),
    unit: String(1 + Math.floor(i / 100)),
    room: `${1 + Math.floor((i % 100) / 4)}0${1 + (i % 4)}`,
  }
}

const pool = async <T>(items: T[], limit: number, work: (item: T) => Promise<void>) => {
  let next = 0
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]!)
    }),
  )
}

export const setUpLoad = async (
  call: Call,
  streetId: string,
  households: number,
  log: (line: string) => void,
): Promise<LoadWorld> => {
  const ok = async (what: string, p: Promise<{ status: number; body: any }>, accept: number[] = []) => {
    const res = await p
    if (res.status >= 300 && !accept.includes(res.status))
      throw new Error(`load set-up: ${what} answered ${res.status} ${JSON.stringify(res.body)}`)
    return res
  }
  const login = async (code: string) =>
    (await ok(`login ${code}`, call('POST', '/auth/login', { body: { code } }))).body as {
      token: string
      userId: string
    }
  const admin = (await ok('demo login', call('POST', '/auth/demo-login', { body: { key: 'communityAdmin' } }))).body
    .token as string
  const post = async (path: string, body: unknown, token = admin) =>
    (await ok(`POST ${path}`, call('POST', path, { token, body }))).body

  type Saved = Omit<LoadWorld, 'matterId' | 'pollId' | 'electorate'> & { bound: number }
  let saved: Saved | undefined = existsSync(STATE) ? (JSON.parse(readFileSync(STATE, 'utf8')) as Saved) : undefined
  if (
    saved &&
    (saved.households !== households ||
      (await call('GET', `/communities/${saved.communityId}/structure`, { token: admin })).status !== 200)
  )
    saved = undefined
  const save = (s: Saved) => {
    mkdirSync(join(ROOT, '.local'), { recursive: true })
    writeFileSync(STATE, JSON.stringify(s, null, 2))
  }
  const committee = await login('load-committee')
  const gridWorker = await login('load-gridworker')

  if (!saved) {
    log(`Making the load compound: ${households} households…`)
    const community = await post(`/streets/${streetId}/communities`, {
      name: `压力测试社区 ${new Date().toISOString().slice(0, 16)}`,
    })
    const compound = await post(`/communities/${community.communityId}/compounds`, { name: '万家苑' })
    const buildingIds: string[] = []
    for (let b = 0; b < Math.ceil(households / PER_BUILDING); b++)
      buildingIds.push((await post(`/compounds/${compound.compoundId}/buildings`, { name: `${b + 1}号楼` })).buildingId)
    const rooms = Array.from({ length: households }, (_, n) => addressOf(n))
    for (const [b, buildingId] of buildingIds.entries()) {
      const mine = rooms.filter((r) => r.building === b).map(({ unit, room }) => ({ unit, room }))
      for (let i = 0; i < mine.length; i += 200)
        await post(`/buildings/${buildingId}/households`, { households: mine.slice(i, i + 200) })
    }
    const grid = await post(`/communities/${community.communityId}/grids`, { name: '压力测试网格', buildingIds })
    await post('/role-grants', {
      userId: gridWorker.userId,
      role: 'gridWorker',
      place: { type: 'grid', id: grid.gridId },
    })
    await post('/role-grants', {
      userId: committee.userId,
      role: 'committee',
      place: { type: 'community', id: community.communityId },
    })
    // Proposals go to review at once: the scenario is the poll evening, not the seconding.
    const settings = (
      await ok('settings', call('GET', `/communities/${community.communityId}/deliberation-settings`, { token: admin }))
    ).body
    await ok(
      'settings',
      call('PUT', `/communities/${community.communityId}/deliberation-settings`, {
        token: admin,
        body: { ...settings, secondsNeeded: 0 },
      }),
    )
    saved = {
      communityId: community.communityId,
      compoundId: compound.compoundId,
      gridId: grid.gridId,
      buildingIds,
      households,
      bound: 0,
    }
    save(saved)
  }

  if (saved.bound < households) {
    const world = saved
    const started = Date.now()
    log(`Binding ${households - world.bound} representatives through request → approval (in-process, once)…`)
    // Left pending by an interrupted set-up: approve them first.
    const pending = (
      await ok(
        'queue',
        call('GET', '/binding-requests', {
          token: gridWorker.token,
          query: { gridId: world.gridId, status: 'pending' },
        }),
      )
    ).body.items
    for (const r of pending as { requestId: string }[])
      await post(`/bindings/${r.requestId}/decision`, { decision: 'approve' }, gridWorker.token)
    let done = 0
    await pool(
      Array.from({ length: households - world.bound }, (_, k) => world.bound + k),
      8,
      async (n) => {
        const user = await login(loginCode(n))
        const { building, unit, room } = addressOf(n)
        const req = await ok(
          `bind ${n}`,
          call('POST', '/bindings', {
            token: user.token,
            body: { buildingId: world.buildingIds[building], unit, room },
          }),
          [409],
        )
        if (req.status === 201)
          await post(`/bindings/${req.body.requestId}/decision`, { decision: 'approve' }, gridWorker.token)
        if (++done % 500 === 0) log(`  ${done} bound (${((Date.now() - started) / 1000).toFixed(0)} s)`)
      },
    )
    saved = { ...world, bound: households }
    save(saved)
  }

  // Each run: a new matter of the compound, accepted, with a poll open from now for three hours.
  const proposer = await login(loginCode(0))
  const matter = await post(
    '/matters',
    {
      matterId: ulid(),
      scope: { type: 'compound', id: saved.compoundId },
      categoryId: 'shared-facilities',
      title: '小区停车位改造方案表决',
      text: '物业提出将东门绿地改造为三十个停车位，请各户代表投票表决是否同意。',
    },
    proposer.token,
  )
  // The party is picked from the community's 责任方名录: 万家苑物业, entered once under a fixed id (a repeat is the same).
  const property = (
    await ok(
      'organisation',
      call('PUT', `/communities/${saved.communityId}/organisations/${saved.communityId}-property`, {
        token: admin,
        body: { kind: 'property', name: '万家苑物业', memberIds: [] },
      }),
    )
  ).body as { organisationId: string }
  await post(
    `/matters/${matter.matterId}/review`,
    { decision: 'accept', triage: 'general', responsibleParty: { organisationId: property.organisationId } },
    committee.token,
  )
  const opened = await post(
    `/matters/${matter.matterId}/poll`,
    {
      options: ['同意', '不同意', '弃权'],
      opensAt: new Date().toISOString(),
      closesAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
      secret: true,
      rule: { minTurnout: 0.5, passShare: 0.5, passOption: 0 },
    },
    committee.token,
  )
  return { ...saved, matterId: matter.matterId, pollId: opened.poll.pollId, electorate: opened.poll.electorate }
}
