import { TableAccessPattern as AccessPattern, string, map } from 'dynamodb-toolbox'
import { GridLinkTable } from './table'
import {
  BindingRequestEntity,
  BuildingEntity,
  CompoundEntity,
  DemoIdentityEntity,
  GridEntity,
  HouseholdAddressEntity,
  MembershipEntity,
  RoleGrantEntity,
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
