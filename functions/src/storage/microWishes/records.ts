import {
  $add,
  Entity,
  GetItemCommand,
  item,
  number,
  PutTransaction,
  string,
  TableAccessPattern as AccessPattern,
  UpdateTransaction,
} from 'dynamodb-toolbox'
import { z } from 'zod'
import { statKeys, type ClaimLog, type MemberRecord, type StatKey, type StatRow } from '../../domain/microWishes/model'
import type { WishEffects } from '../../domain/microWishes/ports'
import { GridLinkTable as table } from '../table'
import { parseStored } from '../transactions'

/*
 * What wishes count beside themselves: each household's open wishes (the limit's counter), each member's record
 * (active claims, the claim limit's counter, and how their claims ended) with one entry per claim, and the
 * community's figures (one row for the community, one per grid, one per 报到单位), all kept by `ADD` in the
 * transactions of the wishes' own changes, so the figures are read with one Query and nothing is scanned.
 */
export const recordKeys = {
  household: (householdId: string) => `WISHHH#${householdId}`,
  openCount: 'OPEN',
  member: (userId: string) => `WISHMEMBER#${userId}`,
  meta: 'META',
  claim: (claimedAt: string, wishId: string) => `CLAIM#${claimedAt}#${wishId}`,
  claimPrefix: 'CLAIM#',
  stats: (communityId: string) => `WISHSTATS#${communityId}`,
  statRow: (kind: StatRow['kind'], id: string) => (kind === 'all' ? 'ALL' : `${kind.toUpperCase()}#${id}`),
}
const k = recordKeys

export const HouseholdWishesEntity = new Entity({
  name: 'HouseholdWishes',
  table,
  schema: item({ householdId: string().key(), open: number().optional() }),
  computeKey: ({ householdId }) => ({ pk: k.household(householdId), sk: k.openCount }),
})

const counters = {
  active: number().optional(),
  claimed: number().optional(),
  fulfilled: number().optional(),
  lapsed: number().optional(),
  released: number().optional(),
  pointsEarned: number().optional(),
}
export const WishMemberEntity = new Entity({
  name: 'WishMember',
  table,
  schema: item({ userId: string().key(), ...counters, unitId: string().optional(), unitName: string().optional() }),
  computeKey: ({ userId }) => ({ pk: k.member(userId), sk: k.meta }),
})

export const ClaimLogEntity = new Entity({
  name: 'WishClaimLog',
  table,
  schema: item({ userId: string().key(), claimedAt: string().key(), wishId: string().key(), json: string() }),
  computeKey: ({ userId, claimedAt, wishId }) => ({ pk: k.member(userId), sk: k.claim(claimedAt, wishId) }),
})

const statCounters = Object.fromEntries(statKeys.map((s) => [s, number().optional()])) as Record<
  StatKey,
  ReturnType<typeof number>
>
export const WishStatEntity = new Entity({
  name: 'WishStat',
  table,
  schema: item({
    communityId: string().key(),
    row: string().key(),
    kind: string(),
    id: string(),
    name: string(),
    ...statCounters,
  }),
  computeKey: ({ communityId, row }) => ({ pk: k.stats(communityId), sk: row }),
})

/** AP76 — a member's claims, newest first (我的认领). */
export const memberClaims = table
  .build(AccessPattern)
  .entities(ClaimLogEntity)
  .schema(string())
  .pattern((userId) => ({ partition: k.member(userId), range: { beginsWith: k.claimPrefix } }))
  .options({ maxPages: Infinity, reverse: true })
  .meta({ title: 'memberClaims' })

/** AP77 — a community's figures: its row, a row per grid, a row per unit. */
export const communityWishStats = table
  .build(AccessPattern)
  .entities(WishStatEntity)
  .schema(string())
  .pattern((communityId) => ({ partition: k.stats(communityId) }))
  .options({ maxPages: Infinity })
  .meta({ title: 'communityWishStats' })

const StoredClaim = z.object({
  userId: z.string(),
  wishId: z.string(),
  claimId: z.string(),
  title: z.string(),
  claimedAt: z.string(),
  deadline: z.string(),
  outcome: z.enum(['active', 'fulfilled', 'confirmed', 'lapsed', 'released', 'reopened']),
  points: z.number(),
}) satisfies z.ZodType<ClaimLog, z.ZodTypeDef, unknown>

const adds = <K extends string>(delta: Partial<Record<K, number>>) =>
  Object.fromEntries(
    Object.entries(delta).flatMap(([key, n]) => (typeof n === 'number' && n !== 0 ? [[key, $add(n)]] : [])),
  )

/** The household's open-wish counter; on +1 with a limit, the condition that it is below it. */
export const householdWrite = (householdId: string, h: NonNullable<WishEffects['household']>) =>
  HouseholdWishesEntity.build(UpdateTransaction)
    .item({ householdId, open: $add(h.delta) })
    .options(
      h.limit !== undefined
        ? {
            condition: {
              or: [
                { attr: 'open', exists: false },
                { attr: 'open', lt: h.limit },
              ],
            },
          }
        : {},
    )

/** The member's record; on a new claim, the condition that their active claims are below the limit. */
export const memberWrite = (m: NonNullable<WishEffects['member']>) =>
  WishMemberEntity.build(UpdateTransaction)
    .item({
      userId: m.userId,
      ...adds(m.delta),
      ...(m.unit ? { unitId: m.unit.unitId, unitName: m.unit.unitName } : {}),
    })
    .options(
      m.activeLimit !== undefined
        ? {
            condition: {
              or: [
                { attr: 'active', exists: false },
                { attr: 'active', lt: m.activeLimit },
              ],
            },
          }
        : {},
    )

export const claimLogWrite = (c: ClaimLog) =>
  ClaimLogEntity.build(PutTransaction).item({
    userId: c.userId,
    claimedAt: c.claimedAt,
    wishId: c.wishId,
    json: JSON.stringify(c),
  })

/** The figures' rows a change counts on: the community's, the grid's, and the unit's when a claim is concerned. */
export const statWrites = (
  communityId: string,
  grid: { id: string; name: string },
  s: NonNullable<WishEffects['stats']>,
) => {
  const rows: { kind: StatRow['kind']; id: string; name: string }[] = [
    { kind: 'all', id: communityId, name: '全社区' },
    { kind: 'grid', ...grid },
    ...(s.unit ? [{ kind: 'unit' as const, ...s.unit }] : []),
  ]
  return rows.map((r) =>
    WishStatEntity.build(UpdateTransaction).item({
      communityId,
      row: k.statRow(r.kind, r.id),
      kind: r.kind,
      id: r.id,
      name: r.name,
      ...adds(s.delta),
    }),
  )
}

export const readMember = async (userId: string): Promise<MemberRecord | undefined> => {
  const { Item } = await WishMemberEntity.build(GetItemCommand).key({ userId }).options({ consistent: true }).send()
  if (!Item) return undefined
  return {
    active: Item.active ?? 0,
    claimed: Item.claimed ?? 0,
    fulfilled: Item.fulfilled ?? 0,
    lapsed: Item.lapsed ?? 0,
    released: Item.released ?? 0,
    pointsEarned: Item.pointsEarned ?? 0,
    ...(Item.unitId ? { unitId: Item.unitId } : {}),
    ...(Item.unitName ? { unitName: Item.unitName } : {}),
  }
}

export const readClaims = async (userId: string): Promise<ClaimLog[]> => {
  const { Items = [] } = await memberClaims.query(userId).send()
  return Items.map((i) => parseStored(StoredClaim, i.json, `claim of ${i.wishId} by ${userId}`))
}

export const readStats = async (communityId: string): Promise<StatRow[]> => {
  const { Items = [] } = await communityWishStats.query(communityId).send()
  return Items.map((i) => ({
    kind: z.enum(['all', 'grid', 'unit']).parse(i.kind),
    id: i.id,
    name: i.name,
    counts: Object.fromEntries(statKeys.map((s) => [s, (i as Record<string, unknown>)[s] ?? 0])) as Record<
      StatKey,
      number
    >,
  }))
}
