import { describe, expect, it } from 'vitest'
import { PublicCard } from '../../contracts/grids'
import { call, expectOk, makeCommunity, makeUser } from '../helpers/factories'

const setUpGrid = async () => {
  const c = await makeCommunity()
  const worker = await c.withRole('gridWorker', 'grid', c.gridId, '李网格')
  const head = await c.withRole('buildingHead', 'building', c.buildings.A1, '王楼长')
  const party = await makeUser('陈党员')
  const householdId = await c.householdId(c.buildings.A2, '1', '301')
  await c.grant(party.userId, 'partyHousehold', 'household', householdId)
  const { code, link } = expectOk(await call('GET', `/grids/${c.gridId}/card-code`, { token: worker.token }))
  return { c, worker, head, code, link }
}

describe('grid contact card', () => {
  it('opens the public card from its code without login, phone masked', async () => {
    const { c, worker, code, link } = await setUpGrid()
    expect(code.length).toBeLessThanOrEqual(32)
    expect(code).toMatch(/^[0-9a-z]+$/)
    expect(link).toContain(`scene=${code}`)
    const res = await call('GET', `/cards/${code}`)
    expect(res.status).toBe(200)
    const card = PublicCard.parse(res.body)
    expect(card.gridName).toBe('一网格')
    expect(card.compoundNames).toEqual(['A苑'])
    expect(card.worker).toEqual({
      name: '李网格',
      phoneMasked: `${worker.phone.slice(0, 3)}****${worker.phone.slice(-4)}`,
    })
    expect(JSON.stringify(card)).not.toContain(worker.phone)
    expect(card.buildings.map((b) => [b.name, b.heads.map((h) => h.name)])).toEqual([
      ['A1栋', ['王楼长']],
      ['A2栋', []],
    ])
    expect(card.partyHouseholds).toEqual([{ name: '陈党员', address: 'A2栋1单元301室' }])
    expect(card.openCounts).toEqual({ matters: 0, polls: 0, wishes: 0, activities: 0 })
    void c
  })

  it('gives a forged, altered or made-up code the same answer, whatever grids exist', async () => {
    const { code } = await setUpGrid()
    const altered = code.slice(0, 5) + (code[5] === 'a' ? 'b' : 'a') + code.slice(6)
    const resigned = code.slice(0, -1) + (code.endsWith('0') ? '1' : '0')
    const answers = await Promise.all(
      [altered, resigned, 'x'.repeat(31), '1abc', code.toUpperCase(), `${code}0`].map((c) =>
        call('GET', `/cards/${encodeURIComponent(c)}`),
      ),
    )
    for (const a of answers) {
      expect(a.status).toBe(404)
      expect(a.body).toEqual({ error: { code: 'card.invalid', message: expect.any(String) } })
    }
  })

  it('reveals the worker’s full number only to a logged-in user', async () => {
    const { c, worker } = await setUpGrid()
    expect((await call('GET', `/grids/${c.gridId}/contact`)).status).toBe(401)
    const resident = await makeUser()
    expect(expectOk(await call('GET', `/grids/${c.gridId}/contact`, { token: resident.token }))).toEqual({
      name: '李网格',
      phone: worker.phone,
    })
  })

  it('prints a card PDF for one grid or a whole community, for staff only', async () => {
    const { c, worker, head } = await setUpGrid()
    const one = await call('GET', `/grids/${c.gridId}/card-print`, { token: worker.token })
    expect(one.status).toBe(200)
    expect(one.headers['content-type']).toBe('application/pdf')
    const pdf = Buffer.from(one.raw.body!, 'base64')
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.length).toBeGreaterThan(5000)
    expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/)

    const all = await call('GET', `/communities/${c.communityId}/card-print`, { token: c.admin.token })
    expect(all.status).toBe(200)
    expect(
      Buffer.from(all.raw.body!, 'base64')
        .toString('latin1')
        .match(/\/Type \/Page\b/g),
    ).toHaveLength(1)

    expect((await call('GET', `/grids/${c.gridId}/card-print`, { token: head.token })).status).toBe(403)
    expect((await call('GET', `/communities/${c.communityId}/card-print`, { token: worker.token })).status).toBe(403)
  })
})
