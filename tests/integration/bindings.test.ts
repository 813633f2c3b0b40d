import { describe, expect, it } from 'vitest'
import { call, expectOk, makeCommunity, makeUser } from '../helpers/factories'

describe('household binding', () => {
  it('binds a resident after the building head approves; the first member becomes the representative', async () => {
    const c = await makeCommunity()
    const head = await c.withRole('buildingHead', 'building', c.buildings.A1, '楼长甲')
    const resident = await makeUser('居民甲')

    const asked = await call('POST', '/bindings', {
      token: resident.token,
      body: { buildingId: c.buildings.A1, unit: '1', room: '101', note: '业主本人' },
    })
    expect(asked.status).toBe(201)
    expect(asked.body).toMatchObject({
      status: 'pending',
      buildingName: 'A1栋',
      unit: '1',
      room: '101',
      userName: '居民甲',
    })

    const queue = expectOk(await call('GET', `/binding-requests?buildingId=${c.buildings.A1}`, { token: head.token }))
    expect(queue.items.map((r: any) => r.requestId)).toEqual([asked.body.requestId])

    const decided = expectOk(
      await call('POST', `/bindings/${asked.body.requestId}/decision`, {
        token: head.token,
        body: { decision: 'approve' },
      }),
    )
    expect(decided).toMatchObject({ status: 'approved', decidedBy: head.userId })

    const me = expectOk(await call('GET', '/me', { token: resident.token }))
    expect(me.households).toEqual([
      {
        householdId: asked.body.householdId,
        buildingId: c.buildings.A1,
        buildingName: 'A1栋',
        compoundId: c.compoundA,
        compoundName: 'A苑',
        communityId: c.communityId,
        communityName: '测试社区',
        unit: '1',
        room: '101',
        isRepresentative: true,
      },
    ])

    // A second member of the same household is bound but does not take over the vote.
    const spouse = await makeUser('居民乙')
    const second = expectOk(
      await call('POST', '/bindings', {
        token: spouse.token,
        body: { buildingId: c.buildings.A1, unit: '1', room: '101' },
      }),
    )
    expectOk(
      await call('POST', `/bindings/${second.requestId}/decision`, {
        token: head.token,
        body: { decision: 'approve' },
      }),
    )
    expect(expectOk(await call('GET', '/me', { token: spouse.token })).households[0].isRepresentative).toBe(false)
    expect(
      expectOk(await call('GET', `/binding-requests?buildingId=${c.buildings.A1}`, { token: head.token })).items,
    ).toEqual([])
  })

  it('lets the grid worker of the building decide, and nobody from another building or grid', async () => {
    const c = await makeCommunity()
    const worker = await c.withRole('gridWorker', 'grid', c.gridId)
    const otherHead = await c.withRole('buildingHead', 'building', c.buildings.A2)
    const outsideHead = await c.withRole('buildingHead', 'building', c.buildings.B1)
    const resident = await makeUser()
    const req = expectOk(
      await call('POST', '/bindings', {
        token: resident.token,
        body: { buildingId: c.buildings.A1, unit: '1', room: '201' },
      }),
    )

    for (const intruder of [otherHead, outsideHead, resident]) {
      const res = await call('POST', `/bindings/${req.requestId}/decision`, {
        token: intruder.token,
        body: { decision: 'approve' },
      })
      expect(res.status).toBe(403)
      expect(res.body.error.code).toBe('auth.forbidden')
    }
    expect(
      (await call('GET', `/binding-requests?buildingId=${c.buildings.A1}`, { token: otherHead.token })).status,
    ).toBe(403)
    // Nothing changed: still pending in the grid worker's queue.
    const gridQueue = expectOk(await call('GET', `/binding-requests?gridId=${c.gridId}`, { token: worker.token }))
    expect(gridQueue.items).toHaveLength(1)
    expect(gridQueue.items[0].status).toBe('pending')

    const refused = expectOk(
      await call('POST', `/bindings/${req.requestId}/decision`, {
        token: worker.token,
        body: { decision: 'refuse', reason: '房号与登记不符' },
      }),
    )
    expect(refused).toMatchObject({ status: 'refused', reason: '房号与登记不符' })
    // A refused resident may ask again.
    const again = await call('POST', '/bindings', {
      token: resident.token,
      body: { buildingId: c.buildings.A1, unit: '1', room: '201' },
    })
    expect(again.status).toBe(201)
  })

  it('refuses unknown rooms, duplicate requests and bad input without changing anything', async () => {
    const c = await makeCommunity()
    const resident = await makeUser()
    const unknown = await call('POST', '/bindings', {
      token: resident.token,
      body: { buildingId: c.buildings.A1, unit: '9', room: '999' },
    })
    expect(unknown.status).toBe(404)
    expect(unknown.body.error.code).toBe('household.notFound')

    expectOk(
      await call('POST', '/bindings', {
        token: resident.token,
        body: { buildingId: c.buildings.A1, unit: '1', room: '102' },
      }),
    )
    const dup = await call('POST', '/bindings', {
      token: resident.token,
      body: { buildingId: c.buildings.A1, unit: '1', room: '102' },
    })
    expect(dup.status).toBe(409)
    expect(dup.body.error.code).toBe('binding.alreadyPending')

    const bad = await call('POST', '/bindings', {
      token: resident.token,
      body: { buildingId: c.buildings.A1, unit: '', room: 'x'.repeat(40) },
    })
    expect(bad.status).toBe(422)
    expect(bad.body.error.code).toBe('request.invalid')
    expect(bad.body.error.details.map((d: any) => d.path).sort()).toEqual(['body.room', 'body.unit'])

    const me = expectOk(await call('GET', '/me', { token: resident.token }))
    expect(me.bindingRequests).toHaveLength(1)
    expect(me.households).toEqual([])
  })

  it('decides a request once when two staff decide at the same moment', async () => {
    const c = await makeCommunity()
    const head = await c.withRole('buildingHead', 'building', c.buildings.A1)
    const worker = await c.withRole('gridWorker', 'grid', c.gridId)
    const resident = await makeUser()
    const req = expectOk(
      await call('POST', '/bindings', {
        token: resident.token,
        body: { buildingId: c.buildings.A1, unit: '1', room: '301' },
      }),
    )
    const results = await Promise.all([
      call('POST', `/bindings/${req.requestId}/decision`, { token: head.token, body: { decision: 'approve' } }),
      call('POST', `/bindings/${req.requestId}/decision`, {
        token: worker.token,
        body: { decision: 'refuse', reason: '重复' },
      }),
      call('POST', `/bindings/${req.requestId}/decision`, { token: head.token, body: { decision: 'approve' } }),
    ])
    expect(results.filter((r) => r.status === 200)).toHaveLength(1)
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'binding.notPending')).toBe(true)
    const me = expectOk(await call('GET', '/me', { token: resident.token }))
    const winner = results.find((r) => r.status === 200)!.body
    expect(me.households).toHaveLength(winner.status === 'approved' ? 1 : 0)
  })

  it('lets staff change the representative, only to a bound member', async () => {
    const c = await makeCommunity()
    const head = await c.withRole('buildingHead', 'building', c.buildings.A2)
    const worker = await c.withRole('gridWorker', 'grid', c.gridId)
    const [a, b, stranger] = [await makeUser('甲'), await makeUser('乙'), await makeUser('丙')]
    for (const u of [a, b]) {
      const r = expectOk(
        await call('POST', '/bindings', {
          token: u.token,
          body: { buildingId: c.buildings.A2, unit: '1', room: '202' },
        }),
      )
      expectOk(
        await call('POST', `/bindings/${r.requestId}/decision`, { token: head.token, body: { decision: 'approve' } }),
      )
    }
    const householdId = await c.householdId(c.buildings.A2, '1', '202')
    const notMember = await call('PUT', `/households/${householdId}/representative`, {
      token: worker.token,
      body: { userId: stranger.userId },
    })
    expect(notMember.status).toBe(422)
    expect(notMember.body.error.code).toBe('household.notMember')
    const byResident = await call('PUT', `/households/${householdId}/representative`, {
      token: b.token,
      body: { userId: b.userId },
    })
    expect(byResident.status).toBe(403)

    expectOk(
      await call('PUT', `/households/${householdId}/representative`, {
        token: worker.token,
        body: { userId: b.userId },
      }),
    )
    expect(expectOk(await call('GET', '/me', { token: a.token })).households[0].isRepresentative).toBe(false)
    expect(expectOk(await call('GET', '/me', { token: b.token })).households[0].isRepresentative).toBe(true)
  })
})
