import { TableAccessPattern as AccessPattern, string, map } from 'dynamodb-toolbox'
import { GridLinkTable } from './table'
import {
  BallotEntity,
  BindingRequestEntity,
  DueEntity,
  MatterEntity,
  MatterLogEntity,
  RatingEntity,
  BuildingEntity,
  CompoundEntity,
  DemoIdentityEntity,
  GridEntity,
  HouseholdAddressEntity,
  MembershipEntity,
  RoleGrantEntity,
  SubscriptionEntity,
  UserEntity,
} from './entities'

/*
 * Every Query the product makes, by name. docs/access-patterns.md is the reader's copy of this file:
 * change both together. There is no Scan on any user's path.
 */

/** AP1 — a user's profile, roles, households and binding requests: one partition, one Query (every request with a token). */
export const userPartition = GridLinkTable.build(AccessPattern)
  .entities(UserEntity, RoleGrantEntity, MembershipEntity, BindingRequestEntity)
  .schema(string())
  .pattern((userId) => ({ partition: `USER#${userId}` }))
  .options({ showEntityAttr: true, maxPages: Infinity })
  .meta({ title: 'userPartition' })

/** AP2 — a community's compounds, buildings and grids (staff structure view, grid validation). */
export const communityStructure = GridLinkTable.build(AccessPattern)
  .entities(CompoundEntity, BuildingEntity, GridEntity)
  .schema(string())
  .pattern((communityId) => ({ index: 'gsi1', partition: `COMM#${communityId}` }))
  .options({ showEntityAttr: true, maxPages: Infinity })
  .meta({ title: 'communityStructure' })

/** AP3 — the buildings of a grid. */
export const gridBuildings = GridLinkTable.build(AccessPattern)
  .entities(BuildingEntity)
  .schema(string())
  .pattern((gridId) => ({ index: 'gsi2', partition: `GRID#${gridId}` }))
  .options({ maxPages: Infinity })
  .meta({ title: 'gridBuildings' })

/** AP4 — who holds which role at one place (the grid worker of a grid, the admins of a community). */
export const grantsAtPlace = GridLinkTable.build(AccessPattern)
  .entities(RoleGrantEntity)
  .schema(map({ placeType: string(), placeId: string() }))
  .pattern(({ placeType, placeId }) => ({ index: 'gsi1', partition: `PLACE#${placeType}#${placeId}` }))
  .options({ maxPages: Infinity })
  .meta({ title: 'grantsAtPlace' })

/** AP5 — building heads and party households of one building (the grid card, one Query per building). */
export const grantsInBuilding = GridLinkTable.build(AccessPattern)
  .entities(RoleGrantEntity)
  .schema(string())
  .pattern((buildingId) => ({ index: 'gsi2', partition: `INBLDG#${buildingId}` }))
  .options({ maxPages: Infinity })
  .meta({ title: 'grantsInBuilding' })

/** AP6 — binding requests of a building by status, oldest first (the building head's queue). */
export const bindingQueue = GridLinkTable.build(AccessPattern)
  .entities(BindingRequestEntity)
  .schema(map({ buildingId: string(), status: string() }))
  .pattern(({ buildingId, status }) => ({
    index: 'gsi1',
    partition: `BINDQ#${buildingId}`,
    range: { beginsWith: `${status}#` },
  }))
  .options({ maxPages: Infinity })
  .meta({ title: 'bindingQueue' })

/** AP7 — the members of a household. */
export const householdMembers = GridLinkTable.build(AccessPattern)
  .entities(MembershipEntity)
  .schema(string())
  .pattern((householdId) => ({ index: 'gsi1', partition: `HH#${householdId}` }))
  .options({ maxPages: Infinity })
  .meta({ title: 'householdMembers' })

/** AP8 — the registered households of a building, by unit and room. */
export const buildingHouseholds = GridLinkTable.build(AccessPattern)
  .entities(HouseholdAddressEntity)
  .schema(string())
  .pattern((buildingId) => ({ partition: `BLDG#${buildingId}`, range: { beginsWith: 'HH#' } }))
  .options({ maxPages: Infinity })
  .meta({ title: 'buildingHouseholds' })

/** AP9 — the demo identities (local stage only). */
export const demoIdentities = GridLinkTable.build(AccessPattern)
  .entities(DemoIdentityEntity)
  .schema(string())
  .pattern(() => ({ partition: 'DEMO' }))
  .options({ maxPages: Infinity })
  .meta({ title: 'demoIdentities' })

/** AP10 — a matter's timeline, comments or queued notifications, in time order. */
export const matterLog = GridLinkTable.build(AccessPattern)
  .entities(MatterLogEntity)
  .schema(map({ matterId: string(), kind: string() }))
  .pattern(({ matterId, kind }) => ({ partition: `MATTER#${matterId}`, range: { beginsWith: `${kind}#` } }))
  .options({ maxPages: Infinity })
  .meta({ title: 'matterLog' })

/** AP11 — a community's matters, optionally of one step (the deliberation tab; the committee's review queue is step `review`). */
export const communityMatters = GridLinkTable.build(AccessPattern)
  .entities(MatterEntity)
  .schema(map({ communityId: string(), step: string() }))
  .pattern(({ communityId, step }) => ({ index: 'gsi1', partition: `MATTERS#${communityId}`, ...(step ? { range: { beginsWith: `${step}#` } } : {}) }))
  .options({ maxPages: Infinity })
  .meta({ title: 'communityMatters' })

/** AP12 — a resident's own proposals, newest first. */
export const proposerMatters = GridLinkTable.build(AccessPattern)
  .entities(MatterEntity)
  .schema(string())
  .pattern((userId) => ({ index: 'gsi2', partition: `PROPOSER#${userId}` }))
  .options({ maxPages: Infinity, reverse: true })
  .meta({ title: 'proposerMatters' })

/** AP13 — one shard of a poll's ballots (the tally reads all shards, strongly consistent). */
export const ballotShard = GridLinkTable.build(AccessPattern)
  .entities(BallotEntity)
  .schema(map({ pollId: string(), shard: string() }))
  .pattern(({ pollId, shard }) => ({ partition: `BALLOT#${pollId}#${shard}` }))
  .options({ maxPages: Infinity, consistent: true })
  .meta({ title: 'ballotShard' })

/** AP14 — one shard of a resolution round's ratings. */
export const ratingShard = GridLinkTable.build(AccessPattern)
  .entities(RatingEntity)
  .schema(map({ matterId: string(), round: string(), shard: string() }))
  .pattern(({ matterId, round, shard }) => ({ partition: `RATE#${matterId}#${round}#${shard}` }))
  .options({ maxPages: Infinity, consistent: true })
  .meta({ title: 'ratingShard' })

/** AP15 — scheduled work due by a time (the scheduler, once a minute). */
export const dueWork = GridLinkTable.build(AccessPattern)
  .entities(DueEntity)
  .schema(map({ kind: string(), until: string() }))
  .pattern(({ kind, until }) => ({ partition: `DUE#${kind}`, range: { lte: `${until}#~` } }))
  .options({ maxPages: Infinity, consistent: true })
  .meta({ title: 'dueWork' })

/** AP16 — who in a community agreed to messages of a topic (the notification sender matches each audience against them). */
export const topicSubscribers = GridLinkTable.build(AccessPattern)
  .entities(SubscriptionEntity)
  .schema(map({ communityId: string(), topic: string() }))
  .pattern(({ communityId, topic }) => ({ partition: `SUBS#${communityId}#${topic}` }))
  .options({ maxPages: Infinity })
  .meta({ title: 'topicSubscribers' })

/** AP17 — a community's matters not yet closed (the grid card's open counts): `closed#` sorts first among the steps. */
export const openCommunityMatters = GridLinkTable.build(AccessPattern)
  .entities(MatterEntity)
  .schema(string())
  .pattern((communityId) => ({ index: 'gsi1', partition: `MATTERS#${communityId}`, range: { gt: 'closed#~' } }))
  .options({ maxPages: Infinity })
  .meta({ title: 'openCommunityMatters' })
