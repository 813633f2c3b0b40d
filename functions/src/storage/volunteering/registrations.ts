import {
  Entity,
  executeTransactWrite,
  GetItemCommand,
  item,
  map,
  PutItemCommand,
  PutTransaction,
  string,
  TableAccessPattern as AccessPattern,
} from 'dynamodb-toolbox'
import { z } from 'zod'
import { availabilities } from '../../../../contracts/volunteering'
import type { RegistrationRecord } from '../../domain/volunteering/model'
import type { RegistrationStore } from '../../domain/volunteering/ports'
import { done, refused } from '../../domain/shared/outcome'
import { GridLinkTable as table } from '../table'
import { cancellationCodes, parseStored, withConflictRetry } from '../transactions'
import { counterWrites } from './stats'

/*
 * One registration per person (`VREG#<userId>` / `META`): indexed by community and status for the approval queue
 * (gsi1 `VREGS#<communityId>` / `<status>#<createdAt>#<userId>`, AP51) and by unit for its members (gsi2
 * `VREGU#<unitId>` / `<communityId>#<userId>`, AP52; members only).
 */
export const registrationKeys = {
  registration: (userId: string) => `VREG#${userId}`,
  meta: 'META',
  ofCommunity: (communityId: string) => `VREGS#${communityId}`,
  inCommunity: (status: string, createdAt: string, userId: string) => `${status}#${createdAt}#${userId}`,
  ofUnit: (unitId: string) => `VREGU#${unitId}`,
  inUnit: (communityId: string, userId: string) => `${communityId}#${userId}`,
}
const k = registrationKeys

const schema = item({
  userId: string().key(),
  communityId: string(),
  status: string(),
  createdAt: string(),
  unitId: string().optional(),
  json: string(),
})
export const RegistrationEntity = new Entity({
  name: 'VolunteerRegistration',
  table,
  schema: schema.and((_s) => ({
    gsi1pk: string().link<typeof _s>(({ communityId }) => k.ofCommunity(communityId)),
    gsi1sk: string().link<typeof _s>(({ status, createdAt, userId }) => k.inCommunity(status, createdAt, userId)),
    // An attribute left out of the index for a registration without a unit (a resident volunteer).
    gsi2pk: string()
      .optional()
      .link<typeof _s>(({ unitId }) => (unitId ? k.ofUnit(unitId) : undefined)),
    gsi2sk: string()
      .optional()
      .link<typeof _s>(({ unitId, communityId, userId }) => (unitId ? k.inUnit(communityId, userId) : undefined)),
  })),
  computeKey: ({ userId }) => ({ pk: k.registration(userId), sk: k.meta }),
})

const StoredRegistration = z.object({
  userId: z.string(),
  name: z.string(),
  phone: z.string().optional(),
  communityId: z.string(),
  communityName: z.string(),
  streetId: z.string(),
  kind: z.enum(['member', 'volunteer']),
  unitId: z.string().optional(),
  unitName: z.string().optional(),
  skills: z.array(z.string()),
  availability: z.array(z.enum(availabilities)),
  status: z.enum(['pending', 'approved', 'refused']),
  reason: z.string().optional(),
  createdAt: z.string(),
  decidedAt: z.string().optional(),
  decidedBy: z.string().optional(),
}) satisfies z.ZodType<RegistrationRecord, z.ZodTypeDef, unknown>

const toItem = (r: RegistrationRecord) => ({
  userId: r.userId,
  communityId: r.communityId,
  status: r.status,
  createdAt: r.createdAt,
  ...(r.unitId ? { unitId: r.unitId } : {}),
  json: JSON.stringify(r),
})
const fromItem = (i: { json: string; userId: string }) =>
  parseStored(StoredRegistration, i.json, `registration of ${i.userId}`)

/** AP51 — a community's registrations, by status, oldest first (the approval queue). */
export const communityRegistrations = table
  .build(AccessPattern)
  .entities(RegistrationEntity)
  .schema(map({ communityId: string(), status: string() }))
  .pattern(({ communityId, status }) => ({
    index: 'gsi1',
    partition: k.ofCommunity(communityId),
    ...(status ? { range: { beginsWith: `${status}#` } } : {}),
  }))
  .options({ maxPages: Infinity })
  .meta({ title: 'communityRegistrations' })

/** AP52 — a unit's registered members, by community (the unit's roll-up and feedback card). */
export const unitRegistrations = table
  .build(AccessPattern)
  .entities(RegistrationEntity)
  .schema(string())
  .pattern((unitId) => ({ index: 'gsi2', partition: k.ofUnit(unitId) }))
  .options({ maxPages: Infinity })
  .meta({ title: 'unitRegistrations' })

export const dynamoRegistrationStore: RegistrationStore = {
  async get(userId) {
    const { Item } = await RegistrationEntity.build(GetItemCommand).key({ userId }).options({ consistent: true }).send()
    return Item && fromItem(Item)
  },
  async put(r, counters = []) {
    if (counters.length === 0) {
      await RegistrationEntity.build(PutItemCommand).item(toItem(r)).send()
      return
    }
    await withConflictRetry(() =>
      executeTransactWrite(RegistrationEntity.build(PutTransaction).item(toItem(r)), ...counterWrites(counters)),
    )
  },
  async decide(next, counters) {
    try {
      await withConflictRetry(() =>
        executeTransactWrite(
          RegistrationEntity.build(PutTransaction)
            .item(toItem(next))
            .options({ condition: { attr: 'status', eq: 'pending' } }),
          ...counterWrites(counters),
        ),
      )
      return done()
    } catch (error) {
      if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') return refused('notPending')
      throw error
    }
  },
  async listForCommunity(communityId, status) {
    const { Items = [] } = await communityRegistrations.query({ communityId, status: status ?? '' }).send()
    return Items.map(fromItem)
  },
  async listForUnit(unitId) {
    const { Items = [] } = await unitRegistrations.query(unitId).send()
    return Items.map(fromItem)
  },
}
