import Taro from '@tarojs/taro'
import type { PublicCard } from '@contracts/grids'

const KEY = 'gridlink.lastCard'

/** The card opened last: the home tab reopens it, the binding form takes its buildings. */
export interface LastCard {
  code: string
  card: PublicCard
  savedAt: string
}

export const getLastCard = (): LastCard | null => {
  const raw: unknown = Taro.getStorageSync(KEY)
  if (!raw || typeof raw !== 'object') return null
  const v = raw as Partial<LastCard>
  return typeof v.code === 'string' && v.card && typeof v.card === 'object' ? (v as LastCard) : null
}

export const saveLastCard = (code: string, card: PublicCard): void => {
  Taro.setStorageSync(KEY, { code, card, savedAt: new Date().toISOString() })
}

export const forgetLastCard = (code?: string): void => {
  if (code === undefined || getLastCard()?.code === code) Taro.removeStorageSync(KEY)
}
