import type { IdentityStore } from '../identity/ports'
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

/** What is open in a community, for the card's counts: each capability with open work over places says where. */
export interface OpenWork {
  /** Open items of a community, each with the place it concerns and whether it is a poll now. */
  openInCommunity(
    communityId: string,
  ): Promise<{ scope: { type: 'building' | 'compound' | 'community'; id: string }; polling: boolean }[]>
}

export interface GridDeps {
  structure: StructureStore
  identity: IdentityStore
  /** The community's open matters (deliberation provides it; the wiring passes it in). */
  openMatters: OpenWork
  /** How many wishes wait for a claimant on the grid's wall (micro-wishes provides it; the wiring passes it in). */
  openWishes?: { onWall(gridId: string): Promise<number> }
  cardSecret: string
  appUrl: string
  printer: CardPrinter
  qr: QrSource
}

/** The mini-program page a card opens; the scene carries the card code. */
export const GRID_PAGE = 'pages/grid/index'
export const cardLink = (appUrl: string, code: string) => `${appUrl.replace(/\/$/, '')}/#/${GRID_PAGE}?scene=${code}`
