import Taro from '@tarojs/taro'
import { PAGES, safeDecode, withQuery } from '../../services/nav'

/** Opens a grid's page as a scan of its card would. */
export const openGrid = (code: string): void => void Taro.navigateTo({ url: withQuery(PAGES.grid, { scene: code }) })

/** The card code inside whatever a scan returns: a mini-program path with `scene=`, or the H5 link. */
const sceneFrom = (text: string | undefined): string | undefined => {
  const m = text ? /[?&]scene=([^&#]+)/.exec(text) : null
  return m?.[1] ? safeDecode(m[1]) : undefined
}

/** WeChat's scanner on a 网格连心服务卡: its grid page, or a toast when it is something else. */
export const scanCard = async (): Promise<void> => {
  try {
    const res = await Taro.scanCode({})
    const code = sceneFrom(res.path) ?? sceneFrom(res.result)
    if (code) openGrid(code)
    else void Taro.showToast({ title: '这不是网格连心服务卡', icon: 'none' })
  } catch {
    // The user closed the scanner.
  }
}
