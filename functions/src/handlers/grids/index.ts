import { pdfCardPrinter } from '../../adapters/cardPrinter'
import { qrSource } from '../../adapters/cardQr'
import { httpHandler } from '../../http/router'
import getCard from './getCard'
import getCardCode from './getCardCode'
import getGridContact from './getGridContact'
import printCommunityCards from './printCommunityCards'
import printGridCard from './printGridCard'

export const routes = [getCard, getGridContact, getCardCode, printGridCard, printCommunityCards]
export const handler = httpHandler(routes, (config) => ({ printer: pdfCardPrinter(config.cardFontPath), qr: qrSource(config) }))
