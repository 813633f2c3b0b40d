import { beforeAll, describe, expect, it } from 'vitest'
import { ulid } from 'ulid'
import { call, expectOk, makeCommunity } from '../helpers/factories'
import { makeDeliberationWorld, propose, uploadPhoto } from '../helpers/deliberation'

/*
 * Names people know and places people choose: a nickname and avatar of one's own (PUT /me/profile), a building's
 * units and rooms to pick from (GET /buildings/{id}/addresses), the building heads' numbers for a logged-in
 * neighbour (GET /buildings/{id}/head-contacts), the 责任方名录 kept by the community admin alone, and the community’s
 * accounts it picks acting accounts from (GET /communities/{id}/accounts).
 */
let w: Awaited<ReturnType<typeof makeDeliberationWorld>>
beforeAll(async () => {
  w = await makeDeliberationWorld()
})

const me = async (token: string) => expectOk(await call('GET', '/me', { token }))
const setProfile = (token: string, body: Record<string, unknown>) => call('PUT', '/me/profile', { token, body })

/** A matter of building A1 in 民主商议 (accepted), where residents comment. */
const consulting = async () => {
  const [proposer, a, b] = w.residents
  const m = expectOk(await propose(proposer!.token, { type: 'building', id: w.buildings.A1 }))
  for (const r of [a, b]) expectOk(await call('POST', `/matters/${m.matterId}/seconds`, { token: r!.token }))
  expectOk(
    await call('POST', `/matters/${m.matterId}/review`, {
      token: w.committee.token,
      body: { decision: 'accept', triage: 'small', responsibleParty: { organisationId: w.orgs.property } },
    }),
  )
  return m.matterId as string
}

describe('nickname and avatar', () => {
  it('shows a nickname once set wherever its owner acts after, e.g. as a comment’s author', async () => {
    const resident = w.residents[3]!
    expect(await me(resident.token)).toMatchObject({ hasNickname: false })
    const updated = expectOk(await setProfile(resident.token, { nickname: '  张阿姨 ' }))
    expect(updated).toMatchObject({ displayName: '张阿姨', hasNickname: true })
    expect(await me(resident.token)).toMatchObject({ displayName: '张阿姨', hasNickname: true })

    const matterId = await consulting()
    expectOk(
      await call('POST', `/matters/${matterId}/comments`, {
        token: resident.token,
        body: { commentId: ulid(), text: '同意更换，晚上确实太暗' },
      }),
    )
    const comments = expectOk(await call('GET', `/matters/${matterId}/comments`, { token: w.residents[0]!.token }))
    expect(comments.items.map((c: any) => c.authorName)).toContain('张阿姨')
  })

  it('refuses a risky nickname (content.risky) and one WeChat holds for review (profile.nicknameHeld), changing nothing', async () => {
    const resident = w.residents[4]!
    const before = await me(resident.token)

    const risky = await setProfile(resident.token, { nickname: '违规测试' })
    expect(risky.status).toBe(422)
    expect(risky.body.error).toMatchObject({ code: 'content.risky', details: [{ path: 'body.nickname' }] })

    const held = await setProfile(resident.token, { nickname: '待审测试' })
    expect(held.status).toBe(422)
    expect(held.body.error).toMatchObject({ code: 'profile.nicknameHeld', details: [{ path: 'body.nickname' }] })

    expect(await me(resident.token)).toMatchObject({ displayName: before.displayName, hasNickname: false })
  })

  it('takes an avatar the user uploaded, and refuses one that is not theirs (upload.missing)', async () => {
    const [owner, other] = [w.residents[5]!, w.residents[2]!]
    const key = await uploadPhoto(owner.token)

    const stolen = await setProfile(other.token, { avatarKey: key })
    expect(stolen.status).toBe(422)
    expect(stolen.body.error).toMatchObject({ code: 'upload.missing', details: [{ path: 'body.avatarKey' }] })
    expect((await me(other.token)).avatarUrl).toBeUndefined()

    const never = await setProfile(owner.token, { avatarKey: `uploads/${owner.userId}/${ulid()}.jpg` })
    expect(never.body.error).toMatchObject({ code: 'upload.missing' })

    const mine = expectOk(await setProfile(owner.token, { avatarKey: key }))
    expect(mine.avatarUrl).toMatch(/^http/)
    expect((await me(owner.token)).avatarUrl).toMatch(/^http/)
  })
})

describe('a building’s addresses', () => {
  it('lists units and rooms in numeric order, and takes 「1单元」「101室」 in a binding request', async () => {
    const resident = w.residents[0]!
    expectOk(
      await call('POST', `/buildings/${w.buildings.A3}/households`, {
        token: w.admin.token,
        body: {
          households: [
            { unit: '10', room: '1002' },
            { unit: '2', room: '1001' },
            { unit: '2', room: '902' },
          ],
        },
      }),
    )
    const addresses = expectOk(await call('GET', `/buildings/${w.buildings.A3}/addresses`, { token: resident.token }))
    expect(addresses).toMatchObject({ buildingId: w.buildings.A3, buildingName: 'A3栋' })
    expect(addresses.units.map((u: any) => u.unit)).toEqual(['1', '2', '10'])
    expect(addresses.units[0].rooms).toEqual(['101', '102', '201', '202', '301', '302'])
    expect(addresses.units[1].rooms).toEqual(['902', '1001'])

    expect((await call('GET', `/buildings/${w.buildings.A3}/addresses`)).body.error.code).toBe('auth.required')
    expect((await call('GET', `/buildings/${ulid()}/addresses`, { token: resident.token })).body.error.code).toBe(
      'building.notFound',
    )

    const asked = expectOk(
      await call('POST', '/bindings', {
        token: resident.token,
        body: { buildingId: w.buildings.A3, unit: '1单元', room: '101室' },
      }),
    )
    expect(asked).toMatchObject({
      status: 'pending',
      unit: '1',
      room: '101',
      householdId: await w.householdId(w.buildings.A3, '1', '101'),
    })
  })
})

describe('building heads’ numbers', () => {
  it('gives a logged-in user the full numbers, and nobody without a login', async () => {
    const contacts = expectOk(
      await call('GET', `/buildings/${w.buildings.A1}/head-contacts`, { token: w.residents[1]!.token }),
    )
    expect(contacts.items).toEqual([{ name: w.head.name, phone: w.head.phone }])
    expect(w.head.phone).toMatch(/^1\d{10}$/)

    const anonymous = await call('GET', `/buildings/${w.buildings.A1}/head-contacts`)
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.error.code).toBe('auth.required')
  })
})

describe('the 责任方名录', () => {
  it('is kept by the community admin alone', async () => {
    const body = { kind: 'property', name: '冒名物业', memberIds: [] }
    for (const token of [w.committee.token, w.property.token, w.residents[0]!.token]) {
      const refused = await call('PUT', `/communities/${w.communityId}/organisations/${ulid()}`, { token, body })
      expect(refused.body.error.code).toBe('auth.forbidden')
    }
    const list = expectOk(
      await call('GET', `/communities/${w.communityId}/organisations`, { token: w.committee.token }),
    )
    expect(list.items.map((o: any) => o.name)).not.toContain('冒名物业')
    expect(list.items.find((o: any) => o.organisationId === w.orgs.property)).toMatchObject({
      kind: 'property',
      name: '阳光物业',
      members: [{ userId: w.property.userId, name: '孙经理' }],
    })
  })

  it('refuses a review naming an organisation of another community (organisation.notFound), leaving the matter as it was', async () => {
    const other = await makeCommunity()
    const foreign = expectOk(
      await call('PUT', `/communities/${other.communityId}/organisations/${ulid()}`, {
        token: other.admin.token,
        body: { kind: 'property', name: '别处物业', memberIds: [] },
      }),
    )
    const [proposer, a, b] = w.residents
    const m = expectOk(await propose(proposer!.token, { type: 'building', id: w.buildings.A1 }))
    for (const r of [a, b]) expectOk(await call('POST', `/matters/${m.matterId}/seconds`, { token: r!.token }))

    const refused = await call('POST', `/matters/${m.matterId}/review`, {
      token: w.committee.token,
      body: { decision: 'accept', triage: 'small', responsibleParty: { organisationId: foreign.organisationId } },
    })
    expect(refused.status).toBe(404)
    expect(refused.body.error.code).toBe('organisation.notFound')
    const after = expectOk(await call('GET', `/matters/${m.matterId}`, { token: w.committee.token }))
    expect(after).toMatchObject({ status: 'awaitingReview' })
    expect(after.responsibleParty).toBeUndefined()
  })
})

describe('the community’s accounts, to pick an organisation’s acting accounts from', () => {
  it('lists everyone holding a role in the community or its places, by name, with roles in plain words and the phone masked', async () => {
    const worker = await w.withRole('gridWorker', 'grid', w.gridId, '李网格')
    const party = await w.withRole(
      'partyHousehold',
      'household',
      await w.householdId(w.buildings.A2, '1', '101'),
      '陈党员',
    )
    const { items } = expectOk(await call('GET', `/communities/${w.communityId}/accounts`, { token: w.admin.token }))
    const mask = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`
    expect(items).toEqual([
      { userId: w.committee.userId, name: '周书记', phoneMasked: mask(w.committee.phone), roles: ['两委 · 测试社区'] },
      { userId: w.property.userId, name: '孙经理', phoneMasked: mask(w.property.phone), roles: ['物业 · A苑'] },
      { userId: worker.userId, name: '李网格', phoneMasked: mask(worker.phone), roles: ['网格员 · 一网格'] },
      { userId: w.head.userId, name: '王楼长', phoneMasked: mask(w.head.phone), roles: ['A1栋楼长'] },
      { userId: party.userId, name: '陈党员', phoneMasked: mask(party.phone), roles: ['党员中心户'] },
    ])
    // Residents with no role are not accounts to pick.
    expect(items.map((a: any) => a.userId)).not.toContain(w.residents[0]!.userId)

    const sun = expectOk(
      await call('GET', `/communities/${w.communityId}/accounts?q=${encodeURIComponent('孙')}`, {
        token: w.committee.token,
      }),
    )
    expect(sun.items.map((a: any) => a.name)).toEqual(['孙经理'])
  })

  it('is for the community admin and the committee only (auth.forbidden, auth.required), of a community that exists', async () => {
    for (const token of [w.residents[0]!.token, w.property.token, w.head.token]) {
      const refused = await call('GET', `/communities/${w.communityId}/accounts`, { token })
      expect(refused.status).toBe(403)
      expect(refused.body.error.code).toBe('auth.forbidden')
    }
    expect((await call('GET', `/communities/${w.communityId}/accounts`)).body.error.code).toBe('auth.required')
    const unknown = await call('GET', `/communities/${ulid()}/accounts`, { token: w.admin.token })
    expect(unknown.status).toBe(404)
    expect(unknown.body.error.code).toBe('community.notFound')
  })
})
