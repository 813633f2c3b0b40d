import type { IdentityStore } from '../identity/ports'
import type { DeliberationStore } from '../deliberation/ports'
import type { StructureStore } from '../structure/ports'

export interface CardRenderInput {
  gridName: string
  communityName: string
  streetName: string
  workerName: string
  workerPhone: string
  heads: string[]
  partyHouseholds: string[]
  qrPng: Buffer
  code: string
}

export interface CardPrinter {
  /** One A5 page per card, in order, as one PDF. */
  renderPdf(cards: CardRenderInput[]): Promise<Buffer>
}

export interface QrSource {
  /** The QR a resident scans: WeChat's mini-program code for the page and scene in production, a plain QR of the H5 link locally. */
  qrPng(code: string, link: string): Promise<Buffer>
}

export interface GridDeps {
  structure: StructureStore
  identity: IdentityStore
  /** What is open in the grid: the community's matters not yet closed. */
  deliberation: Pick<DeliberationStore, 'listOpenByCommunity'>
  cardSecret: string
  appUrl: string
  printer: CardPrinter
  qr: QrSource
}

/** The mini-program page a card opens; the scene carries the card code. */
export const GRID_PAGE = 'pages/grid/index'
export const cardLink = (appUrl: string, code: string) => `${appUrl.replace(/\/$/, '')}/#/${GRID_PAGE}?scene=${code}`
