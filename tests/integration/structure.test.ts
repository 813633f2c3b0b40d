import { describe, expect, it } from 'vitest'
import { call, expectOk, makeCommunity, makeUser } from '../helpers/factories'

describe('community structure', () => {
  it('lists the compounds, buildings and grids of a community for its staff', async () => {
    const c = await makeCommunity()
    const s = expectOk(await call('GET', `/communities/${c.communityId}/structure`, { token: c.admin.token }))
    expect(s.compounds.map((x: any) => x.name).sort()).toEqual(['A苑', 'B苑'])
    expect(s.buildings).toHaveLength(5)
    expect(s.grids).toEqual([
      { gridId: c.gridId, communityId: c.communityId, name: '一网格', buildingIds: [c.buildings.A1, c.buildings.A2] },
    ])
    expect(s.buildings.find((b: any) => b.buildingId === c.buildings.A1).gridId).toBe(c.gridId)
    const resident = await makeUser()
    expect((await call('GET', `/communities/${c.communityId}/structure`, { token: resident.token })).status).toBe(403)
  })

  it('keeps grid edges on compound edges', async () => {
    const c = await makeCommunity()
    const post = (body: unknown) => call('POST', `/communities/${c.communityId}/grids`, { token: c.admin.token, body })
    // Part of compound A with part of compound B cuts both compounds.
    const cut = await post({ name: '跨小区', buildingIds: [c.buildings.A3, c.buildings.B1] })
    expect(cut.status).toBe(422)
    expect(cut.body.error.code).toBe('grid.compoundMismatch')
    // A building already in a grid cannot be drawn into another.
    const taken = await post({ name: '重叠', buildingIds: [c.buildings.A1] })
    expect(taken.status).toBe(409)
    expect(taken.body.error.code).toBe('grid.buildingTaken')
    // The whole of compound B plus nothing else is fine; so is the rest of A on its own.
    expect((await post({ name: 'B网格', buildingIds: [c.buildings.B1, c.buildings.B2] })).status).toBe(201)
    expect((await post({ name: 'A3网格', buildingIds: [c.buildings.A3] })).status).toBe(201)
  })

  it('moves a building out of one grid and into another', async () => {
    const c = await makeCommunity()
    const shrink = await call('PATCH', `/grids/${c.gridId}`, {
      token: c.admin.token,
      body: { buildingIds: [c.buildings.A1] },
    })
    expect(shrink.body).toMatchObject({ buildingIds: [c.buildings.A1] })
    const grown = await call('POST', `/communities/${c.communityId}/grids`, {
      token: c.admin.token,
      body: { name: '二网格', buildingIds: [c.buildings.A2, c.buildings.A3] },
    })
    expect(grown.status).toBe(201)
    const s = expectOk(await call('GET', `/communities/${c.communityId}/structure`, { token: c.admin.token }))
    expect(s.buildings.find((b: any) => b.buildingId === c.buildings.A2).gridId).toBe(grown.body.gridId)
  })

  it('registers households once per address', async () => {
    const c = await makeCommunity()
    const res = expectOk(
      await call('POST', `/buildings/${c.buildings.B2}/households`, {
        token: c.admin.token,
        body: {
          households: [
            { unit: '1', room: '101' },
            { unit: '2', room: '101' },
            { unit: '2', room: '101' },
          ],
        },
      }),
    )
    expect(res.existing).toBe(1)
    expect(res.created.map((h: any) => `${h.unit}-${h.room}`)).toEqual(['2-101'])
  })

  it('renames places and refuses unknown ones', async () => {
    const c = await makeCommunity()
    expectOk(
      await call('PATCH', `/places/building/${c.buildings.A1}`, { token: c.admin.token, body: { name: 'A1幢' } }),
    )
    const s = expectOk(await call('GET', `/communities/${c.communityId}/structure`, { token: c.admin.token }))
    expect(s.buildings.find((b: any) => b.buildingId === c.buildings.A1).name).toBe('A1幢')
    const missing = await call('PATCH', `/places/compound/01NOTTHERE`, { token: c.admin.token, body: { name: 'x' } })
    expect(missing.status).toBe(404)
    expect(missing.body.error.code).toBe('compound.notFound')
  })
})

describe('the HTTP edge', () => {
  it('answers bad requests with 4xx and the one error shape, never a 500', async () => {
    const c = await makeCommunity()
    const cases = [
      {
        res: await call('POST', '/bindings', { token: c.admin.token, rawBody: '{"buildingId":' }),
        status: 400,
        code: 'request.malformedJson',
      },
      {
        res: await call('POST', '/bindings', { token: c.admin.token, body: { note: 'x'.repeat(70 * 1024) } }),
        status: 413,
        code: 'request.tooLarge',
      },
      { res: await call('GET', '/nowhere'), status: 404, code: 'route.notFound' },
      {
        res: await call('POST', `/compounds/${c.compoundA}/buildings`, { token: c.admin.token, body: { name: 42 } }),
        status: 422,
        code: 'request.invalid',
      },
      {
        res: await call('POST', `/compounds/NOPE/buildings`, { token: c.admin.token, body: { name: '9号楼' } }),
        status: 404,
        code: 'compound.notFound',
      },
      {
        res: await call('GET', '/binding-requests?status=whatever', { token: c.admin.token }),
        status: 422,
        code: 'request.invalid',
      },
      { res: await call('GET', '/binding-requests', { token: c.admin.token }), status: 422, code: 'request.invalid' },
    ]
    for (const { res, status, code } of cases) {
      expect({ status: res.status, code: res.body.error?.code }).toEqual({ status, code })
      expect(typeof res.body.error.message).toBe('string')
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts|Error:/)
    }
  })

  it('serves the OpenAPI document generated from the contracts', async () => {
    const doc = expectOk(await call('GET', '/openapi.json'))
    expect(doc.openapi).toBe('3.0.3')
    expect(Object.keys(doc.paths)).toContain('/cards/{code}')
    expect(doc.paths['/bindings'].post.requestBody).toBeDefined()
  })
})
