import { beforeAll, describe, expect, it } from 'vitest'
import type { HomeTodo } from '../../contracts/home'
import { appDeps } from '../../functions/src/http/deps'
import { makeDeliberationWorld, propose, tickAt } from '../helpers/deliberation'
import { call, expectOk, makeCommunity, makeUser } from '../helpers/factories'
import { postWish, publishBody } from '../helpers/microWishes'

/*
 * 首页 (GET /me/home) through the HTTP handlers on DynamoDB Local: my grid from my household or my role's place,
 * the grids a wide role chooses from, and each role's 待办 appearing when there is something to do and gone once done.
 */
type World = Awaited<ReturnType<typeof makeDeliberationWorld>>
let w: World
let worker: Awaited<ReturnType<typeof makeUser>>
beforeAll(async () => {
  w = await makeDeliberationWorld()
  worker = await w.withRole('gridWorker', 'grid', w.gridId, '李红梅')
})

const home = async (token: string, query = '') => expectOk(await call('GET', `/me/home${query}`, { token }))
const todo = (h: { todos: HomeTodo[] }, key: string) => h.todos.find((t) => t.key === key)
const minutes = (n: number) => new Date(Date.now() + n * 60_000)

/** A building matter of A1 proposed by the first resident and seconded by the next two: in the committee's queue. */
const matterInReview = async (title: string) => {
  const [proposer, a, b] = w.residents
  const matterId = expectOk(await propose(proposer!.token, { type: 'building', id: w.buildings.A1 }, { title }))
    .matterId as string
  for (const r of [a, b]) expectOk(await call('POST', `/matters/${matterId}/seconds`, { token: r!.token }))
  return matterId
}
const accept = async (matterId: string) =>
  expectOk(
    await call('POST', `/matters/${matterId}/review`, {
      token: w.committee.token,
      body: { decision: 'accept', triage: 'small', responsibleParty: { organisationId: w.orgs.property } },
    }),
  )
const openPoll = async (matterId: string) =>
  expectOk(
    await call('POST', `/matters/${matterId}/poll`, {
      token: w.head.token,
      body: {
        options: ['同意', '不同意'],
        opensAt: new Date().toISOString(),
        closesAt: minutes(30).toISOString(),
        secret: true,
        rule: { minTurnout: 0.5, passShare: 0.5, passOption: 0 },
      },
    }),
  ).poll.pollId as string

describe('首页', () => {
  it("shows a resident their grid from their household, their community, roles and the grid's services", async () => {
    const h = await home(w.residents[0]!.token)
    expect(h.community).toEqual({ communityId: w.communityId, name: '测试社区' })
    expect(h.grid).toMatchObject({
      gridId: w.gridId,
      name: '一网格',
      communityId: w.communityId,
      buildingNames: ['A1栋', 'A2栋'],
      workerName: '李红梅',
    })
    expect(h.grid.code).toMatch(/^[0-9a-z]{31}$/)
    expect(h.grids).toEqual([])
    expect(h.roles).toEqual(['户代表 · A1栋1单元101室'])
    expect(h.services.map((s: any) => [s.key, s.open])).toEqual([
      ['matters', true],
      ['wishes', true],
      ['volunteer', true],
      ['points', true],
    ])
    expect(h.services.find((s: any) => s.key === 'wishes').page).toBe(
      `/packages/wishes/pages/wall/index?gridId=${w.gridId}&name=${encodeURIComponent('一网格')}`,
    )
    expect(h.incomplete).toBeUndefined()
  })

  it('gives a user with nothing bound no grid, no community and no 待办', async () => {
    const nobody = await makeUser('新用户')
    const h = await home(nobody.token)
    expect(h).toMatchObject({ grids: [], roles: [], todos: [] })
    expect(h.grid).toBeUndefined()
    expect(h.community).toBeUndefined()
    expect(h.services).toHaveLength(4)
    expect((await call('GET', '/me/home')).status).toBe(401)
  })

  it('finds the grid of a grid worker and of a building head from their role', async () => {
    expect((await home(worker.token)).grid).toMatchObject({ gridId: w.gridId })
    const h = await home(w.head.token)
    expect(h.grid).toMatchObject({ gridId: w.gridId })
    expect(h.roles).toContain('A1栋楼长')
  })

  it('lets staff of a compound or the community choose among the grids they serve', async () => {
    const second = expectOk(
      await call('POST', `/communities/${w.communityId}/grids`, {
        token: w.admin.token,
        body: { name: '二网格', buildingIds: [w.buildings.B1] },
      }),
    ).gridId as string
    // The property manager serves compound A: one grid, chosen for them.
    const property = await home(w.property.token)
    expect(property.grids.map((g: any) => g.name)).toEqual(['一网格'])
    expect(property.grid).toMatchObject({ gridId: w.gridId })
    expect(property.roles).toEqual(expect.arrayContaining(['物业 · A苑', '阳光物业']))
    // The committee serves the community: both grids, none chosen until they pick one.
    const committee = await home(w.committee.token)
    expect(committee.grids.map((g: any) => g.name)).toEqual(['一网格', '二网格'])
    expect(committee.grid).toBeUndefined()
    expect(committee.community).toMatchObject({ communityId: w.communityId })
    expect((await home(w.committee.token, `?gridId=${second}`)).grid).toMatchObject({
      gridId: second,
      buildingNames: ['B1栋'],
    })
    // A grid that is not theirs is ignored.
    const elsewhere = await makeCommunity()
    const ignored = await home(w.committee.token, `?gridId=${elsewhere.gridId}`)
    expect(ignored.grid).toBeUndefined()
    expect(ignored.grids).toHaveLength(2)
    const resident = await home(w.residents[0]!.token, `?gridId=${elsewhere.gridId}`)
    expect(resident.grid).toMatchObject({ gridId: w.gridId })
  })

  it('shows a building head and the grid worker the bindings waiting for them, gone once decided', async () => {
    const newcomer = await makeUser('赵新')
    const req = expectOk(
      await call('POST', '/bindings', {
        token: newcomer.token,
        body: { buildingId: w.buildings.A1, unit: '1', room: '101' },
      }),
    )
    for (const token of [w.head.token, worker.token])
      expect(todo(await home(token), 'bindings.pending')).toEqual({
        key: 'bindings.pending',
        label: '待审核绑定',
        count: 1,
        page: '/packages/staff/pages/bindings/index',
        hint: '赵新 · A1栋1单元101室',
      })
    expect(todo(await home(w.residents[0]!.token), 'bindings.pending')).toBeUndefined()
    expectOk(
      await call('POST', `/bindings/${req.requestId}/decision`, { token: w.head.token, body: { decision: 'approve' } }),
    )
    expect(todo(await home(w.head.token), 'bindings.pending')).toBeUndefined()
    expect(todo(await home(worker.token), 'bindings.pending')).toBeUndefined()
  })

  it('takes a matter through 待附议, 待审议, 待投票 and 待办理, each gone once done', async () => {
    const [proposer, a, b, c] = w.residents
    const matterId = expectOk(
      await propose(proposer!.token, { type: 'building', id: w.buildings.A1 }, { title: '修好单元门禁' }),
    ).matterId as string
    const matterPage = `/packages/resident/pages/matter/index?matterId=${matterId}`

    // 待附议: the neighbours in the building, not the proposer; gone for whoever has seconded.
    expect(todo(await home(a!.token), 'deliberation.second')).toEqual({
      key: 'deliberation.second',
      label: '待附议',
      count: 1,
      page: matterPage,
      hint: '修好单元门禁',
    })
    expect(todo(await home(proposer!.token), 'deliberation.second')).toBeUndefined()
    expectOk(await call('POST', `/matters/${matterId}/seconds`, { token: a!.token }))
    expect(todo(await home(a!.token), 'deliberation.second')).toBeUndefined()
    expect(todo(await home(b!.token), 'deliberation.second')).toMatchObject({ count: 1 })
    expectOk(await call('POST', `/matters/${matterId}/seconds`, { token: b!.token }))
    expect(todo(await home(c!.token), 'deliberation.second')).toBeUndefined()

    // 待审议: the committee's queue of its community, with the count; gone once reviewed.
    const other = await matterInReview('楼下增设晾衣架')
    const review = todo(await home(w.committee.token), 'deliberation.review')
    expect(review).toMatchObject({
      label: '待审议',
      count: 2,
      page: `/packages/staff/pages/review/index?communityId=${w.communityId}`,
    })
    expect(todo(await home(w.residents[0]!.token), 'deliberation.review')).toBeUndefined()
    await accept(matterId)
    expect(todo(await home(w.committee.token), 'deliberation.review')).toMatchObject({
      count: 1,
      hint: '楼下增设晾衣架',
    })
    expectOk(
      await call('POST', `/matters/${other}/review`, {
        token: w.committee.token,
        body: { decision: 'reject', reason: '不属于议事范围' },
      }),
    )
    expect(todo(await home(w.committee.token), 'deliberation.review')).toBeUndefined()

    // Accepted for 阳光物业, but nothing for it to do before the resolution.
    expect(todo(await home(w.property.token), 'deliberation.report')).toBeUndefined()
    expect(todo(await home(w.head.token), 'deliberation.openPoll')).toMatchObject({
      count: 1,
      page: `/packages/staff/pages/poll/index?matterId=${matterId}`,
    })

    // 待投票: every representative in scope until their household has voted.
    const pollId = await openPoll(matterId)
    expect(todo(await home(w.head.token), 'deliberation.openPoll')).toBeUndefined()
    const vote = todo(await home(c!.token), 'deliberation.vote')
    expect(vote).toMatchObject({ label: '待投票', count: 1, page: matterPage, hint: '修好单元门禁' })
    expect(Date.parse(vote!.deadline ?? '')).toBeGreaterThan(Date.now())
    for (const r of w.residents.slice(0, 4))
      expect((await call('POST', `/polls/${pollId}/votes`, { token: r.token, body: { option: 0 } })).status).toBe(201)
    expect(todo(await home(c!.token), 'deliberation.vote')).toBeUndefined()
    expect(todo(await home(w.residents[4]!.token), 'deliberation.vote')).toMatchObject({ count: 1 })

    // 待办理: once resolved for 阳光物业, its account (the property manager) carries it out; gone once reported.
    await tickAt(minutes(32))
    expect(todo(await home(w.committee.token), 'deliberation.resolve')).toMatchObject({
      label: '待决议',
      page: `/packages/staff/pages/resolution/index?matterId=${matterId}`,
    })
    expectOk(
      await call('POST', `/matters/${matterId}/resolution`, {
        token: w.committee.token,
        body: { responsibleParty: { organisationId: w.orgs.property }, tasks: ['更换门禁'], dueDate: '2026-12-31' },
      }),
    )
    expect(todo(await home(w.property.token), 'deliberation.report')).toEqual({
      key: 'deliberation.report',
      label: '待办理',
      count: 1,
      page: `/packages/staff/pages/report/index?matterId=${matterId}`,
      hint: '修好单元门禁',
    })
    // The committee may report for anyone, but the matter is not assigned to it; a resident has nothing to do.
    expect(todo(await home(w.committee.token), 'deliberation.report')).toBeUndefined()
    expect(todo(await home(c!.token), 'deliberation.report')).toBeUndefined()
    expectOk(
      await call('POST', `/matters/${matterId}/completion`, { token: w.property.token, body: { note: '已更换门禁' } }),
    )
    expect(todo(await home(w.property.token), 'deliberation.report')).toBeUndefined()
    // 待评价: the representatives rate the work now.
    expect(todo(await home(c!.token), 'deliberation.rate')).toMatchObject({
      label: '待评价',
      count: 1,
      page: matterPage,
    })
  }, 60_000)

  it('shows the grid worker the wishes waiting for vetting, with the count, gone once vetted', async () => {
    const wish = expectOk(await postWish(w.residents[5]!.token, { title: '想要一个助行器' }))
    const vet = todo(await home(worker.token), 'wishes.vet')
    expect(vet).toEqual({
      key: 'wishes.vet',
      label: '待审核心愿',
      count: 1,
      page: `/packages/wishes/pages/vet/index?wishId=${wish.wishId}`,
      hint: '想要一个助行器',
    })
    expectOk(await postWish(w.residents[4]!.token, { title: '修理轮椅' }))
    expect(todo(await home(worker.token), 'wishes.vet')).toMatchObject({
      count: 2,
      page: '/packages/wishes/pages/queue/index',
      hint: '想要一个助行器',
    })
    expect(todo(await home(w.residents[5]!.token), 'wishes.vet')).toBeUndefined()
    expectOk(await call('POST', `/wishes/${wish.wishId}/vetting`, { token: worker.token, body: publishBody() }))
    expect(todo(await home(worker.token), 'wishes.vet')).toMatchObject({ count: 1, hint: '修理轮椅' })
  })

  it("shows the community's leads the volunteer registrations waiting for approval", async () => {
    const volunteer = await makeUser('钱志愿')
    expectOk(
      await call('PUT', '/me/volunteer-registration', {
        token: volunteer.token,
        body: { communityId: w.communityId, kind: 'volunteer', skills: ['陪伴'], availability: ['weekend'] },
      }),
    )
    expect(todo(await home(w.committee.token), 'volunteer.registrations')).toMatchObject({
      label: '待审核登记',
      count: 1,
      page: `/packages/volunteer/pages/registrations/index?communityId=${w.communityId}`,
      hint: '钱志愿',
    })
    expectOk(
      await call('POST', `/volunteer-registrations/${volunteer.userId}/decision`, {
        token: w.committee.token,
        body: { decision: 'approve' },
      }),
    )
    expect(todo(await home(w.committee.token), 'volunteer.registrations')).toBeUndefined()
  })

  it('still answers when one source of 待办 fails, saying the list may be short', async () => {
    const deps = await appDeps()
    const sources = deps.todoSources
    deps.todoSources = [{ name: 'broken', todos: () => Promise.reject(new Error('unavailable')) }, ...sources]
    try {
      const newcomer = await makeUser('孙新')
      expectOk(
        await call('POST', '/bindings', {
          token: newcomer.token,
          body: { buildingId: w.buildings.A1, unit: '1', room: '302' },
        }),
      )
      const h = await home(w.head.token)
      expect(h.incomplete).toBe(true)
      expect(todo(h, 'bindings.pending')).toMatchObject({ count: 1 })
    } finally {
      deps.todoSources = sources
    }
    expect((await home(w.head.token)).incomplete).toBeUndefined()
  })
})
