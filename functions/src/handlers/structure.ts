import { structureRoutes } from '../../../contracts/structure'
import {
  addHouseholds,
  createBuilding,
  createCommunity,
  createCompound,
  getCommunityStructure,
  renamePlace,
} from '../domain/structure/createPlaces'
import { createGrid, updateGrid } from '../domain/structure/manageGrids'
import { listCommunityAccounts } from '../domain/structure/accounts'
import { listOrganisations, putOrganisation } from '../domain/structure/organisations'
import { httpHandler, implement } from '../http/router'

export const routes = implement(structureRoutes, {
  createCommunity: ({ params, body }, { deps, principal }) => createCommunity(deps, principal, { ...params, ...body }),
  createCompound: ({ params, body }, { deps, principal }) => createCompound(deps, principal, { ...params, ...body }),
  createBuilding: ({ params, body }, { deps, principal }) => createBuilding(deps, principal, { ...params, ...body }),
  addHouseholds: ({ params, body }, { deps, principal }) => addHouseholds(deps, principal, { ...params, ...body }),
  createGrid: ({ params, body }, { deps, principal }) => createGrid(deps, principal, { ...params, ...body }),
  updateGrid: ({ params, body }, { deps, principal }) => updateGrid(deps, principal, { ...params, ...body }),
  renamePlace: ({ params, body }, { deps, principal }) => renamePlace(deps, principal, { ...params, ...body }),
  getCommunityStructure: ({ params }, { deps, principal }) => getCommunityStructure(deps, principal, params),
  listOrganisations: ({ params }, { deps, principal }) => listOrganisations(deps, principal, params),
  putOrganisation: ({ params, body }, { deps, principal }) => putOrganisation(deps, principal, { ...params, ...body }),
  listCommunityAccounts: ({ params, query }, { deps, principal }) =>
    listCommunityAccounts(deps, principal, { ...params, ...query }),
})
export const handler = httpHandler(routes)
