import Taro from '@tarojs/taro'

/** The grid a member of staff chose on 首页 (they serve several), kept on this device. */
const KEY = 'gridlink.homeGrid'

export const getGridChoice = (): string | undefined => {
  const raw: unknown = Taro.getStorageSync(KEY)
  return typeof raw === 'string' && raw !== '' ? raw : undefined
}

export const saveGridChoice = (gridId: string): void => Taro.setStorageSync(KEY, gridId)
