import { z } from 'zod'
import { defineRoute, Id } from './common'

/** The card code: fits WeChat's 32-character `scene`, letters and digits only. */
export const CardCode = z.string().regex(/^[0-9a-z]{8,32}$/, '服务卡编码格式不正确')

export const CardPerson = z.object({
  name: z.string(),
  /** Masked for the public card, e.g. 138****5678; the full number only through `getGridContact`. */
  phoneMasked: z.string().optional(),
  photoUrl: z.string().optional(),
})

export const PublicCard = z.object({
  gridId: Id,
  gridName: z.string(),
  communityName: z.string(),
  streetName: z.string(),
  compoundNames: z.array(z.string()),
  worker: CardPerson.nullable(),
  buildings: z.array(
    z.object({
      buildingId: Id,
      name: z.string(),
      compoundName: z.string(),
      heads: z.array(CardPerson),
    }),
  ),
  partyHouseholds: z.array(z.object({ name: z.string(), address: z.string() })),
  openCounts: z.object({
    matters: z.number().int(),
    polls: z.number().int(),
    wishes: z.number().int(),
    activities: z.number().int(),
  }),
})
export type PublicCard = z.infer<typeof PublicCard>

export const getCard = defineRoute({
  operationId: 'getCard',
  method: 'GET',
  path: '/cards/{code}',
  summary: '扫码打开网格连心服务卡（无需登录）；伪造或篡改的编码一律返回同一错误',
  auth: 'public',
  params: z.object({ code: z.string().max(64) }),
  response: PublicCard,
  errors: ['card.invalid'],
})

export const getGridContact = defineRoute({
  operationId: 'getGridContact',
  method: 'GET',
  path: '/grids/{gridId}/contact',
  summary: '网格员完整电话（登录后一键拨打）',
  auth: 'user',
  params: z.object({ gridId: Id }),
  response: z.object({ name: z.string(), phone: z.string() }),
  errors: ['auth.required', 'grid.notFound'],
})

export const getBuildingHeadContacts = defineRoute({
  operationId: 'getBuildingHeadContacts',
  method: 'GET',
  path: '/buildings/{buildingId}/head-contacts',
  summary: '楼长完整电话（登录后一键拨打，与服务卡上的楼长同序）',
  auth: 'user',
  params: z.object({ buildingId: Id }),
  response: z.object({ items: z.array(z.object({ name: z.string(), phone: z.string() })) }),
  errors: ['auth.required', 'building.notFound'],
})

export const getCardCode = defineRoute({
  operationId: 'getCardCode',
  method: 'GET',
  path: '/grids/{gridId}/card-code',
  summary: '网格的服务卡编码与链接（工作人员）',
  auth: 'user',
  params: z.object({ gridId: Id }),
  response: z.object({ gridId: Id, code: CardCode, link: z.string(), page: z.string() }),
  errors: ['auth.required', 'auth.forbidden', 'grid.notFound'],
})

export const printGridCard = defineRoute({
  operationId: 'printGridCard',
  method: 'GET',
  path: '/grids/{gridId}/card-print',
  summary: '打印一个网格的服务卡（A5 PDF，中文，含二维码）',
  auth: 'user',
  params: z.object({ gridId: Id }),
  response: z.any(),
  binary: 'application/pdf',
  errors: ['auth.required', 'auth.forbidden', 'grid.notFound', 'card.fontMissing'],
})

export const printCommunityCards = defineRoute({
  operationId: 'printCommunityCards',
  method: 'GET',
  path: '/communities/{communityId}/card-print',
  summary: '打印整个社区所有网格的服务卡（PDF，每页一张）',
  auth: 'user',
  params: z.object({ communityId: Id }),
  response: z.any(),
  binary: 'application/pdf',
  errors: ['auth.required', 'auth.forbidden', 'community.notFound', 'card.fontMissing'],
})

export const gridRoutes = {
  getCard,
  getGridContact,
  getBuildingHeadContacts,
  getCardCode,
  printGridCard,
  printCommunityCards,
}
