import {
  DeleteTransaction,
  Entity,
  executeTransactWrite,
  GetItemCommand,
  item,
  PutTransaction,
  string,
  TableAccessPattern as AccessPattern,
} from 'dynamodb-toolbox'
import { z } from 'zod'
import type { OrganisationRecord, OrganisationStore } from '../../domain/structure/organisations'
import { GridLinkTable as table } from '../table'
import { parseStored } from '../transactions'
import { placeKeys } from './places'

/*
 * 责任方名录: an organisation is one item in its community's partition (`COMM#<communityId>` / `ORG#<id>`, AP90 lists
 * them), and each member has one item of their own (`ORGMEMBER#<userId>` / `ORG#<communityId>#<id>`, AP91), so the
 * organisations a user acts for are one Query on every request that needs them (首页's 待办, a matter's facts).
 */
export const organisationKeys = {
  community: placeKeys.community,
  organisation: (organisationId: string) => `ORG#${organisationId}`,
  organisationPrefix: 'ORG#',
  member: (userId: string) => `ORGMEMBER#${userId}`,
  membership: (communityId: string, organisationId: string) => `ORG#${communityId}#${organisationId}`,
}
const k = organisationKeys

export const OrganisationEntity = new Entity({
  name: 'Organisation',
  table,
  schema: item({ communityId: string().key(), organisationId: string().key(), json: string() }),
  computeKey: ({ communityId, organisationId }) => ({
    pk: k.community(communityId),
    sk: k.organisation(organisationId),
  }),
})

export const OrganisationMemberEntity = new Entity({
  name: 'OrganisationMember',
  table,
  schema: item({
    userId: string().key(),
    communityId: string().key(),
    organisationId: string().key(),
    kind: string(),
    name: string(),
  }),
  computeKey: ({ userId, communityId, organisationId }) => ({
    pk: k.member(userId),
    sk: k.membership(communityId, organisationId),
  }),
})

const StoredOrganisation = z.object({
  organisationId: z.string(),
  communityId: z.string(),
  kind: z.enum(['property', 'community', 'department']),
  name: z.string(),
  memberIds: z.array(z.string()),
  updatedAt: z.string(),
  updatedBy: z.string(),
}) satisfies z.ZodType<OrganisationRecord, z.ZodTypeDef, unknown>

/** AP90 — a community's organisations (the registry). */
export const communityOrganisations = table
  .build(AccessPattern)
  .entities(OrganisationEntity)
  .schema(string())
  .pattern((communityId) => ({ partition: k.community(communityId), range: { beginsWith: k.organisationPrefix } }))
  .options({ maxPages: Infinity })
  .meta({ title: 'communityOrganisations' })

/** AP91 — the organisations one user acts for. */
export const memberOrganisations = table
  .build(AccessPattern)
  .entities(OrganisationMemberEntity)
  .schema(string())
  .pattern((userId) => ({ partition: k.member(userId) }))
  .meta({ title: 'memberOrganisations' })

const kinds = StoredOrganisation.shape.kind

export const dynamoOrganisationStore: OrganisationStore = {
  async list(communityId) {
    const { Items = [] } = await communityOrganisations.query(communityId).send()
    return Items.map((i) => parseStored(StoredOrganisation, i.json, `organisation ${i.organisationId}`))
  },
  async get(communityId, organisationId) {
    const { Item } = await OrganisationEntity.build(GetItemCommand)
      .key({ communityId, organisationId })
      .options({ consistent: true })
      .send()
    return Item && parseStored(StoredOrganisation, Item.json, `organisation ${organisationId}`)
  },
  async ofMember(userId) {
    const { Items = [] } = await memberOrganisations.query(userId).send()
    return Items.map((i) => ({
      organisationId: i.organisationId,
      communityId: i.communityId,
      kind: kinds.parse(i.kind),
      name: i.name,
    }))
  },
  async put(o, previous) {
    const { communityId, organisationId } = o
    const removed = (previous?.memberIds ?? []).filter((id) => !o.memberIds.includes(id))
    await executeTransactWrite(
      OrganisationEntity.build(PutTransaction).item({ communityId, organisationId, json: JSON.stringify(o) }),
      ...o.memberIds.map((userId) =>
        OrganisationMemberEntity.build(PutTransaction).item({
          userId,
          communityId,
          organisationId,
          kind: o.kind,
          name: o.name,
        }),
      ),
      ...removed.map((userId) =>
        OrganisationMemberEntity.build(DeleteTransaction).key({ userId, communityId, organisationId }),
      ),
    )
  },
}
