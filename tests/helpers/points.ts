import { ulid } from 'ulid'
import { call, expectOk, makeCommunity, makeUser } from './factories'

/** Runs `f` over `xs`, `width` at a time (the scene's set-up: hundreds of calls without hundreds at once). */
export const inBatches = async <T, R>(xs: T[], width: number, f: (x: T, i: number) => Promise<R>): Promise<R[]> => {
  const out: R[] = []
  for (let i = 0; i < xs.length; i += width)
    out.push(...(await Promise.all(xs.slice(i, i + width).map((x, j) => f(x, i + j)))))
  return out
}

export const rules = [
  {
    ruleId: 'deliberate',
    name: '参加议事',
    amount: 2,
    cap: { period: 'day', times: 1 },
    awardRoles: ['committee', 'communityAdmin', 'gridWorker'],
    active: true,
  },
  { ruleId: 'clean', name: '楼道清理', amount: 5, awardRoles: ['gridWorker', 'communityAdmin'], active: true },
  { ruleId: 'big', name: '见义勇为', amount: 100, awardRoles: ['communityAdmin'], active: true },
]

/**
 * A community with a points bank: the admin (street level), a grid worker over A1+A2 (who approves bindings and
 * hands over redemptions), a committee member, the earning rules above, a budget, and `residents` residents bound
 * to the households of A1 and A2 (several to a household when there are more residents than rooms).
 */
export const makePointsWorld = async (options: { residents?: number; budget?: number } = {}) => {
  const c = await makeCommunity()
  const worker = await c.withRole('gridWorker', 'grid', c.gridId, '李网格')
  const committee = await c.withRole('committee', 'community', c.communityId, '周书记')
  expectOk(
    await call('PUT', `/communities/${c.communityId}/points-settings`, {
      token: c.admin.token,
      body: { expiry: 'none', rules },
    }),
  )
  if (options.budget)
    expectOk(
      await call('POST', `/communities/${c.communityId}/points/top-ups`, {
        token: c.admin.token,
        body: { topUpId: ulid(), amount: options.budget, reason: '年度积分预算' },
      }),
    )
  const rooms = ['101', '102', '201', '202', '301', '302']
  const homes = [c.buildings.A1, c.buildings.A2].flatMap((b) => rooms.map((room) => ({ buildingId: b, room })))
  const residents = await inBatches(
    Array.from({ length: options.residents ?? 3 }, (_, i) => i),
    10,
    async (i) => {
      const user = await makeUser(`居民${i + 1}`)
      const home = homes[i % homes.length]!
      const req = expectOk(
        await call('POST', '/bindings', {
          token: user.token,
          body: { buildingId: home.buildingId, unit: '1', room: home.room },
        }),
      )
      expectOk(
        await call('POST', `/bindings/${req.requestId}/decision`, {
          token: worker.token,
          body: { decision: 'approve' },
        }),
      )
      return { ...user, householdId: req.householdId as string, room: home.room }
    },
  )
  const award = (token: string, userId: string, ruleId = 'clean') =>
    call('POST', `/communities/${c.communityId}/points/awards`, { token, body: { awardId: ulid(), ruleId, userId } })
  const item = async (fields: Record<string, unknown> = {}) =>
    expectOk(
      await call('POST', `/communities/${c.communityId}/shop-items`, {
        token: c.admin.token,
        body: {
          itemId: ulid(),
          name: '洗衣液',
          kind: 'goods',
          price: 5,
          stock: 10,
          pickupPlace: '社区服务站',
          pickupDays: 7,
          ...fields,
        },
      }),
    )
  const redeem = (token: string, itemId: string, redemptionId = ulid()) =>
    call('POST', `/shop-items/${itemId}/redemptions`, { token, body: { redemptionId } })
  const balance = async (token: string) => expectOk(await call('GET', '/me/points', { token })).balance as number
  const passbook = async (token: string) =>
    expectOk(await call('GET', '/me/points/entries?limit=50', { token })).items as any[]
  const checks = async () =>
    expectOk(await call('POST', `/communities/${c.communityId}/points/checks`, { token: c.admin.token }))
  return { ...c, worker, committee, residents, award, item, redeem, balance, passbook, checks }
}
