import { beforeAll, describe, expect, it } from 'vitest'
import { ulid } from 'ulid'
import { call, expectOk, makeUser } from '../helpers/factories'
import { makeDeliberationWorld, propose, tickAt } from '../helpers/deliberation'

/*
 * The transition table through the HTTP API, as a wiring test: a matter in every status and every kind of caller;
 * a sample of what the table refuses is refused with its stable code and changes nothing, and `can` lists what it
 * allows. (The whole table, every status × action × facts, is walked in tests/unit/deliberationStates.test.ts.)
 * The table here is written out independently of the domain's own.
 */
const statuses = [
  'seconding',
  'returned',
  'awaitingReview',
  'awaitingPoll',
  'polling',
  'awaitingResolution',
  'inProgress',
  'evaluating',
  'withdrawn',
  'rejected',
  'failed',
  'completed',
] as const
type Status = (typeof statuses)[number]
const actions = [
  'second',
  'withdraw',
  'revise',
  'accept',
  'return',
  'reject',
  'answerEscalation',
  'comment',
  'openPoll',
  'vote',
  'resolve',
  'report',
  'rate',
] as const
type Action = (typeof actions)[number]
const roles = ['proposer', 'neighbour', 'outsider', 'committee', 'buildingHead', 'property'] as const
type Role = (typeof roles)[number]

const from: Record<Action, readonly Status[]> = {
  second: ['seconding'],
  withdraw: ['seconding', 'returned', 'awaitingReview'],
  revise: ['returned'],
  accept: ['awaitingReview'],
  return: ['awaitingReview'],
  reject: ['awaitingReview'],
  answerEscalation: [], // none of these matters is a 大事
  comment: ['seconding', 'returned', 'awaitingReview', 'awaitingPoll', 'polling'],
  openPoll: ['awaitingPoll'],
  vote: ['polling'],
  resolve: ['awaitingResolution'],
  report: ['inProgress'],
  rate: ['evaluating'],
}
/** The error a caller gets when their role or place does not allow the action (checked before the step), or undefined if it does. */
/** Statuses in which the review has named the property company as responsible (every accepted matter here). */
const propertyNamed: readonly Status[] = [
  'awaitingPoll',
  'polling',
  'awaitingResolution',
  'inProgress',
  'evaluating',
  'failed',
  'completed',
]
const roleError = (action: Action, role: Role, status: Status): string | undefined => {
  const inScope = role === 'proposer' || role === 'neighbour' || role === 'buildingHead' // the head lives in A1 too
  switch (action) {
    case 'second':
      return role === 'proposer' ? 'second.ownMatter' : inScope ? undefined : 'auth.forbidden'
    case 'withdraw':
    case 'revise':
      return role === 'proposer' ? undefined : 'auth.forbidden'
    case 'accept':
    case 'return':
    case 'reject':
    case 'resolve':
    case 'answerEscalation':
      return role === 'committee' ? undefined : 'auth.forbidden'
    case 'comment':
      return role === 'outsider' ? 'auth.forbidden' : undefined
    case 'openPoll':
      return role === 'buildingHead' ? undefined : 'auth.forbidden' // a building matter: only its head
    case 'report':
      return role === 'committee' || (role === 'property' && propertyNamed.includes(status))
        ? undefined
        : 'auth.forbidden'
    case 'vote':
    case 'rate':
      return inScope ? undefined : 'vote.notEligible'
  }
}

const minutes = (n: number) => new Date(Date.now() + n * 60_000)

describe('the deliberation transition table', () => {
  let w: Awaited<ReturnType<typeof makeDeliberationWorld>>
  const tokens = {} as Record<Role, string>
  const matters = {} as Record<Status, { matterId: string; pollId?: string }>

  beforeAll(async () => {
    w = await makeDeliberationWorld({ households: 3, secondsNeeded: 1 })
    const [proposer, neighbour, third] = w.residents
    const outsider = await makeUser('外楼居民')
    const req = expectOk(
      await call('POST', '/bindings', {
        token: outsider.token,
        body: { buildingId: w.buildings.B1, unit: '1', room: '101' },
      }),
    )
    const headHome = expectOk(
      await call('POST', '/bindings', {
        token: w.head.token,
        body: { buildingId: w.buildings.A1, unit: '1', room: '302' },
      }),
    )
    const gridWorker = await w.withRole('gridWorker', 'grid', w.gridId)
    const b1Head = await w.withRole('buildingHead', 'building', w.buildings.B1)
    expectOk(
      await call('POST', `/bindings/${req.requestId}/decision`, { token: b1Head.token, body: { decision: 'approve' } }),
    )
    expectOk(
      await call('POST', `/bindings/${headHome.requestId}/decision`, {
        token: gridWorker.token,
        body: { decision: 'approve' },
      }),
    )
    Object.assign(tokens, {
      proposer: proposer!.token,
      neighbour: neighbour!.token,
      outsider: outsider.token,
      committee: w.committee.token,
      buildingHead: w.head.token,
      property: w.property.token,
    })

    const A1 = { type: 'building', id: w.buildings.A1 }
    const post = async (path: string, token: string, body?: unknown) =>
      expectOk(await call('POST', path, { token, body }))
    const seconding = async () => expectOk(await propose(proposer!.token, A1)).matterId as string
    const review = async () => {
      const id = await seconding()
      await post(`/matters/${id}/seconds`, neighbour!.token)
      return id
    }
    const accepted = async () => {
      const id = await review()
      await post(`/matters/${id}/review`, w.committee.token, {
        decision: 'accept',
        triage: 'small',
        responsibleParty: { organisationId: w.orgs.property },
      })
      return id
    }
    const poll = async (closeInMinutes: number, voters: { token: string }[]) => {
      const id = await accepted()
      const m = await post(`/matters/${id}/poll`, w.head.token, {
        options: ['同意', '不同意'],
        opensAt: new Date().toISOString(),
        closesAt: minutes(closeInMinutes).toISOString(),
        secret: false,
        rule: { minTurnout: 0.5, passShare: 0.5, passOption: 0 },
      })
      for (const v of voters) await post(`/polls/${m.poll.pollId}/votes`, v.token, { option: 0 })
      return { matterId: id, pollId: m.poll.pollId as string }
    }
    const voters = [proposer!, neighbour!, third!]
    const resolution = {
      responsibleParty: { organisationId: w.orgs.property },
      tasks: ['更换灯具'],
      dueDate: '2026-12-31',
    }

    // Completed first: its ticks run far ahead and must find nothing else due.
    const done = await poll(2, voters)
    await tickAt(minutes(5))
    await post(`/matters/${done.matterId}/resolution`, w.committee.token, resolution)
    await post(`/matters/${done.matterId}/completion`, w.property.token, { note: '已完成' })
    for (const v of voters) await post(`/matters/${done.matterId}/ratings`, v.token, { rating: 'satisfied' })
    await tickAt(new Date(Date.now() + 8 * 86_400_000))
    matters.completed = done

    const passing = await poll(2, voters)
    const failing = await poll(2, [])
    await tickAt(minutes(5))
    matters.awaitingResolution = passing
    matters.failed = failing
    const working = await poll(2, voters)
    await tickAt(minutes(5))
    await post(`/matters/${working.matterId}/resolution`, w.committee.token, resolution)
    matters.inProgress = working
    const rating = await poll(2, voters)
    await tickAt(minutes(5))
    await post(`/matters/${rating.matterId}/resolution`, w.committee.token, resolution)
    await post(`/matters/${rating.matterId}/completion`, w.property.token, { note: '已完成' })
    matters.evaluating = rating
    matters.polling = await poll(600, [])

    matters.seconding = { matterId: await seconding() }
    matters.awaitingReview = { matterId: await review() }
    matters.awaitingPoll = { matterId: await accepted() }
    const ret = await review()
    await post(`/matters/${ret}/review`, w.committee.token, { decision: 'return', note: '补充' })
    matters.returned = { matterId: ret }
    const rej = await review()
    await post(`/matters/${rej}/review`, w.committee.token, { decision: 'reject', reason: '不属于公共事务' })
    matters.rejected = { matterId: rej }
    const wd = await seconding()
    await post(`/matters/${wd}/withdraw`, proposer!.token, {})
    matters.withdrawn = { matterId: wd }
  }, 240_000)

  it('has a matter in every status', async () => {
    for (const s of statuses)
      expect(expectOk(await call('GET', `/matters/${matters[s].matterId}`, { token: tokens.committee })).status).toBe(s)
  })

  const attempt = (action: Action, matterId: string, pollId: string | undefined, token: string) => {
    const p = `/matters/${matterId}`
    switch (action) {
      case 'second':
        return call('POST', `${p}/seconds`, { token })
      case 'withdraw':
        return call('POST', `${p}/withdraw`, { token, body: {} })
      case 'revise':
        return call('PUT', p, {
          token,
          body: { categoryId: 'shared-facilities', title: '修改后的标题', text: '修改后的议题内容，补充了具体位置。' },
        })
      case 'accept':
        return call('POST', `${p}/review`, {
          token,
          body: { decision: 'accept', triage: 'general', responsibleParty: { organisationId: w.orgs.community } },
        })
      case 'return':
        return call('POST', `${p}/review`, { token, body: { decision: 'return', note: '请补充' } })
      case 'reject':
        return call('POST', `${p}/review`, { token, body: { decision: 'reject', reason: '不予受理' } })
      case 'answerEscalation':
        return call('POST', `${p}/escalation-answer`, { token, body: { answer: '答复' } })
      case 'comment':
        return call('POST', `${p}/comments`, { token, body: { commentId: ulid(), text: '意见' } })
      case 'openPoll':
        return call('POST', `${p}/poll`, {
          token,
          body: {
            options: ['同意', '不同意'],
            opensAt: new Date().toISOString(),
            closesAt: minutes(60).toISOString(),
            secret: false,
            rule: { minTurnout: 0.5, passShare: 0.5, passOption: 0 },
          },
        })
      case 'vote':
        return call('POST', `/polls/${pollId}/votes`, { token, body: { option: 1 } })
      case 'resolve':
        return call('POST', `${p}/resolution`, {
          token,
          body: { responsibleParty: { organisationId: w.orgs.community }, tasks: ['任务'], dueDate: '2026-12-31' },
        })
      case 'report':
        return call('POST', `${p}/completion`, { token, body: { note: '完成' } })
      case 'rate':
        return call('POST', `${p}/ratings`, { token, body: { rating: 'unsatisfied' } })
    }
  }

  /**
   * Every refused cell (status × action × caller) with the code it must get. The whole table is walked without
   * HTTP in tests/unit/deliberationStates.test.ts; here a sample proves the wiring: two cells for each status and
   * caller, rotating through the actions, topped up so that every action and every refusal code is sent.
   */
  const sampleOfRefusals = () => {
    const all: { status: Status; action: Action; role: Role; expected: string }[] = []
    for (const status of statuses)
      for (const action of actions) {
        if (action === 'vote' && !matters[status].pollId) continue // no poll to vote in
        for (const role of roles) {
          let expected =
            roleError(action, role, status) ?? (from[action].includes(status) ? undefined : 'matter.wrongStep')
          // A closed poll answers before anything else: there is nothing to vote in any more.
          if (action === 'vote' && status !== 'polling') expected = 'poll.notOpen'
          if (expected !== undefined) all.push({ status, action, role, expected }) // allowed cells: the end-to-end tests take them
        }
      }
    const sample = new Set<(typeof all)[number]>()
    statuses.forEach((status, i) =>
      roles.forEach((role, j) => {
        const cells = all.filter((c) => c.status === status && c.role === role)
        for (const k of [i * 3 + j, i * 3 + j + 5]) if (cells.length) sample.add(cells[k % cells.length]!)
      }),
    )
    for (const key of ['action', 'expected'] as const)
      for (const value of new Set(all.map((c) => c[key])))
        if (![...sample].some((c) => c[key] === value)) sample.add(all.find((c) => c[key] === value)!)
    return { all, sample: [...sample] }
  }

  it('refuses the transitions the table does not allow, with a stable code, changing nothing (a sample of every status and caller)', async () => {
    const { all, sample } = sampleOfRefusals()
    expect(all.length).toBeGreaterThan(600)
    expect(new Set(sample.map((c) => c.action))).toEqual(new Set(all.map((c) => c.action)))
    expect(new Set(sample.map((c) => c.expected))).toEqual(new Set(all.map((c) => c.expected)))
    const refusals: string[] = []
    for (const status of statuses) {
      const { matterId, pollId } = matters[status]
      const before = expectOk(await call('GET', `/matters/${matterId}`, { token: tokens.committee }))
      for (const { action, role, expected } of sample.filter((c) => c.status === status)) {
        const res = await attempt(action, matterId, pollId, tokens[role])
        if (res.body?.error?.code !== expected)
          refusals.push(
            `${status} ${action} as ${role}: expected ${expected}, got ${res.status} ${res.body?.error?.code}`,
          )
        else expect(res.status).toBeGreaterThanOrEqual(400)
      }
      const after = expectOk(await call('GET', `/matters/${matterId}`, { token: tokens.committee }))
      expect({
        status: after.status,
        updatedAt: after.updatedAt,
        timeline: after.timeline.length,
        seconds: after.secondsCount,
      }).toEqual({
        status: before.status,
        updatedAt: before.updatedAt,
        timeline: before.timeline.length,
        seconds: before.secondsCount,
      })
      expect(after.poll?.result).toEqual(before.poll?.result)
    }
    expect(refusals).toEqual([])
    expect(sample.length).toBeGreaterThanOrEqual(statuses.length * roles.length)
  }, 120_000)

  it('offers each caller exactly the actions the table allows', async () => {
    for (const status of statuses) {
      for (const role of ['proposer', 'committee', 'buildingHead', 'outsider'] as const) {
        const m = await call('GET', `/matters/${matters[status].matterId}`, { token: tokens[role] })
        if (role === 'outsider') {
          expect(m.status).toBe(404) // a matter of another building is not announced
          continue
        }
        const expected = actions.filter((a) => from[a].includes(status) && roleError(a, role, status) === undefined)
        expect([...m.body.can].sort(), `${status} as ${role}`).toEqual([...expected].sort())
      }
    }
  })
})
