import { afterAll, describe, expect, it } from 'vitest'
import { roles } from '../../contracts/common'
import { resetConfig } from '../../functions/src/config'
import { resetDeps } from '../../functions/src/http/deps'
import { seedDemo } from '../../scripts/lib/seed'
import { call, expectOk } from '../helpers/factories'

// This file owns the demo identities (one set per table); other files build their own communities.
describe('the demo community', () => {
  it('is seeded once, through the same endpoints staff use, with a demo user for every role', async () => {
    const first = await seedDemo()
    const second = await seedDemo()
    expect(second.seeded).toBe(false)
    expect(second.summary).toEqual(first.summary)

    const { identities } = expectOk(await call('GET', '/auth/demo-identities'))
    expect(identities).toHaveLength(9)
    expect(new Set(identities.flatMap((i: any) => i.roles))).toEqual(new Set(roles))

    const admin = expectOk(await call('POST', '/auth/demo-login', { body: { key: 'communityAdmin' } }))
    const s = expectOk(await call('GET', `/communities/${first.summary.communityId}/structure`, { token: admin.token }))
    expect(s.compounds).toHaveLength(2)
    expect(s.buildings.length).toBeGreaterThanOrEqual(6)
    expect(s.grids).toHaveLength(3)

    const rep = expectOk(await call('POST', '/auth/demo-login', { body: { key: 'representative' } }))
    const me = expectOk(await call('GET', '/me', { token: rep.token }))
    expect(me.households).toMatchObject([{ buildingName: '1号楼', unit: '1', room: '101', isRepresentative: true }])
    // The points bank's demo: 刘芳 has points for a redemption, the shop has items, the ledger checks out.
    expect(expectOk(await call('GET', '/me/points', { token: rep.token })).balance).toBe(60)
    expect(
      expectOk(await call('GET', `/communities/${first.summary.communityId}/shop-items`, { token: rep.token })).items,
    ).toHaveLength(4)
    expect(
      expectOk(await call('POST', `/communities/${first.summary.communityId}/points/checks`, { token: admin.token }))
        .reconciliation.ok,
    ).toBe(true)
    // Volunteering's demo: 赵磊 reported to 幸福里社区 with 区税务局, an activity today and one in three days.
    const zhao = expectOk(await call('POST', '/auth/demo-login', { body: { key: 'inServiceMember' } }))
    expect(expectOk(await call('GET', '/me/volunteer-registration', { token: zhao.token })).registration).toMatchObject(
      { kind: 'member', unitName: '区税务局', status: 'approved' },
    )
    expect(expectOk(await call('GET', '/activities', { token: zhao.token })).items.map((a: any) => a.title)).toEqual([
      '关爱独居老人上门探访',
      '周末楼道清理',
    ])
  })

  it('refuses unknown demo identities', async () => {
    const res = await call('POST', '/auth/demo-login', { body: { key: 'nobody' } })
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('auth.demoUnknown')
  })
})

describe('demo login on any stage but local', () => {
  afterAll(() => {
    process.env.STAGE = 'local'
    resetConfig()
    resetDeps()
  })
  it('is refused, and so is the identity list', async () => {
    process.env.STAGE = 'dev'
    resetConfig()
    resetDeps()
    for (const res of [
      await call('POST', '/auth/demo-login', { body: { key: 'communityAdmin' } }),
      await call('GET', '/auth/demo-identities'),
    ]) {
      expect(res.status).toBe(403)
      expect(res.body.error.code).toBe('auth.demoDisabled')
    }
  })
})
