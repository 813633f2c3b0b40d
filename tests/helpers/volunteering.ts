import { ulid } from 'ulid'
import { topUp } from '../../functions/src/domain/ledger/transfer'
import { signSiteCode, siteCodeKey, windowAt } from '../../functions/src/domain/volunteering/siteCode'
import { signToken } from '../../functions/src/domain/identity/sessionToken'
import { appDeps } from '../../functions/src/http/deps'
import { dynamoLedgerStore } from '../../functions/src/storage/ledger/ledger'
import { call, expectOk, makeCommunity, makeUser } from './factories'

/** The site point of the tests' activities (a square in Shenzhen, gcj02) and a phone standing on it. */
export const SITE = { latitude: 22.5431, longitude: 114.0579 }
export const onSite = (extra: Partial<{ latitude: number; longitude: number; accuracy: number }> = {}) => ({
  ...SITE,
  accuracy: 15,
  ...extra,
})

/** A token good for a day: the tests move the API's clock by hours. */
export const dayToken = (userId: string) => signToken(process.env.SESSION_SECRET!, userId, new Date(), 24 * 3600).token

/**
 * The API's clock, moved for a test (the handlers read `deps.now()`); `restore` puts the real one back. Tests that
 * move it must restore it after (the deps are shared by every file of the run).
 */
export const clock = {
  async set(at: Date | number) {
    const deps = await appDeps()
    const t = typeof at === 'number' ? at : at.getTime()
    deps.now = () => new Date(t)
  },
  async restore() {
    ;(await appDeps()).now = () => new Date()
  },
}

/** The code the organiser's phone would show at `at` for an activity (or one from a window `back` windows earlier). */
export const siteCodeAt = (activityId: string, at: number, back = 0) =>
  signSiteCode(siteCodeKey(process.env.CARD_SECRET!), activityId, windowAt(new Date(at)) - back)

export const fund = (communityId: string, amount = 100_000) =>
  topUp(
    { ledger: dynamoLedgerStore, now: () => new Date() },
    {
      communityId,
      amount,
      key: `topup:${ulid()}`,
      reason: '志愿服务积分预算',
      by: { userId: 'admin', displayName: '吴主任' },
      at: new Date().toISOString(),
    },
  )

/**
 * A community ready for volunteering: a unit paired with it, its committee member (the organiser), and `volunteers`
 * in-service members of the unit, each registered and approved; a points budget; and the crediting rule given.
 */
export const makeVolunteerWorld = async (
  options: { volunteers?: number; rule?: Record<string, number>; fund?: number } = {},
) => {
  const c = await makeCommunity()
  const organiser = await c.withRole('committee', 'community', c.communityId, '周书记')
  const org = { ...organiser, token: dayToken(organiser.userId) }
  const admin = { ...c.admin, token: dayToken(c.admin.userId) }
  const unit = expectOk(
    await call('POST', `/communities/${c.communityId}/volunteer-units`, {
      token: admin.token,
      body: {
        unitId: ulid(),
        name: '区税务局',
        kind: 'organ',
        contact: { name: '钱科长', phone: '13912345678' },
        partyMembers: 40,
      },
    }),
  )
  if (options.rule) {
    const current = expectOk(
      await call('GET', `/communities/${c.communityId}/volunteer-settings`, { token: admin.token }),
    )
    expectOk(
      await call('PUT', `/communities/${c.communityId}/volunteer-settings`, {
        token: admin.token,
        body: { ...current, ...options.rule },
      }),
    )
  }
  const register = async (name: string) => {
    const u = await makeUser(name)
    const token = dayToken(u.userId)
    expectOk(
      await call('PUT', '/me/volunteer-registration', {
        token,
        body: {
          communityId: c.communityId,
          kind: 'member',
          unitId: unit.unitId,
          skills: ['理发'],
          availability: ['weekend'],
        },
      }),
    )
    expectOk(
      await call('POST', `/volunteer-registrations/${u.userId}/decision`, {
        token: admin.token,
        body: { decision: 'approve' },
      }),
    )
    return { ...u, token }
  }
  const volunteers = []
  for (let i = 0; i < (options.volunteers ?? 3); i++) volunteers.push(await register(`志愿者${i + 1}`))
  if (options.fund !== 0) await fund(c.communityId, options.fund ?? 100_000)
  return { ...c, admin, organiser: org, unit, volunteers, register }
}

const MIN = 60_000
/** An activity of `minutes` starting `startsIn` minutes from `now` (the API's clock), published by the organiser. */
export const activityBody = (
  communityId: string,
  now: number,
  extra: Record<string, unknown> = {},
  startsIn = 60,
  minutes = 120,
) => ({
  activityId: ulid(),
  communityId,
  title: '楼道清理',
  description: '清理1号楼楼道杂物，张贴文明提示。',
  category: 'environment',
  place: { name: '阳光花园1号楼', ...SITE, radiusM: 100 },
  startAt: new Date(now + startsIn * MIN).toISOString(),
  endAt: new Date(now + (startsIn + minutes) * MIN).toISOString(),
  signUpDeadline: new Date(now + (startsIn - 10) * MIN).toISOString(),
  capacity: 20,
  pointsPerHour: 10,
  audience: 'members',
  ...extra,
})

export const publish = async (token: string, body: ReturnType<typeof activityBody>) =>
  expectOk(await call('POST', '/activities', { token, body }))
