import { Entity, item, string, number, list, map, boolean } from 'dynamodb-toolbox'
import type { FormattedItem } from 'dynamodb-toolbox'
import { GridLinkTable as table } from './table'

/*
 * One entity per item kind, one key prefix per entity. docs/access-patterns.md lists every key and index
 * below with the queries that use it.
 */

const meta = 'META'

export const StreetEntity = new Entity({
  name: 'Street',
  table,
  schema: item({ streetId: string().key(), name: string() }),
  computeKey: ({ streetId }) => ({ pk: `STREET#${streetId}`, sk: meta }),
})

const communitySchema = item({ communityId: string().key(), streetId: string(), name: string() })
export const CommunityEntity = new Entity({
  name: 'Community',
  table,
  schema: communitySchema.and((_s) => ({
    gsi1pk: string().link<typeof _s>(({ streetId }) => `STREET#${streetId}`),
    gsi1sk: string().link<typeof _s>(({ communityId }) => `COMM#${communityId}`),
  })),
  computeKey: ({ communityId }) => ({ pk: `COMM#${communityId}`, sk: meta }),
})

const compoundSchema = item({ compoundId: string().key(), communityId: string(), streetId: string(), name: string() })
export const CompoundEntity = new Entity({
  name: 'Compound',
  table,
  schema: compoundSchema.and((_s) => ({
    gsi1pk: string().link<typeof _s>(({ communityId }) => `COMM#${communityId}`),
    gsi1sk: string().link<typeof _s>(({ compoundId }) => `COMP#${compoundId}`),
  })),
  computeKey: ({ compoundId }) => ({ pk: `COMP#${compoundId}`, sk: meta }),
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
    gsi1pk: string().link<typeof _s>(({ communityId }) => `COMM#${communityId}`),
    gsi1sk: string().link<typeof _s>(({ compoundId, buildingId }) => `BLDG#${compoundId}#${buildingId}`),
    gsi2pk: string()
      .optional()
      .link<typeof _s>(({ gridId }) => (gridId ? `GRID#${gridId}` : undefined)),
    gsi2sk: string()
      .optional()
      .link<typeof _s>(({ gridId, buildingId }) => (gridId ? `BLDG#${buildingId}` : undefined)),
  })),
  computeKey: ({ buildingId }) => ({ pk: `BLDG#${buildingId}`, sk: meta }),
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
  computeKey: ({ householdId }) => ({ pk: `HH#${householdId}`, sk: meta }),
})

/** The address of a household, unique within its building: the lookup residents use and the guard against duplicates. */
export const HouseholdAddressEntity = new Entity({
  name: 'HouseholdAddress',
  table,
  schema: item({ buildingId: string().key(), unit: string().key(), room: string().key(), householdId: string() }),
  computeKey: ({ buildingId, unit, room }) => ({ pk: `BLDG#${buildingId}`, sk: `HH#${unit}#${room}` }),
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
    gsi1pk: string().link<typeof _s>(({ communityId }) => `COMM#${communityId}`),
    gsi1sk: string().link<typeof _s>(({ gridId }) => `GRID#${gridId}`),
  })),
  computeKey: ({ gridId }) => ({ pk: `GRID#${gridId}`, sk: meta }),
})

/** A card number names the printed card, not the grid: reissuing a card gives a new number. */
export const CardEntity = new Entity({
  name: 'Card',
  table,
  schema: item({ cardNo: string().key(), gridId: string() }),
  computeKey: ({ cardNo }) => ({ pk: `CARD#${cardNo}`, sk: meta }),
})

export const UserEntity = new Entity({
  name: 'User',
  table,
  schema: item({
    userId: string().key(),
    displayName: string(),
    phone: string().optional(),
    photoUrl: string().optional(),
    openid: string().optional(),
  }),
  computeKey: ({ userId }) => ({ pk: `USER#${userId}`, sk: meta }),
})

/** openid → user, unique: two logins racing for a new openid create one user. */
export const OpenIdEntity = new Entity({
  name: 'OpenId',
  table,
  schema: item({ openid: string().key(), userId: string() }),
  computeKey: ({ openid }) => ({ pk: `OPENID#${openid}`, sk: meta }),
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
    gsi1pk: string().link<typeof _s>(({ placeType, placeId }) => `PLACE#${placeType}#${placeId}`),
    gsi1sk: string().link<typeof _s>(({ role, userId }) => `ROLE#${role}#${userId}`),
    gsi2pk: string()
      .optional()
      .link<typeof _s>(({ buildingId }) => (buildingId ? `INBLDG#${buildingId}` : undefined)),
    gsi2sk: string()
      .optional()
      .link<typeof _s>(({ buildingId, role, userId, placeId }) => (buildingId ? `ROLE#${role}#${placeId}#${userId}` : undefined)),
  })),
  computeKey: ({ userId, role, placeType, placeId }) => ({
    pk: `USER#${userId}`,
    sk: `ROLE#${role}#${placeType}#${placeId}`,
  }),
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
    gsi1pk: string().link<typeof _s>(({ householdId }) => `HH#${householdId}`),
    gsi1sk: string().link<typeof _s>(({ userId }) => `MEMBER#${userId}`),
  })),
  computeKey: ({ userId, householdId }) => ({ pk: `USER#${userId}`, sk: `MEMBER#${householdId}` }),
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
    gsi1pk: string().link<typeof _s>(({ buildingId }) => `BINDQ#${buildingId}`),
    gsi1sk: string().link<typeof _s>(({ status, createdAt, userId }) => `${status}#${createdAt}#${userId}`),
  })),
  computeKey: ({ userId, householdId }) => ({ pk: `USER#${userId}`, sk: `BINDREQ#${householdId}` }),
})

/** The local stage's demo identities (never written on other stages). */
export const DemoIdentityEntity = new Entity({
  name: 'DemoIdentity',
  table,
  schema: item({ key: string().key(), userId: string(), label: string(), roles: list(string()), order: number() }),
  computeKey: ({ key }) => ({ pk: 'DEMO', sk: `ID#${key}` }),
})

/** Marks a finished seed, so `npm start` run twice seeds once. */
export const SeedMarkerEntity = new Entity({
  name: 'SeedMarker',
  table,
  schema: item({ name: string().key(), at: string(), summaryJson: string() }),
  computeKey: ({ name }) => ({ pk: 'SEED', sk: name }),
})

export type StreetItem = FormattedItem<typeof StreetEntity>
export type CommunityItem = FormattedItem<typeof CommunityEntity>
export type CompoundItem = FormattedItem<typeof CompoundEntity>
export type BuildingItem = FormattedItem<typeof BuildingEntity>
export type HouseholdItem = FormattedItem<typeof HouseholdEntity>
export type GridItem = FormattedItem<typeof GridEntity>
export type UserItem = FormattedItem<typeof UserEntity>
export type RoleGrantItem = FormattedItem<typeof RoleGrantEntity>
export type MembershipItem = FormattedItem<typeof MembershipEntity>
export type BindingRequestItem = FormattedItem<typeof BindingRequestEntity>

/* ---------------------------------------------------------------- deliberation */

export const DeliberationSettingsEntity = new Entity({
  name: 'DeliberationSettings',
  table,
  schema: item({ communityId: string().key(), settingsJson: string() }),
  computeKey: ({ communityId }) => ({ pk: `COMM#${communityId}`, sk: 'DELIBERATION' }),
})

const matterSchema = item({
  matterId: string().key(),
  communityId: string(),
  step: string(),
  status: string(),
  proposerId: string(),
  createdAt: string(),
  updatedAt: string(),
  version: number(),
  secondsCount: number(),
  /** The rest of the matter (scope, texts, poll id, resolution, …) as one JSON document: read and written whole. */
  bodyJson: string(),
})
/** A matter: listed by community and step (gsi1) and by proposer (gsi2); every change bumps `version`. */
export const MatterEntity = new Entity({
  name: 'Matter',
  table,
  schema: matterSchema.and((_s) => ({
    gsi1pk: string().link<typeof _s>(({ communityId }) => `MATTERS#${communityId}`),
    gsi1sk: string().link<typeof _s>(({ step, createdAt, matterId }) => `${step}#${createdAt}#${matterId}`),
    gsi2pk: string().link<typeof _s>(({ proposerId }) => `PROPOSER#${proposerId}`),
    gsi2sk: string().link<typeof _s>(({ createdAt, matterId }) => `${createdAt}#${matterId}`),
  })),
  computeKey: ({ matterId }) => ({ pk: `MATTER#${matterId}`, sk: meta }),
})

/** A timeline entry, a comment or a queued notification: kept under the matter, ordered by time. */
export const MatterLogEntity = new Entity({
  name: 'MatterLog',
  table,
  // `delivery`: on a queued notification, what the sender did with it (JSON), once it has run.
  schema: item({ matterId: string().key(), kind: string().key(), sortKey: string().key(), json: string(), delivery: string().optional() }),
  computeKey: ({ matterId, kind, sortKey }) => ({ pk: `MATTER#${matterId}`, sk: `${kind}#${sortKey}` }),
})

/** One second (附议) per resident and matter. */
export const SecondEntity = new Entity({
  name: 'Second',
  table,
  schema: item({ matterId: string().key(), userId: string().key(), at: string() }),
  computeKey: ({ matterId, userId }) => ({ pk: `MATTER#${matterId}`, sk: `SECOND#${userId}` }),
})

export const PollEntity = new Entity({
  name: 'Poll',
  table,
  schema: item({ pollId: string().key(), matterId: string(), state: string(), json: string() }),
  computeKey: ({ pollId }) => ({ pk: `POLL#${pollId}`, sk: meta }),
})

/**
 * A household of a poll's frozen electorate, and whether it has voted (never how, in a secret poll).
 * Spread over shards by household so a poll of thousands of households has no hot partition.
 */
export const PollHouseholdEntity = new Entity({
  name: 'PollHousehold',
  table,
  schema: item({
    pollId: string().key(),
    shard: number().key(),
    householdId: string().key(),
    voted: boolean(),
    votedAt: string().optional(),
    option: number().optional(),
  }),
  computeKey: ({ pollId, shard, householdId }) => ({ pk: `POLLHH#${pollId}#${shard}`, sk: `HH#${householdId}` }),
})

/**
 * How many households of one electorate shard have voted: one counter per shard, in the shard's own partition,
 * bumped in the vote's transaction. Summed over the shards it is the turnout shown while the poll is open
 * (how they voted stays hidden until close).
 */
export const PollTurnoutEntity = new Entity({
  name: 'PollTurnout',
  table,
  schema: item({ pollId: string().key(), shard: number().key(), count: number() }),
  computeKey: ({ pollId, shard }) => ({ pk: `POLLHH#${pollId}#${shard}`, sk: 'TURNOUT' }),
})

/** A ballot: the option only. Random key, no household, no time: in a secret poll nothing links it to a household. */
export const BallotEntity = new Entity({
  name: 'Ballot',
  table,
  schema: item({ pollId: string().key(), shard: number().key(), ballotId: string().key(), option: number() }),
  computeKey: ({ pollId, shard, ballotId }) => ({ pk: `BALLOT#${pollId}#${shard}`, sk: ballotId }),
})

/** A household's rating of a resolution round. */
export const RatingEntity = new Entity({
  name: 'Rating',
  table,
  schema: item({ matterId: string().key(), round: number().key(), shard: number().key(), householdId: string().key(), rating: string(), at: string() }),
  computeKey: ({ matterId, round, shard, householdId }) => ({ pk: `RATE#${matterId}#${round}#${shard}`, sk: `HH#${householdId}` }),
})

/** Work the scheduler must do at a time: open a poll, close a poll, close an evaluation. */
export const DueEntity = new Entity({
  name: 'Due',
  table,
  schema: item({ kind: string().key(), at: string().key(), refId: string().key() }),
  computeKey: ({ kind, at, refId }) => ({ pk: `DUE#${kind}`, sk: `${at}#${refId}` }),
})

/**
 * A user's consent to WeChat subscribe messages of one topic in one community: `remaining` messages (one per
 * "allow"), with where the user lives and which roles they hold at the time of the last consent, so a
 * notification's audience is matched against the few who consented instead of every household in scope.
 */
export const SubscriptionEntity = new Entity({
  name: 'Subscription',
  table,
  schema: item({
    communityId: string().key(),
    topic: string().key(),
    userId: string().key(),
    openid: string(),
    remaining: number(),
    homePaths: list(string()),
    roles: list(string()),
    updatedAt: string(),
  }),
  computeKey: ({ communityId, topic, userId }) => ({ pk: `SUBS#${communityId}#${topic}`, sk: `USER#${userId}` }),
})
