import {
  Entity,
  item,
  list,
  map,
  number,
  QueryCommand,
  string,
  TableAccessPattern as AccessPattern,
} from 'dynamodb-toolbox'
import { z } from 'zod'
import type { FormattedItem } from 'dynamodb-toolbox'
import { GridLinkTable as table } from '../table'

/*
 * The places: street → community → compound → building → household, and the grids drawn over buildings.
 * Each place is one item under its own key; a community's compounds, buildings and grids are also indexed
 * under the community (gsi1), a grid's buildings under the grid (gsi2). docs/access-patterns.md: AP2, AP3, AP8.
 */

/** Every key of the places, written once. */
export const placeKeys = {
  meta: 'META',
  street: (streetId: string) => `STREET#${streetId}`,
  community: (communityId: string) => `COMM#${communityId}`,
  compound: (compoundId: string) => `COMP#${compoundId}`,
  building: (buildingId: string) => `BLDG#${buildingId}`,
  /** A building under its community (gsi1): sorted by compound. */
  buildingInCommunity: (compoundId: string, buildingId: string) => `BLDG#${compoundId}#${buildingId}`,
  household: (householdId: string) => `HH#${householdId}`,
  /** A household's address under its building: unique, and the lookup residents use. */
  address: (unit: string, room: string) => `HH#${unit}#${room}`,
  addressPrefix: 'HH#',
  grid: (gridId: string) => `GRID#${gridId}`,
  card: (cardNo: string) => `CARD#${cardNo}`,
}
const k = placeKeys

export const StreetEntity = new Entity({
  name: 'Street',
  table,
  schema: item({ streetId: string().key(), name: string() }),
  computeKey: ({ streetId }) => ({ pk: k.street(streetId), sk: k.meta }),
})

const communitySchema = item({ communityId: string().key(), streetId: string(), name: string() })
export const CommunityEntity = new Entity({
  name: 'Community',
  table,
  schema: communitySchema.and((_s) => ({
    gsi1pk: string().link<typeof _s>(({ streetId }) => k.street(streetId)),
    gsi1sk: string().link<typeof _s>(({ communityId }) => k.community(communityId)),
  })),
  computeKey: ({ communityId }) => ({ pk: k.community(communityId), sk: k.meta }),
})

const compoundSchema = item({ compoundId: string().key(), communityId: string(), streetId: string(), name: string() })
export const CompoundEntity = new Entity({
  name: 'Compound',
  table,
  schema: compoundSchema.and((_s) => ({
    gsi1pk: string().link<typeof _s>(({ communityId }) => k.community(communityId)),
    gsi1sk: string().link<typeof _s>(({ compoundId }) => k.compound(compoundId)),
  })),
  computeKey: ({ compoundId }) => ({ pk: k.compound(compoundId), sk: k.meta }),
})

const buildingSchema = item({
  buildingId: string().key(),
  compoundId: string(),
  communityId: string(),
  streetId: string(),
  name: string(),
  gridId: string().optional(),
})
export const BuildingEntity = new Entity({
  name: 'Building',
  table,
  schema: buildingSchema.and((_s) => ({
    gsi1pk: string().link<typeof _s>(({ communityId }) => k.community(communityId)),
    gsi1sk: string().link<typeof _s>(({ compoundId, buildingId }) => k.buildingInCommunity(compoundId, buildingId)),
    gsi2pk: string()
      .optional()
      .link<typeof _s>(({ gridId }) => (gridId ? k.grid(gridId) : undefined)),
    gsi2sk: string()
      .optional()
      .link<typeof _s>(({ gridId, buildingId }) => (gridId ? k.building(buildingId) : undefined)),
  })),
  computeKey: ({ buildingId }) => ({ pk: k.building(buildingId), sk: k.meta }),
})

export const HouseholdEntity = new Entity({
  name: 'Household',
  table,
  schema: item({
    householdId: string().key(),
    buildingId: string(),
    compoundId: string(),
    communityId: string(),
    streetId: string(),
    unit: string(),
    room: string(),
    representativeUserId: string().optional(),
    memberCount: number().default(0),
  }),
  computeKey: ({ householdId }) => ({ pk: k.household(householdId), sk: k.meta }),
})

/** The address of a household, unique within its building: the lookup residents use and the guard against duplicates. */
export const HouseholdAddressEntity = new Entity({
  name: 'HouseholdAddress',
  table,
  schema: item({ buildingId: string().key(), unit: string().key(), room: string().key(), householdId: string() }),
  computeKey: ({ buildingId, unit, room }) => ({ pk: k.building(buildingId), sk: k.address(unit, room) }),
})

const gridSchema = item({
  gridId: string().key(),
  communityId: string(),
  streetId: string(),
  name: string(),
  buildingIds: list(string()),
  cardNo: string(),
  openCounts: map({
    matters: number().default(0),
    polls: number().default(0),
    wishes: number().default(0),
    activities: number().default(0),
  }).default({ matters: 0, polls: 0, wishes: 0, activities: 0 }),
})
export const GridEntity = new Entity({
  name: 'Grid',
  table,
  schema: gridSchema.and((_s) => ({
    gsi1pk: string().link<typeof _s>(({ communityId }) => k.community(communityId)),
    gsi1sk: string().link<typeof _s>(({ gridId }) => k.grid(gridId)),
  })),
  computeKey: ({ gridId }) => ({ pk: k.grid(gridId), sk: k.meta }),
})

/** A card number names the printed card, not the grid: reissuing a card gives a new number. */
export const CardEntity = new Entity({
  name: 'Card',
  table,
  schema: item({ cardNo: string().key(), gridId: string() }),
  computeKey: ({ cardNo }) => ({ pk: k.card(cardNo), sk: k.meta }),
})

export type BuildingItem = FormattedItem<typeof BuildingEntity>
export type GridItem = FormattedItem<typeof GridEntity>

/**
 * AP2 — a community's compounds, buildings and grids (staff structure view, the electorate of a compound or
 * community poll, grid validation, the community's card print). Read raw and checked with the small schemas below
 * rather than through the entities' formatters: formatting costs about 0.15 ms an item, which made this list, a
 * hundred items in a large community, spend more time formatting than waiting for DynamoDB.
 */
export const communityStructure = (communityId: string) =>
  table
    .build(QueryCommand)
    .query({ index: 'gsi1', partition: k.community(communityId) })
    .options({ maxPages: Infinity })

const rawCompound = z.object({
  _et: z.literal('Compound'),
  compoundId: z.string(),
  communityId: z.string(),
  name: z.string(),
})
const rawBuilding = z.object({
  _et: z.literal('Building'),
  buildingId: z.string(),
  compoundId: z.string(),
  communityId: z.string(),
  streetId: z.string(),
  name: z.string(),
  gridId: z.string().optional(),
})
const counts = z.object({ matters: z.number(), polls: z.number(), wishes: z.number(), activities: z.number() })
const rawGrid = z.object({
  _et: z.literal('Grid'),
  gridId: z.string(),
  communityId: z.string(),
  streetId: z.string(),
  name: z.string(),
  buildingIds: z.array(z.string()),
  cardNo: z.string(),
  openCounts: counts
    .partial()
    .default({})
    .transform((c) => ({ matters: 0, polls: 0, wishes: 0, activities: 0, ...c })),
})
/** One item of AP2, as the schema of its kind reads it (anything else under the community's index is not part of it). */
export const communityItem = z.discriminatedUnion('_et', [rawCompound, rawBuilding, rawGrid])

/** AP8 — the registered households of a building, by unit and room. */
export const buildingHouseholds = table
  .build(AccessPattern)
  .entities(HouseholdAddressEntity)
  .schema(string())
  .pattern((buildingId) => ({ partition: k.building(buildingId), range: { beginsWith: k.addressPrefix } }))
  .options({ maxPages: Infinity })
  .meta({ title: 'buildingHouseholds' })
