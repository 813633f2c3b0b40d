import { ulid } from 'ulid'
import { signSiteCode, siteCodeKey, windowAt } from '../../functions/src/domain/volunteering/siteCode'
import type { AppDeps } from '../../functions/src/http/deps'
import type { call as Call } from '../../scripts/lib/invoke'

type Scenario = {
  name: string
  prepare?: (i: number) => Promise<any>
  run: (i: number, prepared: any) => Promise<{ status: number }>
}

const MIN = 60_000
const SITE = { latitude: 22.5431, longitude: 114.0579 }

/**
 * Volunteering for `npm run bench`: a sign-up, an on-site check-in (code and location checked), and a confirmation
 * that writes the record with its roll-up counters and pays the points through the ledger. 赵磊 (the demo's
 * registered member) takes part in a fresh activity each time; the confirmation moves the API's clock past the end.
 */
export const volunteeringScenarios = async (ctx: {
  call: typeof Call
  token: (key: string) => Promise<string>
  summary: { communityId: string }
  deps: AppDeps
}): Promise<Scenario[]> => {
  const { call, summary, deps } = ctx
  const [committee, member, admin] = [
    await ctx.token('committee'),
    await ctx.token('inServiceMember'),
    await ctx.token('communityAdmin'),
  ]
  /** A new resident volunteer, registered and approved (so the daily cap never trims the figures). */
  const volunteer = async () => {
    const session = (await call('POST', '/auth/login', { body: { code: `bench-volunteer-${ulid()}` } })).body
    await call('PUT', '/me/volunteer-registration', {
      token: session.token,
      body: { communityId: summary.communityId, kind: 'volunteer', skills: [], availability: [] },
    })
    await call('POST', `/volunteer-registrations/${session.userId}/decision`, {
      token: admin,
      body: { decision: 'approve' },
    })
    return session as { token: string; userId: string }
  }
  const publish = async (startsIn = 60) => {
    const now = deps.now().getTime()
    const res = await call('POST', '/activities', {
      token: committee,
      body: {
        activityId: ulid(),
        communityId: summary.communityId,
        title: '压测活动',
        description: '楼道清理',
        category: 'environment',
        place: { name: '南门', ...SITE, radiusM: 200 },
        startAt: new Date(now + startsIn * MIN).toISOString(),
        endAt: new Date(now + (startsIn + 120) * MIN).toISOString(),
        signUpDeadline: new Date(now + (startsIn - 5) * MIN).toISOString(),
        capacity: 20,
        pointsPerHour: 5,
        audience: 'all',
      },
    })
    return res.body.activityId as string
  }
  const signedUp = async () => {
    const id = await publish()
    await call('POST', `/activities/${id}/sign-up`, { token: member })
    return id
  }
  const key = siteCodeKey(process.env.CARD_SECRET!)
  const real = deps.now
  return [
    { name: 'POST /activities (publish)', run: async () => ({ status: (await publish()) ? 201 : 500 }) },
    {
      name: 'POST /activities/{id}/sign-up',
      prepare: () => publish(),
      run: (_i, id) => call('POST', `/activities/${id}/sign-up`, { token: member }),
    },
    {
      name: 'GET /activities/{id}',
      prepare: () => signedUp(),
      run: (_i, id) => call('GET', `/activities/${id}`, { token: member }),
    },
    {
      name: 'POST /activities/{id}/check-in',
      prepare: () => signedUp(),
      run: (_i, id) =>
        call('POST', `/activities/${id}/check-in`, {
          token: member,
          body: { code: signSiteCode(key, id, windowAt(new Date())), location: { ...SITE, accuracy: 20 } },
        }),
    },
    {
      name: 'POST /activities/{id}/confirm (1 volunteer)',
      prepare: async () => {
        const v = await volunteer()
        const id = await publish()
        await call('POST', `/activities/${id}/sign-up`, { token: v.token })
        const a = (await call('GET', `/activities/${id}`, { token: v.token })).body
        deps.now = () => new Date(Date.parse(a.startAt))
        await call('POST', `/activities/${id}/attendance/${v.userId}/proxy`, {
          token: committee,
          body: { action: 'checkIn' },
        })
        deps.now = () => new Date(Date.parse(a.endAt) + 5 * MIN)
        return id
      },
      run: async (_i, id) => {
        const res = await call('POST', `/activities/${id}/confirm`, { token: committee, body: {} })
        deps.now = real
        return res
      },
    },
    { name: 'GET /me/service-records', run: () => call('GET', '/me/service-records', { token: member }) },
  ]
}
