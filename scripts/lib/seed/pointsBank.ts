import { GetItemCommand, PutItemCommand } from 'dynamodb-toolbox'
import { ulid } from 'ulid'
import { SeedMarkerEntity } from '../../../functions/src/storage/identity/demo'
import { call } from '../invoke'

/**
 * The points bank of 幸福里社区, through the same endpoints staff use: earning rules, a budget, four items in the
 * shop (two given by 共建单位), and 60 points for 刘芳 (the representative), awarded by rule by 李红梅 and 吴主任,
 * so a demo redemption works at once. Its own marker, so a database seeded before the points bank gets it too.
 */
export const POINTS_BANK_SEED = 'demo-points-bank'

const ok = <T>(res: { status: number; body: T }, what: string): T => {
  if (res.status >= 300) throw new Error(`seed: ${what} failed with ${res.status}: ${JSON.stringify(res.body)}`)
  return res.body
}

export const demoRules = [
  {
    ruleId: 'deliberate',
    name: '参加议事',
    amount: 2,
    cap: { period: 'day', times: 1 },
    awardRoles: ['committee', 'gridWorker', 'communityAdmin'],
    active: true,
  },
  {
    ruleId: 'clean-stairs',
    name: '楼道清理',
    amount: 5,
    cap: { period: 'month', times: 4 },
    awardRoles: ['gridWorker', 'buildingHead', 'communityAdmin'],
    active: true,
  },
  {
    ruleId: 'sorting',
    name: '垃圾分类督导',
    amount: 3,
    cap: { period: 'day', times: 1 },
    awardRoles: ['gridWorker', 'communityAdmin'],
    active: true,
  },
  {
    ruleId: 'volunteer',
    name: '志愿服务（半天）',
    amount: 10,
    awardRoles: ['committee', 'communityAdmin'],
    active: true,
  },
]

export const seedPointsBank = async (summary: { communityId: string; users: Record<string, string> }) => {
  const { Item } = await SeedMarkerEntity.build(GetItemCommand)
    .key({ name: POINTS_BANK_SEED })
    .options({ consistent: true })
    .send()
  if (Item) return
  const login = async (key: string) =>
    ok(await call('POST', '/auth/demo-login', { body: { key } }), `login ${key}`).token as string
  const [admin, worker] = [await login('communityAdmin'), await login('gridWorker')]
  const c = summary.communityId
  ok(
    await call('PUT', `/communities/${c}/points-settings`, {
      token: admin,
      body: { expiry: 'none', rules: demoRules },
    }),
    'points settings',
  )
  ok(
    await call('POST', `/communities/${c}/points/top-ups`, {
      token: admin,
      body: { topUpId: ulid(), amount: 5000, reason: '年度积分预算（社区党建经费）' },
    }),
    'budget',
  )
  const items = [
    {
      name: '洗衣液（2千克）',
      kind: 'goods',
      price: 30,
      stock: 20,
      limit: { count: 2, period: 'month' },
      donor: '幸福里便民超市',
      description: '共建单位捐赠，每户每月限兑2瓶。',
    },
    {
      name: '东北大米（5斤）',
      kind: 'goods',
      price: 50,
      stock: 15,
      limit: { count: 1, period: 'month' },
      description: '每人每月限兑1袋。',
    },
    {
      name: '上门理发（老年人）',
      kind: 'service',
      price: 20,
      stock: 10,
      donor: '阳光物业',
      description: '行动不便的老人可预约上门，兑换后由服务站联系您约时间。',
    },
    {
      name: '小家电维修',
      kind: 'service',
      price: 40,
      stock: 5,
      description: '电饭煲、电风扇等小家电，送到服务站检修。',
    },
  ]
  for (const item of items)
    ok(
      await call('POST', `/communities/${c}/shop-items`, {
        token: admin,
        body: { itemId: ulid(), pickupPlace: '幸福里社区党群服务站（1号楼旁）', pickupDays: 7, lowStockAt: 3, ...item },
      }),
      `item ${item.name}`,
    )
  const award = async (token: string, ruleId: string) =>
    ok(
      await call('POST', `/communities/${c}/points/awards`, {
        token,
        body: { awardId: ulid(), ruleId, userId: summary.users.representative },
      }),
      `award ${ruleId}`,
    )
  await award(worker, 'clean-stairs')
  await award(worker, 'clean-stairs')
  for (let i = 0; i < 5; i++) await award(admin, 'volunteer')
  await SeedMarkerEntity.build(PutItemCommand)
    .item({ name: POINTS_BANK_SEED, at: new Date().toISOString(), summaryJson: '{}' })
    .send()
}
