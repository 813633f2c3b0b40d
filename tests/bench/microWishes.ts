import { ulid } from 'ulid'
import type { AppDeps } from '../../functions/src/http/deps'
import type { call as Call } from '../../scripts/lib/invoke'

type Scenario = {
  name: string
  prepare?: (i: number) => Promise<any>
  run: (i: number, prepared: any) => Promise<{ status: number }>
}

/**
 * Micro-wishes for `npm run bench`: posting, vetting, the wall, a wish's page, claiming and confirming (which pays
 * the points through the ledger). Each scenario's preparation keeps the limits out of the way: the resident's
 * earlier wish is withdrawn before the next post, the member's earlier claim released before the next claim.
 */
export const microWishScenarios = async (ctx: {
  call: typeof Call
  token: (key: string) => Promise<string>
  summary: { communityId: string; gridIds: string[]; buildingIds: string[]; users: Record<string, string> }
  deps: AppDeps
}): Promise<Scenario[]> => {
  const { call, summary, deps } = ctx
  const [rep, worker, member, admin] = [
    await ctx.token('representative'),
    await ctx.token('gridWorker'),
    await ctx.token('inServiceMember'),
    await ctx.token('communityAdmin'),
  ]
  const settings = (await call('GET', `/communities/${summary.communityId}/wish-settings`, { token: admin })).body
  await call('PUT', `/communities/${summary.communityId}/wish-settings`, {
    token: admin,
    body: { ...settings, openLimit: 10, activeClaimLimit: 10 },
  })
  const households = await Promise.all(
    [0, 1].flatMap((b) =>
      ['1', '2'].flatMap((unit) =>
        ['101', '201', '301', '401', '501', '601'].map((room) =>
          deps.structure.findHouseholdId(summary.buildingIds[b]!, unit, room),
        ),
      ),
    ),
  )
  const wantedBy = new Date(Date.now() + 8 * 3_600_000 + 14 * 86_400_000).toISOString().slice(0, 10)
  const body = (title: string) => ({
    wishId: ulid(),
    title,
    text: '腿脚不便，想要一个带轮子的助行器。',
    categoryId: 'mobility',
    wantedBy,
  })
  const onBehalf = async (i: number) =>
    (
      await call('POST', '/wishes', {
        token: worker,
        body: {
          ...body('想要一个助行器'),
          onBehalf: { householdId: households[i % households.length], residentName: '孙桂兰' },
        },
      })
    ).body.wishId as string
  const vet = {
    decision: 'publish',
    method: 'phone',
    note: '电话核实',
    hardship: 'elderlyAlone',
    points: 10,
    claimDays: 7,
  }
  const published = async (i: number) => {
    const wishId = await onBehalf(i)
    await call('POST', `/wishes/${wishId}/vetting`, { token: worker, body: vet })
    return wishId
  }
  // Bench runs without the photo store: the claimant's report is written through the use case with the photo taken as uploaded.
  const { fulfilWish } = await import('../../functions/src/domain/microWishes/fulfil')
  const { toPrincipal } = await import('../../functions/src/domain/identity/roles')
  const loaded = (await deps.identity.loadUser(summary.users.inServiceMember!))!
  const memberActor = { user: loaded, principal: toPrincipal(loaded) }
  const photosUp = { ...deps, photos: { ...deps.photos, exists: async () => true } }
  const reported = async (i: number) => {
    const wishId = await published(i)
    await call('POST', `/wishes/${wishId}/claim`, { token: member })
    await fulfilWish(photosUp, memberActor, {
      wishId,
      note: '已送到',
      photoKeys: [`uploads/${loaded.user.userId}/${ulid()}.jpg`],
    })
    return wishId
  }
  let posted: string | undefined
  let claimed: string | undefined
  const someWish = await published(0)
  return [
    {
      name: 'POST /wishes (post)',
      prepare: async () => {
        if (posted) await call('POST', `/wishes/${posted}/withdraw`, { token: rep, body: {} })
      },
      run: async () => {
        const res = await call('POST', '/wishes', { token: rep, body: body('想要一个助行器') })
        posted = res.body.wishId
        return res
      },
    },
    {
      name: 'POST /wishes/{id}/vetting (publish)',
      prepare: (i) => onBehalf(i),
      run: (_i, id) => call('POST', `/wishes/${id}/vetting`, { token: worker, body: vet }),
    },
    {
      name: 'GET /grids/{id}/wish-wall',
      run: () => call('GET', `/grids/${summary.gridIds[0]}/wish-wall`, { token: member }),
    },
    { name: 'GET /wishes/{id}', run: () => call('GET', `/wishes/${someWish}`, { token: member }) },
    {
      name: 'POST /wishes/{id}/claim',
      prepare: async (i) => {
        if (claimed) await call('POST', `/wishes/${claimed}/release`, { token: member, body: {} })
        return published(i)
      },
      run: async (_i, id) => {
        claimed = id
        return call('POST', `/wishes/${id}/claim`, { token: member })
      },
    },
    {
      name: 'POST /wishes/{id}/confirmation (+ credit)',
      prepare: (i) => reported(i),
      run: (_i, id) => call('POST', `/wishes/${id}/confirmation`, { token: worker, body: { thanks: '谢谢党员同志' } }),
    },
  ]
}
