import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import { residentAccount } from '../../functions/src/domain/ledger/model'
import { dynamoLedgerStore } from '../../functions/src/storage/ledger/ledger'
import { uploadPhoto } from '../helpers/deliberation'
import { call, expectOk, makeCommunity, makeUser } from '../helpers/factories'
import { dayFromNow, makeWishWorld, postWish, publishBody, publishedWish, wishBody } from '../helpers/microWishes'

/*
 * Micro-wishes through the HTTP handlers on DynamoDB Local: posting and vetting, the masked wall, who may claim,
 * the contact only the claimant sees, fulfilment, confirmation and the points paid once; refusals change nothing.
 */
let w: Awaited<ReturnType<typeof makeWishWorld>>
beforeAll(async () => {
  w = await makeWishWorld({ members: 3 })
})

const get = async (token: string, wishId: string) => expectOk(await call('GET', `/wishes/${wishId}`, { token }))
const wall = async (token: string, path: string, query = '') =>
  expectOk(await call('GET', `${path}/wish-wall${query}`, { token }))
const balance = async (communityId: string, userId: string) =>
  (await dynamoLedgerStore.heads(communityId, [residentAccount(userId)])).get(residentAccount(userId))?.balance ?? 0

describe('micro-wishes', () => {
  it('goes from posting to vetting, the wall, a claim, fulfilment with a photo, confirmation with thanks and the points', async () => {
    const [liu] = w.residents
    const [member] = w.members
    const photo = await uploadPhoto(liu!.token)
    const posted = expectOk(await postWish(liu!.token, { photoKeys: [photo] }))
    expect(posted).toMatchObject({
      status: 'awaitingVetting',
      maskedName: '刘**',
      address: 'A1栋1单元101室',
      iPosted: true,
      can: ['withdraw'],
    })
    // Before vetting it is the poster's and the staff's only: a member cannot read it, and it is on no wall.
    expect((await call('GET', `/wishes/${posted.wishId}`, { token: member!.token })).body.error.code).toBe(
      'wish.notFound',
    )
    const queue = expectOk(await call('GET', '/me/wish-queue', { token: w.worker.token }))
    expect(queue.vetting.map((x: { wishId: string }) => x.wishId)).toContain(posted.wishId)
    expect((await get(w.worker.token, posted.wishId)).can).toEqual(['publish', 'return', 'refuse'])

    const published = expectOk(
      await call('POST', `/wishes/${posted.wishId}/vetting`, { token: w.worker.token, body: publishBody() }),
    )
    expect(published).toMatchObject({
      status: 'published',
      points: 20,
      claimDays: 7,
      vetting: { method: 'visit', hardship: 'elderlyAlone', hardshipLabel: '独居或空巢老人' },
    })
    const onWall = (await wall(member!.token, `/grids/${w.gridId}`)).items.find(
      (c: { wishId: string }) => c.wishId === posted.wishId,
    )
    expect(onWall).toMatchObject({
      title: '想要一个助行器',
      buildingName: 'A1栋',
      maskedName: '刘**',
      points: 20,
      status: 'published',
    })
    expect(onWall.photo.url).toContain(photo)
    expect(
      (await wall(member!.token, `/communities/${w.communityId}`)).items.map((c: { wishId: string }) => c.wishId),
    ).toContain(posted.wishId)

    // The member sees the wish masked, with no way to reach the resident until they claim it.
    const seen = await get(member!.token, posted.wishId)
    expect(seen).toMatchObject({ maskedName: '刘**', can: ['claim'] })
    for (const hidden of ['address', 'contact', 'vetting', 'onBehalfOf']) expect(seen).not.toHaveProperty(hidden)
    const claimed = expectOk(await call('POST', `/wishes/${posted.wishId}/claim`, { token: member!.token }))
    expect(claimed).toMatchObject({
      status: 'claimed',
      iClaimed: true,
      contact: { name: '刘芳', phone: liu!.phone, address: 'A1栋1单元101室', via: 'resident' },
    })
    expect(claimed.can).toEqual(['release', 'fulfil'])
    expect(
      (await wall(member!.token, `/grids/${w.gridId}`)).items.map((c: { wishId: string }) => c.wishId),
    ).not.toContain(posted.wishId)
    // Only the claimant: another member, the poster's neighbour and the grid worker get no contact block.
    for (const other of [w.members[1]!, w.residents[1]!, w.worker])
      expect(await get(other.token, posted.wishId)).not.toHaveProperty('contact')

    const proof = await uploadPhoto(member!.token)
    const fulfilled = expectOk(
      await call('POST', `/wishes/${posted.wishId}/fulfilment`, {
        token: member!.token,
        body: { note: '已送到家，教会了使用', photoKeys: [proof] },
      }),
    )
    expect(fulfilled).toMatchObject({ status: 'fulfilled', fulfilment: { note: '已送到家，教会了使用' } })
    expect((await get(liu!.token, posted.wishId)).can).toEqual(['confirm', 'dispute'])

    const confirmed = expectOk(
      await call('POST', `/wishes/${posted.wishId}/confirmation`, {
        token: liu!.token,
        body: { thanks: '谢谢党员同志，助行器很好用！' },
      }),
    )
    expect(confirmed).toMatchObject({
      status: 'confirmed',
      thanks: { text: '谢谢党员同志，助行器很好用！' },
      credit: { amount: 20, pending: false },
    })
    expect(await balance(w.communityId, member!.userId)).toBe(20)
    const done = (await wall(member!.token, `/grids/${w.gridId}`, '?show=done')).items.find(
      (c: { wishId: string }) => c.wishId === posted.wishId,
    )
    expect(done).toMatchObject({
      status: 'confirmed',
      thanks: '谢谢党员同志，助行器很好用！',
      claimantName: member!.name,
      maskedName: '刘**',
    })
    expect(done.photo.url).toContain(proof)

    const mine = expectOk(await call('GET', '/me/wish-claims', { token: member!.token }))
    expect(mine).toMatchObject({
      record: { active: 0, claimed: 1, fulfilled: 1, lapsed: 0, pointsEarned: 20 },
      balance: 20,
      communityId: w.communityId,
    })
    expect(mine.items[0]).toMatchObject({
      wishId: posted.wishId,
      outcome: 'confirmed',
      points: 20,
      wish: { status: 'confirmed' },
    })
    const timeline = (await get(liu!.token, posted.wishId)).timeline.map((e: { action: string }) => e.action)
    expect(timeline).toEqual(['post', 'publish', 'claim', 'fulfil', 'confirm'])
    // Anyone may read the fulfilled wish; the resident's own steps show as 刘** to them.
    const publicView = await get(w.residents[2]!.token, posted.wishId)
    expect(publicView.timeline.find((e: { action: string }) => e.action === 'post').actorName).toBe('刘**')
    // A staff step shows the role it was taken as before the name, as a matter's does; a resident's, the name alone.
    const step = (action: string) => publicView.timeline.find((e: { action: string }) => e.action === action)
    expect(step('publish')).toMatchObject({ actorRole: '网格员' })
    expect(step('post').actorRole).toBeUndefined()
  })

  it('never carries the room, the phone or the hardship category on the wall or in the public view of a wish', async () => {
    const [, chen] = w.residents
    const wish = await publishedWish(
      w,
      chen!.token,
      { title: '台灯坏了想修一修' },
      { hardship: 'disability', note: '电话核实，肢体残疾二级' },
    )
    const onBehalf = expectOk(
      await call('POST', '/wishes', {
        token: w.worker.token,
        body: wishBody({
          title: '想要一副老花镜',
          onBehalf: { householdId: w.residents[2]!.householdId, residentName: '王秀英', residentPhone: '13712345678' },
        }),
      }),
    )
    expectOk(
      await call('POST', `/wishes/${onBehalf.wishId}/vetting`, {
        token: w.worker.token,
        body: publishBody({ hardship: 'lowIncome' }),
      }),
    )
    const reader = await makeUser('路过的居民')
    const bodies = [
      await wall(reader.token, `/grids/${w.gridId}`),
      await wall(reader.token, `/grids/${w.gridId}`, '?order=due'),
      await wall(reader.token, `/communities/${w.communityId}`),
      await get(reader.token, wish.wishId),
      await get(w.members[1]!.token, onBehalf.wishId),
    ]
    // Keys are looked for quoted ("communityId" holds "unit"), rooms by the 单元/室 of an address.
    const forbidden = [
      chen!.phone,
      '13712345678',
      '陈大爷',
      '王秀英',
      '单元',
      '室',
      '"hardship',
      'disability',
      'lowIncome',
      '残疾',
      '低保',
      '肢体',
      '"room"',
      '"unit"',
      '"phone"',
      '"address"',
      '"contact"',
      '"vetting"',
    ]
    for (const body of bodies) {
      // Photo links carry signatures that may hold any digits: the check reads everything else.
      const text = JSON.stringify(body, (key, value) => (key === 'url' ? undefined : value))
      for (const f of forbidden) expect(text, `${f} leaked`).not.toContain(f)
    }
    expect(bodies[0].items.find((c: { wishId: string }) => c.wishId === onBehalf.wishId)).toMatchObject({
      maskedName: '王**',
      byGridWorker: true,
    })
  })

  it('lets only an in-service member claim: a non-member, a resident of another community and the poster are refused', async () => {
    const [liu, chen] = w.residents
    const wish = await publishedWish(w, liu!.token, { title: '孩子需要一个书包' })
    const elsewhere = await makeCommunity()
    const outsider = await makeUser('外社区党员')
    const bind = expectOk(
      await call('POST', '/bindings', {
        token: outsider.token,
        body: { buildingId: elsewhere.buildings.A1, unit: '1', room: '101' },
      }),
    )
    const theirHead = await elsewhere.withRole('buildingHead', 'building', elsewhere.buildings.A1)
    expectOk(
      await call('POST', `/bindings/${bind.requestId}/decision`, {
        token: theirHead.token,
        body: { decision: 'approve' },
      }),
    )
    await elsewhere.grant(outsider.userId, 'inServiceMember', 'community', elsewhere.communityId)
    const posterMember = liu!
    await w.grant(posterMember.userId, 'inServiceMember', 'community', w.communityId)
    const attempts = [
      [chen!, 'wish.notMember'],
      [outsider, 'wish.notMember'],
      [posterMember, 'wish.ownWish'],
    ] as const
    for (const [who, code] of attempts) {
      const res = await call('POST', `/wishes/${wish.wishId}/claim`, { token: who.token })
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(res.body.error.code).toBe(code)
      expect((await get(who.token, wish.wishId)).can).not.toContain('claim')
    }
    expect((await get(w.worker.token, wish.wishId)).status).toBe('published')
  })

  it('refuses bad input with a stable code and changes nothing', async () => {
    const [, , wang] = w.residents
    const before = expectOk(await call('GET', '/me/wishes', { token: wang!.token })).items.length
    const bad = [
      [{ ...wishBody(), title: '要' }, 'request.invalid'],
      [{ ...wishBody(), categoryId: 'car' }, 'request.invalid'],
      [{ ...wishBody(), wishId: 'not-a-ulid' }, 'request.invalid'],
      [
        { ...wishBody(), photoKeys: Array.from({ length: 4 }, () => `uploads/${ulid()}/${ulid()}.jpg`) },
        'request.invalid',
      ],
      [{ ...wishBody(), wantedBy: dayFromNow(-1) }, 'wish.dateInvalid'],
      [{ ...wishBody(), wantedBy: dayFromNow(400) }, 'wish.dateInvalid'],
      [{ ...wishBody(), photoKeys: [`uploads/${ulid()}/${ulid()}.jpg`] }, 'upload.missing'],
    ] as const
    for (const [body, code] of bad) {
      const res = await call('POST', '/wishes', { token: wang!.token, body })
      expect([res.status, res.body.error.code]).toEqual([expect.any(Number), code])
      expect(res.status).toBeLessThan(500)
    }
    expect(expectOk(await call('GET', '/me/wishes', { token: wang!.token })).items.length).toBe(before)
    expect((await call('POST', '/wishes', { token: (await makeUser()).token, body: wishBody() })).body.error.code).toBe(
      'wish.noHousehold',
    )

    const posted = expectOk(await postWish(wang!.token, { title: '想请人帮忙换灯泡' }))
    const refusals = [
      [w.worker.token, 'vetting', publishBody({ points: 5000 }), 'request.invalid'],
      [w.worker.token, 'vetting', publishBody({ points: 51 }), 'wish.pointsOutOfRange'],
      [w.worker.token, 'vetting', { decision: 'publish', note: '' }, 'request.invalid'],
      [w.members[0]!.token, 'vetting', publishBody(), 'wish.notFound'],
      [wang!.token, 'vetting', publishBody(), 'auth.forbidden'],
      [w.members[0]!.token, 'claim', undefined, 'wish.notFound'],
      [wang!.token, 'confirmation', {}, 'wish.wrongState'],
    ] as const
    for (const [token, action, body, code] of refusals) {
      const res = await call('POST', `/wishes/${posted.wishId}/${action}`, { token, ...(body ? { body } : {}) })
      expect(res.body.error?.code, `${action} ${JSON.stringify(body)}`).toBe(code)
    }
    const after = await get(w.worker.token, posted.wishId)
    expect(after.status).toBe('awaitingVetting')
    expect(after.timeline).toHaveLength(1)
    expect((await call('POST', `/wishes/${ulid()}/claim`, { token: w.members[0]!.token })).body.error.code).toBe(
      'wish.notFound',
    )
    expect(
      (await call('GET', `/grids/${w.gridId}/wish-wall?cursor=bm90LWEtY3Vyc29y`, { token: wang!.token })).body.error
        .code,
    ).toBe('cursor.invalid')
    expect(
      (await call('GET', `/grids/${w.gridId}/wish-wall?order=oldest`, { token: wang!.token })).body.error.code,
    ).toBe('request.invalid')
    const settings = expectOk(await call('GET', `/communities/${w.communityId}/wish-settings`, { token: wang!.token }))
    expect(
      (
        await call('PUT', `/communities/${w.communityId}/wish-settings`, {
          token: w.admin.token,
          body: { ...settings, pointsMin: 60 },
        })
      ).body.error.code,
    ).toBe('request.invalid')
    expect(
      (await call('PUT', `/communities/${w.communityId}/wish-settings`, { token: wang!.token, body: settings })).body
        .error.code,
    ).toBe('auth.forbidden')
    expect(expectOk(await call('GET', `/communities/${w.communityId}/wish-settings`, { token: wang!.token }))).toEqual(
      settings,
    )
  })

  it('makes a create idempotent by its client id, and holds the household to the open-wish limit', async () => {
    const c = await makeWishWorld({ members: 1, settings: { openLimit: 1 } })
    const [liu, chen] = c.residents
    const body = wishBody()
    const [a, b] = await Promise.all([
      call('POST', '/wishes', { token: liu!.token, body }),
      call('POST', '/wishes', { token: liu!.token, body }),
    ])
    expect(expectOk(a).wishId).toBe(body.wishId)
    expect(expectOk(b).wishId).toBe(body.wishId)
    expect((await call('POST', '/wishes', { token: chen!.token, body })).body.error.code).toBe('request.idConflict')
    expect(expectOk(await call('GET', '/me/wishes', { token: liu!.token })).items).toHaveLength(1)
    // One open wish for this household: a second is refused until the first is closed.
    expect((await postWish(liu!.token)).body.error.code).toBe('wish.openLimit')
    expectOk(
      await call('POST', `/wishes/${body.wishId}/withdraw`, { token: liu!.token, body: { reason: '已经买到了' } }),
    )
    expectOk(await postWish(liu!.token))
    // Concurrent posts for one household: one wins the last place.
    const results = await Promise.all([postWish(chen!.token), postWish(chen!.token), postWish(chen!.token)])
    expect(results.filter((r) => r.status === 201)).toHaveLength(1)
    expect(results.filter((r) => r.body.error?.code === 'wish.openLimit')).toHaveLength(2)
  })

  it('counts a claim by a member registered through 双报到 on their unit: the record, the figures by unit', async () => {
    const unit = expectOk(
      await call('POST', `/communities/${w.communityId}/volunteer-units`, {
        token: w.admin.token,
        body: { unitId: ulid(), name: '区税务局', kind: 'organ', contact: { name: '钱科长', phone: '13912345678' } },
      }),
    )
    const registered = await makeUser('孙党员')
    expectOk(
      await call('PUT', '/me/volunteer-registration', {
        token: registered.token,
        body: { communityId: w.communityId, kind: 'member', unitId: unit.unitId },
      }),
    )
    // Before the community approves the registration (and without the role) the member may not claim.
    const wish = await publishedWish(w, w.residents[1]!.token, { title: '想请人帮忙修水龙头', categoryId: 'repair' })
    expect((await call('POST', `/wishes/${wish.wishId}/claim`, { token: registered.token })).body.error.code).toBe(
      'wish.notMember',
    )
    expectOk(
      await call('POST', `/volunteer-registrations/${registered.userId}/decision`, {
        token: w.admin.token,
        body: { decision: 'approve' },
      }),
    )
    const claimed = expectOk(await call('POST', `/wishes/${wish.wishId}/claim`, { token: registered.token }))
    expect(claimed.claim).toMatchObject({ claimantName: '孙党员', unitName: '区税务局' })
    expectOk(
      await call('POST', `/wishes/${wish.wishId}/fulfilment`, {
        token: registered.token,
        body: { note: '换了新水龙头', photoKeys: [await uploadPhoto(registered.token)] },
      }),
    )
    expectOk(await call('POST', `/wishes/${wish.wishId}/confirmation`, { token: w.residents[1]!.token, body: {} }))
    expect(expectOk(await call('GET', '/me/wish-claims', { token: registered.token })).record).toMatchObject({
      fulfilled: 1,
      unitName: '区税务局',
      pointsEarned: 20,
    })
    const figures = expectOk(await call('GET', `/communities/${w.communityId}/wish-figures`, { token: w.admin.token }))
    expect(figures.units).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          unitId: unit.unitId,
          unitName: '区税务局',
          claimed: 1,
          fulfilled: 1,
          fulfilmentRate: 1,
        }),
      ]),
    )
    const done = (await wall(w.residents[0]!.token, `/communities/${w.communityId}`, '?show=done')).items.find(
      (c: { wishId: string }) => c.wishId === wish.wishId,
    )
    expect(done).toMatchObject({ claimantName: '孙党员', claimantUnit: '区税务局' })
  })

  it('lets a grid worker post for a resident of their grid only, and gives the claimant the grid worker to contact', async () => {
    const outsideGrid = await call('POST', '/wishes', {
      token: w.worker.token,
      body: wishBody({
        onBehalf: { householdId: await w.householdId(w.buildings.B1, '1', '101'), residentName: '赵奶奶' },
      }),
    })
    expect(outsideGrid.body.error.code).toBe('auth.forbidden')
    const noSuchRoom = await call('POST', '/wishes', {
      token: w.worker.token,
      body: wishBody({ onBehalf: { buildingId: w.buildings.A2, unit: '9', room: '999', residentName: '赵奶奶' } }),
    })
    expect(noSuchRoom.body.error.code).toBe('household.notFound')
    expect(
      (
        await call('POST', '/wishes', {
          token: w.worker.token,
          body: wishBody({ onBehalf: { buildingId: w.buildings.A2, residentName: '赵奶奶' } }),
        })
      ).body.error.code,
    ).toBe('request.invalid')
    const wish = expectOk(
      await call('POST', '/wishes', {
        token: w.worker.token,
        body: wishBody({
          title: '想有人陪着去医院',
          onBehalf: { buildingId: w.buildings.A2, unit: '1', room: '301', residentName: '赵奶奶' },
        }),
      }),
    )
    expect(wish).toMatchObject({
      byGridWorker: true,
      onBehalfOf: '赵奶奶',
      maskedName: '赵**',
      address: 'A2栋1单元301室',
    })
    expectOk(await call('POST', `/wishes/${wish.wishId}/vetting`, { token: w.worker.token, body: publishBody() }))
    const claimed = expectOk(await call('POST', `/wishes/${wish.wishId}/claim`, { token: w.members[2]!.token }))
    expect(claimed.contact).toMatchObject({
      name: '李红梅',
      phone: w.worker.phone,
      via: 'gridWorker',
      address: 'A2栋1单元301室',
    })
    expectOk(
      await call('POST', `/wishes/${wish.wishId}/fulfilment`, {
        token: w.members[2]!.token,
        body: { note: '已陪同就诊', photoKeys: [await uploadPhoto(w.members[2]!.token)] },
      }),
    )
    const confirmed = expectOk(
      await call('POST', `/wishes/${wish.wishId}/confirmation`, { token: w.worker.token, body: {} }),
    )
    expect(confirmed.timeline.at(-1).label).toBe('网格员代居民确认心愿已实现')
    const figures = expectOk(await call('GET', `/communities/${w.communityId}/wish-figures`, { token: w.worker.token }))
    expect(figures.community).toMatchObject({ fulfilled: expect.any(Number), claimed: expect.any(Number) })
    expect(figures.grids[0]).toMatchObject({ gridId: w.gridId, gridName: '一网格' })
    expect(figures.units).toEqual(
      expect.arrayContaining([expect.objectContaining({ unitId: 'none', unitName: '未登记单位' })]),
    )
    expect(
      (await call('GET', `/communities/${w.communityId}/wish-figures`, { token: w.members[0]!.token })).body.error.code,
    ).toBe('auth.forbidden')
  })
})
