import {
  $remove,
  executeTransactWrite,
  GetItemCommand,
  PutItemCommand,
  PutTransaction,
  UpdateItemCommand,
  UpdateTransaction,
} from 'dynamodb-toolbox'
import type { Place } from '../../../../contracts/common'
import type { Building, Household } from '../../../../contracts/structure'
import { done, refused } from '../../domain/shared/outcome'
import { childPath, segment, type PlaceRef } from '../../domain/shared/places'
import type { GridRecord, StructureStore } from '../../domain/structure/ports'
import { batchGet } from '../batch'
import { conditionFailed, failedConditions, StoredItemInvalid } from '../transactions'
import {
  BuildingEntity,
  buildingHouseholds,
  CardEntity,
  communityItem,
  communityStructure,
  CommunityEntity,
  CompoundEntity,
  GridEntity,
  HouseholdAddressEntity,
  HouseholdEntity,
  placeKeys,
  StreetEntity,
  type BuildingItem,
  type GridItem,
} from './places'

const toBuilding = ({
  buildingId,
  compoundId,
  communityId,
  streetId,
  name,
  gridId,
}: Pick<BuildingItem, 'buildingId' | 'compoundId' | 'communityId' | 'streetId' | 'name' | 'gridId'>) => ({
  buildingId,
  compoundId,
  communityId,
  streetId,
  name,
  ...(gridId ? { gridId } : {}),
})
const toGrid = ({
  gridId,
  communityId,
  streetId,
  name,
  buildingIds,
  cardNo,
  openCounts,
}: Pick<
  GridItem,
  'gridId' | 'communityId' | 'streetId' | 'name' | 'buildingIds' | 'cardNo' | 'openCounts'
>): GridRecord => ({
  gridId,
  communityId,
  streetId,
  name,
  buildingIds,
  cardNo,
  openCounts,
})

const buildingRef = (b: Building & { streetId: string }): PlaceRef => ({
  type: 'building',
  id: b.buildingId,
  name: b.name,
  path: [
    segment('street', b.streetId),
    segment('community', b.communityId),
    segment('compound', b.compoundId),
    segment('building', b.buildingId),
  ].join('/'),
  buildingId: b.buildingId,
  ...(b.gridId ? { gridId: b.gridId } : {}),
})

/** A new place is written only where nothing is: a repeat of the same create is refused `exists`. */
const putNew = async (write: () => Promise<unknown>) => {
  try {
    await write()
    return done()
  } catch (error) {
    if (conditionFailed(error)) return refused('exists')
    throw error
  }
}

const claimBuilding = (gridId: string, buildingId: string) =>
  BuildingEntity.build(UpdateTransaction)
    .item({ buildingId, gridId, gsi2pk: placeKeys.grid(gridId), gsi2sk: placeKeys.building(buildingId) })
    .options({
      condition: {
        and: [
          { attr: 'buildingId', exists: true },
          { attr: 'gridId', exists: false },
        ],
      },
    })

export const dynamoStructureStore: StructureStore = {
  async getStreet(streetId) {
    const { Item } = await StreetEntity.build(GetItemCommand).key({ streetId }).send()
    return Item && { streetId: Item.streetId, name: Item.name }
  },
  async getCommunity(communityId) {
    const { Item } = await CommunityEntity.build(GetItemCommand).key({ communityId }).send()
    return Item && { communityId: Item.communityId, streetId: Item.streetId, name: Item.name }
  },
  async getCompound(compoundId) {
    const { Item } = await CompoundEntity.build(GetItemCommand).key({ compoundId }).send()
    return (
      Item && { compoundId: Item.compoundId, communityId: Item.communityId, streetId: Item.streetId, name: Item.name }
    )
  },
  async getBuilding(buildingId) {
    const { Item } = await BuildingEntity.build(GetItemCommand).key({ buildingId }).send()
    return Item && toBuilding(Item)
  },
  async getBuildings(buildingIds) {
    if (buildingIds.length === 0) return []
    const items = await batchGet(
      BuildingEntity,
      buildingIds.map((buildingId) => ({ buildingId })),
    )
    return items.flatMap((i) => (i ? [toBuilding(i)] : []))
  },
  async getHousehold(householdId) {
    const { Item } = await HouseholdEntity.build(GetItemCommand).key({ householdId }).send()
    if (!Item) return undefined
    const { buildingId, compoundId, communityId, streetId, unit, room, representativeUserId } = Item
    return {
      householdId,
      buildingId,
      compoundId,
      communityId,
      streetId,
      unit,
      room,
      ...(representativeUserId ? { representativeUserId } : {}),
    }
  },
  async findHouseholdId(buildingId, unit, room) {
    const { Item } = await HouseholdAddressEntity.build(GetItemCommand)
      .key({ buildingId, unit, room })
      .options({ consistent: true })
      .send()
    return Item?.householdId
  },
  async getGrid(gridId) {
    const { Item } = await GridEntity.build(GetItemCommand).key({ gridId }).send()
    return Item && toGrid(Item)
  },
  async gridIdForCard(cardNo) {
    const { Item } = await CardEntity.build(GetItemCommand).key({ cardNo }).send()
    return Item?.gridId
  },
  async listCommunity(communityId) {
    const { Items = [] } = await communityStructure(communityId).send()
    const compounds = []
    const buildings = []
    const grids = []
    for (const raw of Items) {
      if (!['Compound', 'Building', 'Grid'].includes(raw._et as string)) continue
      const parsed = communityItem.safeParse(raw)
      if (!parsed.success) throw new StoredItemInvalid(`${String(raw._et)} ${String(raw.pk)}`, parsed.error.issues)
      const item = parsed.data
      if (item._et === 'Compound')
        compounds.push({ compoundId: item.compoundId, communityId: item.communityId, name: item.name })
      else if (item._et === 'Building') buildings.push(toBuilding(item))
      else grids.push(toGrid(item))
    }
    return { compounds, buildings, grids }
  },
  async listHouseholdAddresses(buildingId) {
    const { Items = [] } = await buildingHouseholds.query(buildingId).send()
    return Items.map(({ unit, room, householdId }) => ({ unit, room, householdId }))
  },
  async resolvePlace(place: Place): Promise<PlaceRef | undefined> {
    switch (place.type) {
      case 'street': {
        const s = await this.getStreet(place.id)
        return s && { type: 'street', id: s.streetId, name: s.name, path: segment('street', s.streetId) }
      }
      case 'community': {
        const c = await this.getCommunity(place.id)
        return (
          c && {
            type: 'community',
            id: c.communityId,
            name: c.name,
            path: `${segment('street', c.streetId)}/${segment('community', c.communityId)}`,
          }
        )
      }
      case 'compound': {
        const c = await this.getCompound(place.id)
        return (
          c && {
            type: 'compound',
            id: c.compoundId,
            name: c.name,
            path: [
              segment('street', c.streetId),
              segment('community', c.communityId),
              segment('compound', c.compoundId),
            ].join('/'),
          }
        )
      }
      case 'building': {
        const b = await this.getBuilding(place.id)
        return b && buildingRef(b)
      }
      case 'household': {
        const h = await this.getHousehold(place.id)
        if (!h) return undefined
        const b = await this.getBuilding(h.buildingId)
        if (!b) return undefined
        const ref = buildingRef(b)
        return {
          type: 'household',
          id: h.householdId,
          name: `${b.name}${h.unit}单元${h.room}室`,
          path: childPath(ref.path, 'household', h.householdId),
          buildingId: b.buildingId,
          ...(b.gridId ? { gridId: b.gridId } : {}),
        }
      }
      case 'grid': {
        const g = await this.getGrid(place.id)
        return (
          g && {
            type: 'grid',
            id: g.gridId,
            name: g.name,
            path: [segment('street', g.streetId), segment('community', g.communityId), segment('grid', g.gridId)].join(
              '/',
            ),
            gridId: g.gridId,
          }
        )
      }
    }
  },

  putStreet: (street) =>
    putNew(() =>
      StreetEntity.build(PutItemCommand)
        .item(street)
        .options({ condition: { attr: 'streetId', exists: false } })
        .send(),
    ),
  putCommunity: (community) =>
    putNew(() =>
      CommunityEntity.build(PutItemCommand)
        .item(community)
        .options({ condition: { attr: 'communityId', exists: false } })
        .send(),
    ),
  putCompound: (compound) =>
    putNew(() =>
      CompoundEntity.build(PutItemCommand)
        .item(compound)
        .options({ condition: { attr: 'compoundId', exists: false } })
        .send(),
    ),
  putBuilding: (building) =>
    putNew(() =>
      BuildingEntity.build(PutItemCommand)
        .item(building)
        .options({ condition: { attr: 'buildingId', exists: false } })
        .send(),
    ),
  async addHouseholds(building, households) {
    const created: Household[] = []
    let existing = 0
    // One small transaction per household: the household and its address guard are written together or not at all.
    for (const h of households) {
      try {
        await executeTransactWrite(
          HouseholdAddressEntity.build(PutTransaction)
            .item({ buildingId: building.buildingId, unit: h.unit, room: h.room, householdId: h.householdId })
            .options({ condition: { attr: 'householdId', exists: false } }),
          HouseholdEntity.build(PutTransaction).item({
            householdId: h.householdId,
            buildingId: building.buildingId,
            compoundId: building.compoundId,
            communityId: building.communityId,
            streetId: building.streetId,
            unit: h.unit,
            room: h.room,
            memberCount: 0,
          }),
        )
        created.push({ householdId: h.householdId, buildingId: building.buildingId, unit: h.unit, room: h.room })
      } catch (error) {
        if (failedConditions(error)?.includes(0)) existing += 1
        else throw error
      }
    }
    return { created, existing }
  },
  async createGrid(grid) {
    try {
      await executeTransactWrite(
        GridEntity.build(PutTransaction)
          .item(grid)
          .options({ condition: { attr: 'gridId', exists: false } }),
        CardEntity.build(PutTransaction)
          .item({ cardNo: grid.cardNo, gridId: grid.gridId })
          .options({ condition: { attr: 'gridId', exists: false } }),
        ...grid.buildingIds.map((buildingId) => claimBuilding(grid.gridId, buildingId)),
      )
      return done()
    } catch (error) {
      const failed = failedConditions(error)
      if (failed?.includes(0)) return refused('exists')
      if (failed?.some((i) => i >= 2)) return refused('buildingTaken')
      throw error
    }
  },
  async updateGrid(grid, added, removed) {
    try {
      await executeTransactWrite(
        GridEntity.build(UpdateTransaction)
          .item({ gridId: grid.gridId, name: grid.name, buildingIds: grid.buildingIds })
          .options({ condition: { attr: 'gridId', exists: true } }),
        ...added.map((buildingId) => claimBuilding(grid.gridId, buildingId)),
        ...removed.map((buildingId) =>
          BuildingEntity.build(UpdateTransaction)
            .item({ buildingId, gridId: $remove(), gsi2pk: $remove(), gsi2sk: $remove() })
            .options({ condition: { attr: 'gridId', eq: grid.gridId } }),
        ),
      )
      return done()
    } catch (error) {
      if (failedConditions(error)?.some((i) => i >= 1)) return refused('buildingTaken')
      throw error
    }
  },
  async rename(type, id, name) {
    const condition = { attr: 'name', exists: true } as const
    try {
      if (type === 'community')
        await CommunityEntity.build(UpdateItemCommand).item({ communityId: id, name }).options({ condition }).send()
      else if (type === 'compound')
        await CompoundEntity.build(UpdateItemCommand).item({ compoundId: id, name }).options({ condition }).send()
      else await BuildingEntity.build(UpdateItemCommand).item({ buildingId: id, name }).options({ condition }).send()
      return done()
    } catch (error) {
      if (conditionFailed(error)) return refused('missing')
      throw error
    }
  },
}
