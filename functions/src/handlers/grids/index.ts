import { httpHandler } from '../../http/router'
import getCard from './getCard'
import getCardCode from './getCardCode'
import getGridContact from './getGridContact'
import printCommunityCards from './printCommunityCards'
import printGridCard from './printGridCard'

export const routes = [getCard, getGridContact, getCardCode, printGridCard, printCommunityCards]
export const handler = httpHandler(routes)
