import type { Building, Community, Compound, Grid, Household, Street } from '../../../../contracts/structure'
import type { Place } from '../../../../contracts/common'
import type { PlaceRef } from '../shared/places'

export interface GridRecord extends Grid {
  streetId: string
  cardNo: string
  openCounts: { matters: number; polls: number; wishes: number; activities: number }
}

/** What the structure rules need from storage. */
export interface StructureStore {
  getStreet(streetId: string): Promise<Street | undefined>
  getCommunity(communityId: string): Promise<Community | undefined>
  getCompound(compoundId: string): Promise<(Compound & { streetId: string }) | undefined>
  getBuilding(buildingId: string): Promise<(Building & { streetId: string }) | undefined>
  getBuildings(buildingIds: string[]): Promise<(Building & { streetId: string })[]>
  getHousehold(householdId: string): Promise<(Household & { compoundId: string; communityId: string; streetId: string }) | undefined>
  findHouseholdId(buildingId: string, unit: string, room: string): Promise<string | undefined>
  getGrid(gridId: string): Promise<GridRecord | undefined>
  gridIdForCard(cardNo: string): Promise<string | undefined>
  listCommunity(communityId: string): Promise<{ compounds: Compound[]; buildings: Building[]; grids: GridRecord[] }>
  listHouseholdAddresses(buildingId: string): Promise<{ unit: string; room: string; householdId: string }[]>
  /** The place with its path from the street down, or undefined if it does not exist. */
  resolvePlace(place: Place): Promise<PlaceRef | undefined>

  putStreet(street: Street): Promise<void>
  putCommunity(community: Community): Promise<void>
  putCompound(compound: Compound & { streetId: string }): Promise<void>
  putBuilding(building: Building & { streetId: string }): Promise<void>
  /** Creates each household with its unique address, skipping addresses already registered. */
  addHouseholds(building: Building & { streetId: string }, households: { householdId: string; unit: string; room: string }[]): Promise<{ created: Household[]; existing: number }>
  /** Writes the grid and its card, and claims each building for it; fails with grid.buildingTaken if one is in another grid. */
  createGrid(grid: GridRecord): Promise<void>
  /** Renames and moves buildings in or out, all or nothing. */
  updateGrid(grid: GridRecord, added: string[], removed: string[]): Promise<void>
  rename(type: 'community' | 'compound' | 'building', id: string, name: string): Promise<boolean>
}

export interface StructureDeps {
  structure: StructureStore
  newId: () => string
  newCardNo: () => string
}
