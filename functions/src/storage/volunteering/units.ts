import {
  Entity,
  executeTransactWrite,
  GetItemCommand,
  item,
  PutTransaction,
  string,
  TableAccessPattern as AccessPattern,
} from 'dynamodb-toolbox'
import { z } from 'zod'
import { unitKinds } from '../../../../contracts/volunteering'
import type { UnitRecord } from '../../domain/volunteering/model'
import type { UnitStore } from '../../domain/volunteering/ports'
import { done, refused } from '../../domain/shared/outcome'
import { batchGet } from '../batch'
import { GridLinkTable as table } from '../table'
import { cancellationCodes, parseStored } from '../transactions'

/*
 * A 报到单位 is one item (`VUNIT#<unitId>` / `META`) and one pairing item per community it reports to
 * (`VUNIT#<unitId>` / `PAIR#<communityId>`), indexed by community (gsi1 `VUNITS#<communityId>`, AP50) and carrying
 * a copy of the unit, so a community's units are one Query. A unit changes rarely: a change rewrites its copies.
 */
export const unitKeys = {
  unit: (unitId: string) => `VUNIT#${unitId}`,
  meta: 'META',
  pair: (communityId: string) => `PAIR#${communityId}`,
  ofCommunity: (communityId: string) => `VUNITS#${communityId}`,
}
const k = unitKeys

export const UnitEntity = new Entity({
  name: 'VolunteerUnit',
  table,
  schema: item({ unitId: string().key(), json: string() }),
  computeKey: ({ unitId }) => ({ pk: k.unit(unitId), sk: k.meta }),
})

const pairSchema = item({ unitId: string().key(), communityId: string().key(), name: string(), json: string() })
export const UnitPairEntity = new Entity({
  name: 'VolunteerUnitPair',
  table,
  schema: pairSchema.and((_s) => ({
    gsi1pk: string().link<typeof _s>(({ communityId }) => k.ofCommunity(communityId)),
    gsi1sk: string().link<typeof _s>(({ name, unitId }) => `${name}#${unitId}`),
  })),
  computeKey: ({ unitId, communityId }) => ({ pk: k.unit(unitId), sk: k.pair(communityId) }),
})

const StoredUnit = z.object({
  unitId: z.string(),
  name: z.string(),
  kind: z.enum(unitKinds),
  contact: z.object({ name: z.string(), phone: z.string() }),
  partyMembers: z.number().optional(),
  liaisonUserId: z.string().optional(),
  communityIds: z.array(z.string()),
  createdAt: z.string(),
  createdBy: z.string(),
}) satisfies z.ZodType<UnitRecord, z.ZodTypeDef, unknown>

/** AP50 — the units paired with a community, by name. */
export const communityUnits = table
  .build(AccessPattern)
  .entities(UnitPairEntity)
  .schema(string())
  .pattern((communityId) => ({ index: 'gsi1', partition: k.ofCommunity(communityId) }))
  .options({ maxPages: Infinity })
  .meta({ title: 'communityUnits' })

const unitWrite = (u: UnitRecord) =>
  UnitEntity.build(PutTransaction).item({ unitId: u.unitId, json: JSON.stringify(u) })
const pairWrites = (u: UnitRecord) =>
  u.communityIds.map((communityId) =>
    UnitPairEntity.build(PutTransaction).item({ unitId: u.unitId, communityId, name: u.name, json: JSON.stringify(u) }),
  )

export const dynamoUnitStore: UnitStore = {
  async get(unitId) {
    const { Item } = await UnitEntity.build(GetItemCommand).key({ unitId }).options({ consistent: true }).send()
    return Item && parseStored(StoredUnit, Item.json, `unit ${unitId}`)
  },
  async getMany(unitIds) {
    const items = await batchGet(
      UnitEntity,
      unitIds.map((unitId) => ({ unitId })),
    )
    return items.flatMap((i) => (i ? [parseStored(StoredUnit, i.json, `unit ${i.unitId}`)] : []))
  },
  async create(u) {
    try {
      await executeTransactWrite(
        unitWrite(u).options({ condition: { attr: 'unitId', exists: false } }),
        ...pairWrites(u),
      )
      return done()
    } catch (error) {
      if (cancellationCodes(error)?.[0] === 'ConditionalCheckFailed') return refused('exists')
      throw error
    }
  },
  async update(u) {
    await executeTransactWrite(unitWrite(u), ...pairWrites(u))
  },
  async listForCommunity(communityId) {
    const { Items = [] } = await communityUnits.query(communityId).send()
    return Items.map((i) => parseStored(StoredUnit, i.json, `unit ${i.unitId}`))
  },
}
