import type { Building, Community, Compound, Grid, Household, Street } from '../../../../contracts/structure'
import type { Place } from '../../../../contracts/common'
import type { Outcome } from '../shared/outcome'
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
  getHousehold(
    householdId: string,
  ): Promise<(Household & { compoundId: string; communityId: string; streetId: string }) | undefined>
  findHouseholdId(buildingId: string, unit: string, room: string): Promise<string | undefined>
  getGrid(gridId: string): Promise<GridRecord | undefined>
  gridIdForCard(cardNo: string): Promise<string | undefined>
  listCommunity(communityId: string): Promise<{ compounds: Compound[]; buildings: Building[]; grids: GridRecord[] }>
  listHouseholdAddresses(buildingId: string): Promise<{ unit: string; room: string; householdId: string }[]>
  /** The place with its path from the street down, or undefined if it does not exist. */
  resolvePlace(place: Place): Promise<PlaceRef | undefined>

  /** Each create is refused `exists` when the id is taken: a repeat of a create the client named. */
  putStreet(street: Street): Promise<Outcome<'exists'>>
  putCommunity(community: Community): Promise<Outcome<'exists'>>
  putCompound(compound: Compound & { streetId: string }): Promise<Outcome<'exists'>>
  putBuilding(building: Building & { streetId: string }): Promise<Outcome<'exists'>>
  /** Creates each household with its unique address, skipping addresses already registered. */
  addHouseholds(
    building: Building & { streetId: string },
    households: { householdId: string; unit: string; room: string }[],
  ): Promise<{ created: Household[]; existing: number }>
  /** Writes the grid and its card, and claims each building for it; refused `buildingTaken` if one is in another grid. */
  createGrid(grid: GridRecord): Promise<Outcome<'exists' | 'buildingTaken'>>
  /** Renames and moves buildings in or out, all or nothing. */
  updateGrid(grid: GridRecord, added: string[], removed: string[]): Promise<Outcome<'buildingTaken'>>
  rename(type: 'community' | 'compound' | 'building', id: string, name: string): Promise<Outcome<'missing'>>
}

export interface StructureDeps {
  structure: StructureStore
  newId: () => string
  newCardNo: () => string
}
