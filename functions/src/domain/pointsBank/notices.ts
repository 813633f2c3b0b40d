import type { Notice, QueuedNotice } from '../notifications/model'
import { beijingTime } from '../notifications/deliver'
import type { RedemptionRecord, ShopItemRecord } from './model'

/** The points bank's WeChat messages, all on the `points` topic (contracts/notifications.ts). */
export const REDEMPTION_PAGE = '/packages/points/pages/redemption/index'
export const ITEMS_PAGE = '/packages/points/pages/items/index'

const subjectOf = (r: RedemptionRecord) => ({
  kind: 'redemption',
  id: r.redemptionId,
  title: r.itemName,
  page: `${REDEMPTION_PAGE}?redemptionId=${r.redemptionId}`,
})
const day = (iso: string) => beijingTime(iso).slice(5, 10).replace('-', '月') + '日'

export const redemptionReady = (r: RedemptionRecord, at: string): Notice => ({
  communityId: r.communityId,
  subject: subjectOf(r),
  topic: 'points',
  kind: 'redemptionReady',
  text: `兑换成功，请于${day(r.deadline)}前到${r.pickupPlace}领取`,
  at,
  audience: { kind: 'users', userIds: [r.userId] },
})

/** The reminder a day before the deadline; its id is fixed, so a rerun of the job queues it once. */
export const pickupReminder = (r: RedemptionRecord, at: string): QueuedNotice => ({
  communityId: r.communityId,
  subject: subjectOf(r),
  topic: 'points',
  kind: 'pickupExpiring',
  text: `领取码明天到期，请尽快到${r.pickupPlace}领取`,
  at,
  audience: { kind: 'users', userIds: [r.userId] },
  noticeId: `${at}#reminder`,
})

export const lowStock = (item: ShopItemRecord, stock: number, communityPath: string, at: string): Notice => ({
  communityId: item.communityId,
  subject: {
    kind: 'shopItem',
    id: item.itemId,
    title: item.name,
    page: `${ITEMS_PAGE}?communityId=${item.communityId}`,
  },
  topic: 'points',
  kind: 'lowStock',
  text: stock > 0 ? `库存只剩${stock}件，请及时补货` : '已兑完，请及时补货',
  at,
  audience: { kind: 'role', role: 'communityAdmin', placePath: communityPath },
})
