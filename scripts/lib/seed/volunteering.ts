import { GetItemCommand, PutItemCommand } from 'dynamodb-toolbox'
import { ulid } from 'ulid'
import { topUp } from '../../../functions/src/domain/ledger/transfer'
import { SeedMarkerEntity } from '../../../functions/src/storage/identity/demo'
import { dynamoLedgerStore } from '../../../functions/src/storage/ledger/ledger'
import { call } from '../invoke'

/**
 * Demo volunteering for 幸福里社区, through the endpoints staff and members use: two 报到单位 (区税务局, a bank's
 * branch), 赵磊 registered as an in-service member of 区税务局 and approved (双报到), 刘芳 as a resident volunteer, an
 * activity today (starting in half an hour) and one in three days, both by 周书记. Nobody is signed up: the browser
 * tests sign 赵磊 up themselves. Its own marker, so a database seeded before volunteering existed gets it too.
 */
export const VOLUNTEERING_SEED = 'demo-volunteering'

const ok = <T>(res: { status: number; body: T }, what: string): T => {
  if (res.status >= 300) throw new Error(`seed: ${what} failed with ${res.status}: ${JSON.stringify(res.body)}`)
  return res.body
}

/** 幸福里社区's square, where the demo activities are (gcj02). */
export const DEMO_SITE = { latitude: 22.5431, longitude: 114.0579 }

export const seedVolunteering = async (s: { communityId: string }) => {
  const { Item } = await SeedMarkerEntity.build(GetItemCommand)
    .key({ name: VOLUNTEERING_SEED })
    .options({ consistent: true })
    .send()
  if (Item) return false
  const login = async (key: string) =>
    ok(await call('POST', '/auth/demo-login', { body: { key } }), `login ${key}`).token as string
  const [admin, committee, member, resident] = [
    await login('communityAdmin'),
    await login('committee'),
    await login('inServiceMember'),
    await login('representative'),
  ]
  const unit = async (name: string, kind: string, contact: string, phone: string, partyMembers: number) =>
    ok(
      await call('POST', `/communities/${s.communityId}/volunteer-units`, {
        token: admin,
        body: { unitId: ulid(), name, kind, contact: { name: contact, phone }, partyMembers },
      }),
      `unit ${name}`,
    )
  const tax = await unit('区税务局', 'organ', '钱科长', '13900000011', 36)
  await unit('建设银行沙河支行', 'enterprise', '孙主任', '13900000012', 18)
  ok(
    await call('PUT', `/communities/${s.communityId}/volunteer-settings`, {
      token: admin,
      body: { unitMinutes: 30, attendanceShare: 0.6, dailyCapHours: 8, expectedMembers: 20 },
    }),
    'rule',
  )

  const register = async (token: string, body: Record<string, unknown>) =>
    ok(
      await call('PUT', '/me/volunteer-registration', { token, body: { communityId: s.communityId, ...body } }),
      'registration',
    )
  const zhao = (
    await register(member, {
      kind: 'member',
      unitId: tax.unitId,
      skills: ['政策讲解', '电脑维修'],
      availability: ['weekend', 'weekdayEvening'],
    })
  ).registration
  const liu = (await register(resident, { kind: 'volunteer', skills: ['陪伴老人'], availability: ['weekdayDay'] }))
    .registration
  for (const r of [zhao, liu])
    ok(
      await call('POST', `/volunteer-registrations/${r.userId}/decision`, {
        token: admin,
        body: { decision: 'approve' },
      }),
      'approval',
    )

  // The points the volunteers earn come from the community's budget.
  await topUp(
    { ledger: dynamoLedgerStore, now: () => new Date() },
    {
      communityId: s.communityId,
      amount: 3000,
      key: 'seed:volunteering-budget',
      reason: '志愿服务积分预算（演示）',
      by: { userId: 'seed', displayName: '吴主任' },
      at: new Date().toISOString(),
    },
  )

  const MIN = 60_000
  const now = Date.now()
  const activity = (
    title: string,
    description: string,
    category: string,
    place: string,
    startsIn: number,
    minutes: number,
    extra: Record<string, unknown> = {},
  ) => ({
    activityId: ulid(),
    communityId: s.communityId,
    title,
    description,
    category,
    place: { name: place, ...DEMO_SITE, radiusM: 200 },
    startAt: new Date(now + startsIn * MIN).toISOString(),
    endAt: new Date(now + (startsIn + minutes) * MIN).toISOString(),
    signUpDeadline: new Date(now + Math.max(5, startsIn - 10) * MIN).toISOString(),
    capacity: 10,
    pointsPerHour: 10,
    audience: 'all',
    ...extra,
  })
  const publish = async (body: ReturnType<typeof activity>) =>
    ok(await call('POST', '/activities', { token: committee, body }), `activity ${body.title}`)
  await publish(
    activity(
      '关爱独居老人上门探访',
      '两人一组探访阳光花园的独居老人，帮忙检查水电燃气、陪老人聊聊天。',
      'elderly',
      '幸福里社区党群服务中心',
      30,
      120,
    ),
  )
  await publish(
    activity(
      '周末楼道清理',
      '清理1至4号楼楼道杂物和小广告，张贴文明养犬提示。请穿便于活动的衣服，工具由社区提供。',
      'environment',
      '阳光花园1号楼门口',
      3 * 24 * 60,
      150,
      {
        audience: 'members',
        unitId: tax.unitId,
        capacity: 20,
      },
    ),
  )
  await SeedMarkerEntity.build(PutItemCommand)
    .item({
      name: VOLUNTEERING_SEED,
      at: new Date().toISOString(),
      summaryJson: JSON.stringify({ unitId: tax.unitId }),
    })
    .send()
  return true
}
