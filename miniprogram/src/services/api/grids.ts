import {
  getBuildingHeadContacts as getBuildingHeadContactsRoute,
  getCard as getCardRoute,
  getGridContact as getGridContactRoute,
} from '@contracts/grids'
import { call } from '../http'

/** The public grid contact card behind a scanned code (no login). */
export const getCard = (code: string) => call(getCardRoute, { params: { code } })

/** The grid worker's full phone number, for the call button (login). */
export const getGridContact = (gridId: string) => call(getGridContactRoute, { params: { gridId } })

/** The building heads' full phone numbers, in the card's order (login). */
export const getBuildingHeadContacts = (buildingId: string) =>
  call(getBuildingHeadContactsRoute, { params: { buildingId } })
