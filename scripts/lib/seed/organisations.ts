import { GetItemCommand, PutItemCommand } from 'dynamodb-toolbox'
import { SeedMarkerEntity } from '../../../functions/src/storage/identity/demo'
import { call } from '../invoke'

/**
 * 幸福里社区's 责任方名录, through the endpoint the community admin uses: 阳光物业 (孙经理's account), the 居委会 (吴主任)
 * and a street department. The ids are fixed (one per community), so a repeat writes the same. Its own marker, so a
 * database seeded before the registry gets it too.
 */
export const ORGANISATIONS_SEED = 'demo-organisations'

export const demoOrganisationIds = (communityId: string) => ({
  property: `${communityId}-property`,
  committee: `${communityId}-committee`,
  street: `${communityId}-street`,
})

const ok = <T>(res: { status: number; body: T }, what: string): T => {
  if (res.status >= 300) throw new Error(`seed: ${what} failed with ${res.status}: ${JSON.stringify(res.body)}`)
  return res.body
}

export const seedOrganisations = async (summary: { communityId: string; users: Record<string, string> }) => {
  const { Item } = await SeedMarkerEntity.build(GetItemCommand)
    .key({ name: ORGANISATIONS_SEED })
    .options({ consistent: true })
    .send()
  if (Item) return
  const admin = ok(await call('POST', '/auth/demo-login', { body: { key: 'communityAdmin' } }), 'login communityAdmin')
    .token as string
  const ids = demoOrganisationIds(summary.communityId)
  const put = async (organisationId: string, body: { kind: string; name: string; memberIds: string[] }) =>
    ok(
      await call('PUT', `/communities/${summary.communityId}/organisations/${organisationId}`, { token: admin, body }),
      `organisation ${body.name}`,
    )
  await put(ids.property, { kind: 'property', name: '阳光物业', memberIds: [summary.users.propertyManager!] })
  await put(ids.committee, { kind: 'community', name: '幸福里社区居委会', memberIds: [summary.users.communityAdmin!] })
  await put(ids.street, { kind: 'department', name: '沙河街道城市管理办公室', memberIds: [] })
  await SeedMarkerEntity.build(PutItemCommand)
    .item({ name: ORGANISATIONS_SEED, at: new Date().toISOString(), summaryJson: '{}' })
    .send()
}
