import { httpHandler } from '../../http/router'
import addHouseholds from './addHouseholds'
import createBuilding from './createBuilding'
import createCommunity from './createCommunity'
import createCompound from './createCompound'
import createGrid from './createGrid'
import getCommunityStructure from './getCommunityStructure'
import renamePlace from './renamePlace'
import updateGrid from './updateGrid'

export const routes = [createCommunity, createCompound, createBuilding, addHouseholds, createGrid, updateGrid, renamePlace, getCommunityStructure]
export const handler = httpHandler(routes)
