import { ulid } from 'ulid'
import { expect, inject } from 'vitest'
import { api, demoToken } from './browser'

/*
 * Setting the scene through the API, for tests about what a page shows rather than how it got there (the
 * deliberation tests click through every step themselves).
 */

const e2e = inject('e2e')

const TEXT = '1号楼门前的路灯坏了一个多月，晚上回家看不清路，老人容易摔倒，建议尽快修好并定期检查。'

/** A fresh WeChat user (the stand-in accepts any code) bound to a room of 1号楼 by its building head. */
export const freshResident = async (code: string, unit: string, room: string) => {
  const session = (await api('POST', '/auth/login', undefined, { code })).body as {
    token: string
    userId: string
    expiresAt: string
  }
  const asked = await api('POST', '/bindings', session.token, { buildingId: e2e.buildingIds[0], unit, room })
  expect(asked.status).toBe(201)
  expect(
    (
      await api('POST', `/bindings/${asked.body.requestId}/decision`, await demoToken('buildingHead'), {
        decision: 'approve',
      })
    ).status,
  ).toBe(200)
  return session
}

/** A building-scope proposal for 1号楼 by `token`; its id. */
export const propose = async (token: string, title: string) => {
  const made = await api('POST', '/matters', token, {
    matterId: ulid(),
    scope: { type: 'building', id: e2e.buildingIds[0] },
    categoryId: 'shared-facilities',
    title,
    text: TEXT,
  })
  expect(made.status).toBe(201)
  return made.body.matterId as string
}

/** Seconds from `seconders` until the community's number is reached; the matter is then awaiting review. */
export const secondToReview = async (matterId: string, seconders: string[]) => {
  const needed = (await api('GET', `/communities/${e2e.communityId}/deliberation-settings`, seconders[0])).body
    .secondsNeeded as number
  expect(seconders.length).toBeGreaterThanOrEqual(needed)
  for (const t of seconders.slice(0, needed))
    expect((await api('POST', `/matters/${matterId}/seconds`, t)).status).toBe(200)
  expect((await api('GET', `/matters/${matterId}`, seconders[0])).body.status).toBe('awaitingReview')
}

/** The property company of the community's 责任方名录 (the demo seeds 阳光物业), as review and resolution pick it. */
export const propertyParty = async (token: string) => {
  const list = await api('GET', `/communities/${e2e.communityId}/organisations`, token)
  expect(list.status).toBe(200)
  const property = (list.body.items as { organisationId: string; kind: string }[]).find((o) => o.kind === 'property')
  expect(property).toBeDefined()
  return { organisationId: property!.organisationId }
}

/** The committee accepts it as a 小事 for the property company, and the building head opens a named poll closing in 3 days. */
export const acceptAndOpenPoll = async (matterId: string) => {
  const committee = await demoToken('committee')
  const accepted = await api('POST', `/matters/${matterId}/review`, committee, {
    decision: 'accept',
    triage: 'small',
    responsibleParty: await propertyParty(committee),
  })
  expect(accepted.status).toBe(200)
  const opened = await api('POST', `/matters/${matterId}/poll`, await demoToken('buildingHead'), {
    options: ['同意', '不同意'],
    opensAt: new Date().toISOString(),
    closesAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    secret: false,
    rule: { minTurnout: 0.1, passShare: 0.5, passOption: 0 },
  })
  expect(opened.status).toBe(201)
}
