import { gridRoutes } from '../../../contracts/grids'
import { pdfCardPrinter } from '../adapters/cardPrinter'
import { qrSource } from '../adapters/cardQr'
import {
  getBuildingHeadContacts,
  getCardCode,
  getGridContact,
  getPublicCard,
  printCommunityCards,
  printGridCard,
} from '../domain/grids/card'
import { httpHandler, implement } from '../http/router'

const pdf = (binary: Buffer, name: string) => ({
  binary,
  contentType: 'application/pdf',
  filename: `网格连心服务卡-${name}.pdf`,
})

export const routes = implement(gridRoutes, {
  getCard: ({ params }, { deps }) => getPublicCard(deps, params),
  getGridContact: ({ params }, { deps }) => getGridContact(deps, params),
  getBuildingHeadContacts: ({ params }, { deps }) => getBuildingHeadContacts(deps, params),
  getCardCode: ({ params }, { deps, principal }) => getCardCode(deps, principal, params),
  printGridCard: async ({ params }, { deps, principal }) =>
    pdf(await printGridCard(deps, principal, params), params.gridId),
  printCommunityCards: async ({ params }, { deps, principal }) =>
    pdf(await printCommunityCards(deps, principal, params), params.communityId),
})
// Only this function carries pdfkit and the QR encoder.
export const handler = httpHandler(routes, (config) => ({
  printer: pdfCardPrinter(config.cardFontPath),
  qr: qrSource(config),
}))
