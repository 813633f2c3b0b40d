import { ulid } from 'ulid'
import { topUp } from '../../functions/src/domain/ledger/transfer'
import { dynamoLedgerStore } from '../../functions/src/storage/ledger/ledger'
import { call, expectOk, makeCommunity, makeUser } from './factories'

/** Beijing's calendar day `days` from now (what the post form's date picker sends). */
export const dayFromNow = (days: number) =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10)

/** Gives a community a points budget (the pool the fulfillers' points are paid from). */
export const fundCommunity = (communityId: string, amount = 10_000) =>
  topUp(
    { ledger: dynamoLedgerStore, now: () => new Date() },
    {
      communityId,
      amount,
      key: `topup:${ulid()}`,
      reason: '微心愿积分预算',
      by: { userId: 'admin', displayName: '吴主任' },
      at: new Date().toISOString(),
    },
  )

/**
 * A community ready for micro-wishes: the grid worker of its grid (A1 + A2), three residents of A1 each bound to
 * their own household (named 刘芳, 陈大爷, 王阿姨), `members` in-service party members (the role at the community),
 * and a budget of points.
 */
export const makeWishWorld = async (options: { members?: number; settings?: Record<string, unknown> } = {}) => {
  const c = await makeCommunity()
  const worker = await c.withRole('gridWorker', 'grid', c.gridId, '李红梅')
  const head = await c.withRole('buildingHead', 'building', c.buildings.A1, '王楼长')
  const residents = []
  for (const [name, room] of [
    ['刘芳', '101'],
    ['陈大爷', '102'],
    ['王阿姨', '201'],
  ] as const) {
    const user = await makeUser(name)
    const req = expectOk(
      await call('POST', '/bindings', { token: user.token, body: { buildingId: c.buildings.A1, unit: '1', room } }),
    )
    expectOk(
      await call('POST', `/bindings/${req.requestId}/decision`, { token: head.token, body: { decision: 'approve' } }),
    )
    residents.push({ ...user, householdId: req.householdId as string, room })
  }
  const members = []
  for (let i = 0; i < (options.members ?? 3); i++)
    members.push(await c.withRole('inServiceMember', 'community', c.communityId, `党员${i + 1}`))
  if (options.settings) {
    const current = expectOk(await call('GET', `/communities/${c.communityId}/wish-settings`, { token: c.admin.token }))
    expectOk(
      await call('PUT', `/communities/${c.communityId}/wish-settings`, {
        token: c.admin.token,
        body: { ...current, ...options.settings },
      }),
    )
  }
  await fundCommunity(c.communityId)
  return { ...c, worker, head, residents, members }
}

export const wishBody = (extra: Record<string, unknown> = {}) => ({
  wishId: ulid(),
  title: '想要一个助行器',
  text: '腿脚不便，下楼买菜很吃力，想要一个带轮子的助行器。',
  categoryId: 'mobility',
  wantedBy: dayFromNow(14),
  ...extra,
})

export const postWish = (token: string, extra: Record<string, unknown> = {}) =>
  call('POST', '/wishes', { token, body: wishBody(extra) })

export const publishBody = (extra: Record<string, unknown> = {}) => ({
  decision: 'publish',
  method: 'visit',
  note: '上门看过，老人独居，确有需要',
  hardship: 'elderlyAlone',
  points: 20,
  claimDays: 7,
  ...extra,
})

/** A wish posted by `token` and published by the grid worker: on the wall, waiting for a claimant. */
export const publishedWish = async (
  w: { worker: { token: string } },
  token: string,
  extra: Record<string, unknown> = {},
  vet: Record<string, unknown> = {},
) => {
  const wish = expectOk(await postWish(token, extra))
  return expectOk(
    await call('POST', `/wishes/${wish.wishId}/vetting`, { token: w.worker.token, body: publishBody(vet) }),
  )
}
