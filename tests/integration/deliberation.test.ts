import { describe, expect, it } from 'vitest'
import { ulid } from 'ulid'
import { call, expectOk, makeUser } from '../helpers/factories'
import { makeDeliberationWorld, propose, tickAt, uploadPhoto } from '../helpers/deliberation'

const minutes = (n: number) => new Date(Date.now() + n * 60_000)

describe('five-step deliberation, end to end', () => {
  it('takes a building matter from proposal through poll, resolution and a rework loop to closure', async () => {
    const w = await makeDeliberationWorld()
    const [proposer, a, b, c, d, e] = w.residents
    const A1 = { type: 'building', id: w.buildings.A1 }

    // 1. 居民提议, with a photo uploaded straight to object storage.
    const photo = await uploadPhoto(proposer!.token)
    const proposed = await propose(proposer!.token, A1, { photoKeys: [photo] })
    expect(proposed.status).toBe(201)
    const matterId = proposed.body.matterId
    expect(proposed.body).toMatchObject({
      step: 'propose',
      status: 'seconding',
      secondsNeeded: 2,
      scope: { name: 'A1栋' },
    })
    expect(proposed.body.photos[0].url).toMatch(/^http/)

    // Seconds from two other residents send it to review; the proposer cannot second, nobody twice.
    expect((await call('POST', `/matters/${matterId}/seconds`, { token: proposer!.token })).body.error.code).toBe(
      'second.ownMatter',
    )
    expectOk(await call('POST', `/matters/${matterId}/seconds`, { token: a!.token }))
    expect((await call('POST', `/matters/${matterId}/seconds`, { token: a!.token })).body.error.code).toBe(
      'second.already',
    )
    const seconded = expectOk(await call('POST', `/matters/${matterId}/seconds`, { token: b!.token }))
    expect(seconded).toMatchObject({ step: 'review', status: 'awaitingReview', secondsCount: 2 })

    // 2. 两委审议: in the committee's queue; accepted as a 小事 for the property company.
    const queue = expectOk(
      await call('GET', `/communities/${w.communityId}/review-queue`, { token: w.committee.token }),
    )
    // Each entry carries the proposal's text and its first photo, so the committee reads it without opening it.
    const queued = queue.items.find((m: any) => m.matterId === matterId)
    expect(queued).toMatchObject({ text: proposed.body.text, firstPhoto: { key: photo } })
    expect(queued.firstPhoto.url).toMatch(/^http/)
    const accepted = expectOk(
      await call('POST', `/matters/${matterId}/review`, {
        token: w.committee.token,
        body: { decision: 'accept', triage: 'small', responsibleParty: { organisationId: w.orgs.property } },
      }),
    )
    expect(accepted).toMatchObject({ step: 'consult', status: 'awaitingPoll', triage: 'small' })

    // 3. 民主商议: comments, then the building head opens a secret poll; the committee may not for a building matter.
    expectOk(
      await call('POST', `/matters/${matterId}/comments`, {
        token: c!.token,
        body: { commentId: ulid(), text: '同意，顺便把3楼的也换了' },
      }),
    )
    const pollBody = {
      options: ['同意', '不同意'],
      opensAt: new Date().toISOString(),
      closesAt: minutes(30).toISOString(),
      secret: true,
      rule: { minTurnout: 2 / 3, passShare: 0.5, passOption: 0 },
    }
    expect((await call('POST', `/matters/${matterId}/poll`, { token: w.committee.token, body: pollBody })).status).toBe(
      403,
    )
    const polling = expectOk(await call('POST', `/matters/${matterId}/poll`, { token: w.head.token, body: pollBody }))
    expect(polling.poll).toMatchObject({
      state: 'open',
      electorate: 6,
      secret: true,
      changeRule: expect.stringContaining('不可更改'),
    })
    const pollId = polling.poll.pollId

    // One household, one vote: 5 of 6 vote, 4 agree.
    const votes = [
      [proposer, 0],
      [a, 0],
      [b, 0],
      [c, 1],
      [d, 0],
    ] as const
    for (const [voter, option] of votes)
      expect((await call('POST', `/polls/${pollId}/votes`, { token: voter!.token, body: { option } })).status).toBe(201)
    const again = await call('POST', `/polls/${pollId}/votes`, { token: a!.token, body: { option: 1 } })
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('vote.already')
    const outsider = await makeUser()
    expect(
      (await call('POST', `/polls/${pollId}/votes`, { token: outsider.token, body: { option: 0 } })).body.error.code,
    ).toBe('vote.notEligible')
    // A second member of e's household lives in scope but does not represent it: no vote offered, none taken.
    const member = await makeUser('e家的家人')
    const join = expectOk(
      await call('POST', '/bindings', {
        token: member.token,
        body: { buildingId: w.buildings.A1, unit: '1', room: e!.room },
      }),
    )
    expectOk(
      await call('POST', `/bindings/${join.requestId}/decision`, {
        token: w.head.token,
        body: { decision: 'approve' },
      }),
    )
    const asMember = expectOk(await call('GET', `/matters/${matterId}`, { token: member.token }))
    expect(asMember.can).toContain('comment')
    expect(asMember.can).not.toContain('vote')
    expect(
      (await call('POST', `/polls/${pollId}/votes`, { token: member.token, body: { option: 0 } })).body.error.code,
    ).toBe('vote.notRepresentative')
    // The tally is hidden until close.
    const during = expectOk(await call('GET', `/matters/${matterId}`, { token: e!.token }))
    expect(during.poll.result).toBeUndefined()
    expect(during.poll.votedHouseholds).toBe(5)
    expect(during.poll.myHouseholdVoted).toBe(false)
    expect(during.can).toContain('vote')

    // 4. 协同决议: the scheduler closes it after its time; 5/6 took part, 4/5 agreed.
    await tickAt(minutes(32))
    const passed = expectOk(await call('GET', `/matters/${matterId}`, { token: e!.token }))
    expect(passed).toMatchObject({ step: 'resolve', status: 'awaitingResolution' })
    expect(passed.poll.result).toMatchObject({ counts: [4, 1], ballots: 5, passed: true })
    const resolved = expectOk(
      await call('POST', `/matters/${matterId}/resolution`, {
        token: w.committee.token,
        body: {
          responsibleParty: { organisationId: w.orgs.property },
          tasks: ['更换1单元全部楼道灯'],
          dueDate: '2026-12-31',
        },
      }),
    )
    expect(resolved).toMatchObject({
      status: 'inProgress',
      resolution: { round: 1, responsibleParty: { name: '阳光物业' } },
    })

    // 5. 大众评议: the property manager reports done; ratings fall below 80%, so it goes back for rework.
    const report = expectOk(
      await call('POST', `/matters/${matterId}/completion`, {
        token: w.property.token,
        body: { note: '已更换6盏声控灯' },
      }),
    )
    expect(report).toMatchObject({ step: 'evaluate', status: 'evaluating', evaluation: { round: 1 } })
    for (const [voter, rating] of [
      [a, 'unsatisfied'],
      [b, 'satisfied'],
      [c, 'unsatisfied'],
    ] as const)
      expect(
        (await call('POST', `/matters/${matterId}/ratings`, { token: voter!.token, body: { rating } })).status,
      ).toBe(201)
    expect(
      (await call('POST', `/matters/${matterId}/ratings`, { token: a!.token, body: { rating: 'satisfied' } })).body
        .error.code,
    ).toBe('rating.already')
    await tickAt(new Date(Date.now() + 8 * 86_400_000))
    const rework = expectOk(await call('GET', `/matters/${matterId}`, { token: proposer!.token }))
    expect(rework).toMatchObject({
      step: 'resolve',
      status: 'inProgress',
      evaluation: { round: 1, counts: { satisfied: 1, basic: 0, unsatisfied: 2 } },
    })

    // Reworked and reported again; this round satisfies.
    expectOk(
      await call('POST', `/matters/${matterId}/completion`, {
        token: w.property.token,
        body: { note: '补换3楼灯具并调试' },
      }),
    )
    for (const voter of [a, b, c, d])
      expectOk(
        await call('POST', `/matters/${matterId}/ratings`, {
          token: voter!.token,
          body: { rating: voter === d ? 'basic' : 'satisfied' },
        }),
      )
    await tickAt(new Date(Date.now() + 8 * 86_400_000))
    const closed = expectOk(await call('GET', `/matters/${matterId}`, { token: proposer!.token }))
    expect(closed).toMatchObject({ step: 'closed', status: 'completed', evaluation: { round: 2, score: 1 } })

    // Every step recorded who, when and why; every transition queued notifications.
    expect(closed.timeline.map((t: any) => t.action)).toEqual([
      'propose',
      'seconded',
      'accept',
      'openPoll',
      'closePoll',
      'resolve',
      'report',
      'closeEvaluation',
      'report',
      'closeEvaluation',
    ])
    expect(closed.timeline[2]).toMatchObject({ actorName: '周书记', label: '两委审议：受理' })
    // Listed for the residents in scope (all steps, or one), and among the proposer's own.
    expect(expectOk(await call('GET', '/matters', { token: e!.token })).items.map((x: any) => x.matterId)).toContain(
      matterId,
    )
    expect(
      expectOk(await call('GET', '/matters?step=closed', { token: e!.token })).items.map((x: any) => x.matterId),
    ).toContain(matterId)
    expect(
      expectOk(await call('GET', '/matters?step=review', { token: e!.token })).items.map((x: any) => x.matterId),
    ).not.toContain(matterId)
    expect(
      expectOk(await call('GET', '/matters?mine=true', { token: proposer!.token })).items.map((x: any) => x.matterId),
    ).toEqual([matterId])
    const notes = expectOk(await call('GET', `/matters/${matterId}/notifications`, { token: w.committee.token }))
    expect(notes.items.length).toBeGreaterThanOrEqual(10)
    expect(notes.items.some((n: any) => n.template === 'pollOpen')).toBe(true)
  })

  it('refuses a 不议 matter at once with the community’s reason, and a proposal outside the proposer’s scope', async () => {
    const w = await makeDeliberationWorld({ households: 1 })
    const res = await propose(
      w.residents[0]!.token,
      { type: 'building', id: w.buildings.A1 },
      { categoryId: 'private-disputes' },
    )
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('matter.excludedCategory')
    expect(res.body.error.details[0].message).toMatch(/调解/)
    const elsewhere = await propose(w.residents[0]!.token, { type: 'building', id: w.buildings.B1 })
    expect(elsewhere.body.error.code).toBe('matter.notInScope')
    expect(expectOk(await call('GET', '/matters?mine=true', { token: w.residents[0]!.token })).items).toEqual([])
  })

  it('lists each matter to those in its scope and the staff serving it: a grid worker sees what lies over their grid, nothing else', async () => {
    const w = await makeDeliberationWorld({ households: 2, secondsNeeded: 0 })
    const inA1 = expectOk(await propose(w.residents[0]!.token, { type: 'building', id: w.buildings.A1 }))
    const compoundWide = expectOk(
      await propose(w.residents[1]!.token, { type: 'compound', id: w.compoundA }, { title: 'A苑增设电动车充电桩' }),
    )
    const communityWide = expectOk(
      await propose(w.residents[1]!.token, { type: 'community', id: w.communityId }, { title: '社区增设老年食堂' }),
    )
    const ownGrid = await w.withRole('gridWorker', 'grid', w.gridId)
    const otherGridId = expectOk(
      await call('POST', `/communities/${w.communityId}/grids`, {
        token: w.admin.token,
        body: { name: '二网格', buildingIds: [w.buildings.B1] },
      }),
    ).gridId
    const otherGrid = await w.withRole('gridWorker', 'grid', otherGridId)
    const neighbour = await makeUser('B1栋居民')
    const req = expectOk(
      await call('POST', '/bindings', {
        token: neighbour.token,
        body: { buildingId: w.buildings.B1, unit: '1', room: '101' },
      }),
    )
    expectOk(
      await call('POST', `/bindings/${req.requestId}/decision`, {
        token: otherGrid.token,
        body: { decision: 'approve' },
      }),
    )

    const listed = async (token: string) =>
      (expectOk(await call('GET', `/matters?communityId=${w.communityId}`, { token })).items as { matterId: string }[])
        .map((m) => m.matterId)
        .sort()
    const all = [inA1.matterId, compoundWide.matterId, communityWide.matterId].sort()
    expect(await listed(w.committee.token)).toEqual(all)
    expect(await listed(ownGrid.token)).toEqual(all)
    expect(await listed(otherGrid.token)).toEqual([communityWide.matterId])
    expect(await listed(neighbour.token)).toEqual([communityWide.matterId])
    expect((await call('GET', `/matters/${inA1.matterId}`, { token: otherGrid.token })).body.error.code).toBe(
      'matter.notFound',
    )
    expect((await call('GET', `/matters/${compoundWide.matterId}`, { token: neighbour.token })).body.error.code).toBe(
      'matter.notFound',
    )
    expect(expectOk(await call('GET', `/matters/${inA1.matterId}`, { token: ownGrid.token })).title).toBe(inA1.title)
    // Seeing is not deciding: the grid worker may join the discussion, not open a poll or review.
    expect(expectOk(await call('GET', `/matters/${compoundWide.matterId}`, { token: ownGrid.token })).can).toEqual([
      'comment',
    ])

    // The grid contact cards count what is open over each grid: all three over A1–A2, only the community's over B1.
    const openOnCard = async (gridId: string, token: string) => {
      const { code } = expectOk(await call('GET', `/grids/${gridId}/card-code`, { token }))
      return expectOk(await call('GET', `/cards/${code}`)).openCounts
    }
    expect(await openOnCard(w.gridId, ownGrid.token)).toMatchObject({ matters: 3, polls: 0 })
    expect(await openOnCard(otherGridId, otherGrid.token)).toMatchObject({ matters: 1, polls: 0 })
    expectOk(
      await call('POST', `/matters/${inA1.matterId}/review`, {
        token: w.committee.token,
        body: { decision: 'reject', reason: '已由物业安排维修' },
      }),
    )
    expect(await openOnCard(w.gridId, ownGrid.token)).toMatchObject({ matters: 2, polls: 0 })
  })

  it('pages a community’s matters newest first, and refuses a cursor it did not hand out', async () => {
    const w = await makeDeliberationWorld({ households: 1, secondsNeeded: 5 })
    const made: string[] = []
    for (let i = 0; i < 5; i++)
      made.push(
        expectOk(
          await propose(
            w.residents[0]!.token,
            { type: 'building', id: w.buildings.A1 },
            { title: `第${i + 1}个楼道议题` },
          ),
        ).matterId,
      )
    const page = (cursor?: string) =>
      call(
        'GET',
        `/matters?communityId=${w.communityId}&step=propose&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        {
          token: w.residents[0]!.token,
        },
      )
    const seen: string[] = []
    let cursor: string | undefined
    const sizes: number[] = []
    do {
      const body = expectOk(await page(cursor))
      sizes.push(body.items.length)
      seen.push(...body.items.map((m: { matterId: string }) => m.matterId))
      cursor = body.nextCursor
    } while (cursor)
    expect(seen).toEqual([...made].reverse())
    expect(sizes.slice(0, 2)).toEqual([2, 2])

    const first = expectOk(await page())
    const other = await makeDeliberationWorld({ households: 1 })
    const foreign = await call(
      'GET',
      `/matters?communityId=${other.communityId}&cursor=${encodeURIComponent(first.nextCursor)}`,
      {
        token: other.residents[0]!.token,
      },
    )
    expect(foreign.status).toBe(422)
    expect(foreign.body.error.code).toBe('cursor.invalid')
    for (const bad of ['nonsense', Buffer.from('{"pk":1}').toString('base64url'), 'x'.repeat(1001)]) {
      const res = await page(bad)
      expect(res.status).toBe(422)
    }
    expect(
      (await call('GET', `/matters?communityId=${w.communityId}&limit=0`, { token: w.residents[0]!.token })).status,
    ).toBe(422)
  })

  it('lets only the community admin change the 六议六不议 lists, and refuses lists that would break proposing', async () => {
    const w = await makeDeliberationWorld({ households: 1 })
    const path = `/communities/${w.communityId}/deliberation-settings`
    const before = expectOk(await call('GET', path, { token: w.residents[0]!.token }))
    const put = (token: string, body: unknown) => call('PUT', path, { token, body })
    const refused = async (body: unknown, message: RegExp) => {
      const res = await put(w.admin.token, body)
      expect(res.status).toBe(422)
      expect(res.body.error.code).toBe('request.invalid')
      expect(res.body.error.details.map((d: { message: string }) => d.message).join()).toMatch(message)
    }
    const [first, ...rest] = before.categories as { categoryId: string; name: string; kind: string; reason?: string }[]
    await refused({ ...before, categories: [first, { ...first, categoryId: 'copy' }, ...rest] }, /重复/)
    await refused(
      { ...before, categories: before.categories.filter((c: { kind: string }) => c.kind === 'exclude') },
      /至少保留一个/,
    )
    await refused(
      { ...before, categories: [...before.categories, { categoryId: 'no-reason', name: '无理由', kind: 'exclude' }] },
      /不议理由/,
    )
    expect((await put(w.committee.token, before)).body.error.code).toBe('auth.forbidden')
    expect(expectOk(await call('GET', path, { token: w.residents[0]!.token }))).toEqual(before)

    const added = {
      ...before,
      categories: [...before.categories, { categoryId: 'pets', name: '宠物管理', kind: 'deliberate' }],
    }
    expect(expectOk(await put(w.admin.token, added)).categories).toHaveLength(before.categories.length + 1)
    expect(
      expectOk(await propose(w.residents[0]!.token, { type: 'building', id: w.buildings.A1 }, { categoryId: 'pets' }))
        .categoryName,
    ).toBe('宠物管理')
  })

  it('returns a matter for revision, takes the revision back to review, and lets a proposer withdraw', async () => {
    const w = await makeDeliberationWorld({ households: 1, secondsNeeded: 0 })
    const proposer = w.residents[0]!
    const m = expectOk(await propose(proposer.token, { type: 'compound', id: w.compoundA }))
    expect(m.status).toBe('awaitingReview')
    const returned = expectOk(
      await call('POST', `/matters/${m.matterId}/review`, {
        token: w.committee.token,
        body: { decision: 'return', note: '请补充具体位置' },
      }),
    )
    expect(returned).toMatchObject({ step: 'propose', status: 'returned', returnNote: '请补充具体位置' })
    const revised = expectOk(
      await call('PUT', `/matters/${m.matterId}`, {
        token: proposer.token,
        body: {
          categoryId: 'shared-facilities',
          title: '更换A苑1单元楼道照明',
          text: 'A苑A1栋1单元1至3楼楼道灯损坏，建议统一更换为声控LED灯。',
        },
      }),
    )
    expect(revised).toMatchObject({ status: 'awaitingReview', title: '更换A苑1单元楼道照明' })
    const withdrawn = expectOk(
      await call('POST', `/matters/${m.matterId}/withdraw`, {
        token: proposer.token,
        body: { reason: '物业已经修好了' },
      }),
    )
    expect(withdrawn).toMatchObject({ step: 'closed', status: 'withdrawn' })
  })

  it('escalates a 大事 to the street with a deadline that shows as overdue, until the department answers', async () => {
    const w = await makeDeliberationWorld({ households: 1, secondsNeeded: 0 })
    const m = expectOk(
      await propose(
        w.residents[0]!.token,
        { type: 'community', id: w.communityId },
        {
          categoryId: 'common-interests',
          title: '小区周边增设停车位',
          text: '社区周边道路夜间停车混乱，建议协调交警和城管部门施划停车位。',
        },
      ),
    )
    const accepted = expectOk(
      await call('POST', `/matters/${m.matterId}/review`, {
        token: w.committee.token,
        body: { decision: 'accept', triage: 'major', responsibleParty: { organisationId: w.orgs.department } },
      }),
    )
    expect(accepted.escalation).toMatchObject({ overdue: false })
    expect(new Date(accepted.escalation.deadline).getTime()).toBeGreaterThan(Date.now() + 14 * 86_400_000)
    const answered = expectOk(
      await call('POST', `/matters/${m.matterId}/escalation-answer`, {
        token: w.committee.token,
        body: { answer: '交警大队已勘察，下月施划' },
      }),
    )
    expect(answered.escalation).toMatchObject({ answer: '交警大队已勘察，下月施划', overdue: false })
    expect(
      (
        await call('POST', `/matters/${m.matterId}/escalation-answer`, {
          token: w.committee.token,
          body: { answer: '再答' },
        })
      ).body.error.code,
    ).toBe('matter.wrongStep')
  })
})
