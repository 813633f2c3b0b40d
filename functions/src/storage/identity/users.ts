import { boolean, Entity, item, map, string, TableAccessPattern as AccessPattern } from 'dynamodb-toolbox'
import type { FormattedItem } from 'dynamodb-toolbox'
import { placeKeys } from '../structure/places'
import { GridLinkTable as table } from '../table'

/*
 * A user and everything a request needs about them, in the user's own partition: the profile, role grants,
 * household memberships and binding requests (AP1, one Query). Grants are also indexed by place (AP4) and
 * by the building they lie in (AP5); memberships by household (AP7); binding requests by building and status (AP6).
 */

/** Every key of the users, written once. */
export const userKeys = {
  meta: 'META',
  user: (userId: string) => `USER#${userId}`,
  openid: (openid: string) => `OPENID#${openid}`,
  grant: (role: string, placeType: string, placeId: string) => `ROLE#${role}#${placeType}#${placeId}`,
  grantsAtPlace: (placeType: string, placeId: string) => `PLACE#${placeType}#${placeId}`,
  grantAtPlace: (role: string, userId: string) => `ROLE#${role}#${userId}`,
  grantsInBuilding: (buildingId: string) => `INBLDG#${buildingId}`,
  grantInBuilding: (role: string, placeId: string, userId: string) => `ROLE#${role}#${placeId}#${userId}`,
  membership: (householdId: string) => `MEMBER#${householdId}`,
  member: (userId: string) => `MEMBER#${userId}`,
  bindingRequest: (householdId: string) => `BINDREQ#${householdId}`,
  bindingQueue: (buildingId: string) => `BINDQ#${buildingId}`,
  bindingQueueEntry: (status: string, createdAt: string, userId: string) => `${status}#${createdAt}#${userId}`,
}
const k = userKeys

export const UserEntity = new Entity({
  name: 'User',
  table,
  schema: item({
    userId: string().key(),
    displayName: string(),
    phone: string().optional(),
    photoUrl: string().optional(),
    avatarKey: string().optional(),
    nicknameSet: boolean().optional(),
    openid: string().optional(),
  }),
  computeKey: ({ userId }) => ({ pk: k.user(userId), sk: k.meta }),
})

/** openid → user, unique: two logins racing for a new openid create one user. */
export const OpenIdEntity = new Entity({
  name: 'OpenId',
  table,
  schema: item({ openid: string().key(), userId: string() }),
  computeKey: ({ openid }) => ({ pk: k.openid(openid), sk: k.meta }),
})

const roleGrantSchema = item({
  userId: string().key(),
  role: string().key(),
  placeType: string().key(),
  placeId: string().key(),
  placeName: string(),
  /** `street:S/community:C/compound:P/building:B`: a grant covers every place whose path starts with its own. */
  placePath: string(),
  /** The building a building- or household-level grant lies in: a grid's card reads its people building by building. */
  buildingId: string().optional(),
})
export const RoleGrantEntity = new Entity({
  name: 'RoleGrant',
  table,
  schema: roleGrantSchema.and((_s) => ({
    gsi1pk: string().link<typeof _s>(({ placeType, placeId }) => k.grantsAtPlace(placeType, placeId)),
    gsi1sk: string().link<typeof _s>(({ role, userId }) => k.grantAtPlace(role, userId)),
    gsi2pk: string()
      .optional()
      .link<typeof _s>(({ buildingId }) => (buildingId ? k.grantsInBuilding(buildingId) : undefined)),
    gsi2sk: string()
      .optional()
      .link<typeof _s>(({ buildingId, role, userId, placeId }) =>
        buildingId ? k.grantInBuilding(role, placeId, userId) : undefined,
      ),
  })),
  computeKey: ({ userId, role, placeType, placeId }) => ({ pk: k.user(userId), sk: k.grant(role, placeType, placeId) }),
})

const membershipSchema = item({
  userId: string().key(),
  householdId: string().key(),
  buildingId: string(),
  buildingName: string(),
  unit: string(),
  room: string(),
})
export const MembershipEntity = new Entity({
  name: 'Membership',
  table,
  schema: membershipSchema.and((_s) => ({
    gsi1pk: string().link<typeof _s>(({ householdId }) => placeKeys.household(householdId)),
    gsi1sk: string().link<typeof _s>(({ userId }) => k.member(userId)),
  })),
  computeKey: ({ userId, householdId }) => ({ pk: k.user(userId), sk: k.membership(householdId) }),
})

const bindingSchema = item({
  userId: string().key(),
  householdId: string().key(),
  userName: string(),
  buildingId: string(),
  buildingName: string(),
  unit: string(),
  room: string(),
  note: string().optional(),
  status: string().enum('pending', 'approved', 'refused'),
  createdAt: string(),
  decidedAt: string().optional(),
  decidedBy: string().optional(),
  reason: string().optional(),
})
/** One request per resident and household, kept in the resident's partition; re-asking after a refusal reuses it. */
export const BindingRequestEntity = new Entity({
  name: 'BindingRequest',
  table,
  schema: bindingSchema.and((_s) => ({
    gsi1pk: string().link<typeof _s>(({ buildingId }) => k.bindingQueue(buildingId)),
    gsi1sk: string().link<typeof _s>(({ status, createdAt, userId }) => k.bindingQueueEntry(status, createdAt, userId)),
  })),
  computeKey: ({ userId, householdId }) => ({ pk: k.user(userId), sk: k.bindingRequest(householdId) }),
})

export type RoleGrantItem = FormattedItem<typeof RoleGrantEntity>
export type BindingRequestItem = FormattedItem<typeof BindingRequestEntity>

/** AP1 — a user's profile, roles, households and binding requests: one partition, one Query (every request with a token). */
export const userPartition = table
  .build(AccessPattern)
  .entities(UserEntity, RoleGrantEntity, MembershipEntity, BindingRequestEntity)
  .schema(string())
  .pattern((userId) => ({ partition: k.user(userId) }))
  .options({ showEntityAttr: true, maxPages: Infinity })
  .meta({ title: 'userPartition' })

/** AP4 — who holds which role at one place (the grid worker of a grid, the admins of a community). */
export const grantsAtPlace = table
  .build(AccessPattern)
  .entities(RoleGrantEntity)
  .schema(map({ placeType: string(), placeId: string() }))
  .pattern(({ placeType, placeId }) => ({ index: 'gsi1', partition: k.grantsAtPlace(placeType, placeId) }))
  .options({ maxPages: Infinity })
  .meta({ title: 'grantsAtPlace' })

/** AP5 — building heads and party households of one building (the grid card, one Query per building). */
export const grantsInBuilding = table
  .build(AccessPattern)
  .entities(RoleGrantEntity)
  .schema(string())
  .pattern((buildingId) => ({ index: 'gsi2', partition: k.grantsInBuilding(buildingId) }))
  .options({ maxPages: Infinity })
  .meta({ title: 'grantsInBuilding' })

/** AP6 — binding requests of a building by status, oldest first (the building head's queue). */
export const bindingQueue = table
  .build(AccessPattern)
  .entities(BindingRequestEntity)
  .schema(map({ buildingId: string(), status: string() }))
  .pattern(({ buildingId, status }) => ({
    index: 'gsi1',
    partition: k.bindingQueue(buildingId),
    range: { beginsWith: `${status}#` },
  }))
  .options({ maxPages: Infinity })
  .meta({ title: 'bindingQueue' })
