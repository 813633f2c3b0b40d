import Taro from '@tarojs/taro'

/*
 * 长辈模式 / 大字版 (care mode): larger type and larger touch targets (styles/tokens.scss `.is-care`). The user
 * switches it in 我的; until they do, it follows the phone: on when WeChat's font size (我-设置-通用-字体大小) is
 * set large, or, in H5, when the browser's default font size is. The choice is kept on this device.
 */

const KEY = 'gridlink.care'

/** WeChat: a font scale of 1.15× (or a font size of 20 px) or more counts as large. */
const LARGE_SCALE = 1.15
const LARGE_FONT_PX = 20

/** What the phone says, read once: is its font set large? */
const systemLarge = (): boolean => {
  try {
    if (process.env.TARO_ENV === 'h5') {
      // The user's default font size: `medium` resolves to it, whatever the page's own root size is.
      const probe = document.createElement('div')
      probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium'
      document.body.appendChild(probe)
      const px = parseFloat(getComputedStyle(probe).fontSize)
      probe.remove()
      return px >= LARGE_FONT_PX
    }
    if (typeof wx !== 'undefined' && typeof wx.getAppBaseInfo === 'function') {
      const info = wx.getAppBaseInfo()
      return (info.fontSizeScaleFactor ?? 1) >= LARGE_SCALE || (info.fontSizeSetting ?? 0) >= LARGE_FONT_PX
    }
  } catch {
    // An old base library or no DOM yet: standard size.
  }
  return false
}

const stored = (): boolean | undefined => {
  const raw: unknown = Taro.getStorageSync(KEY)
  return raw && typeof raw === 'object' && typeof (raw as { on?: unknown }).on === 'boolean'
    ? (raw as { on: boolean }).on
    : undefined
}

let current: boolean | undefined
let followsSystem = true
const listeners = new Set<() => void>()

/** Is care mode on? The user's choice on this device, else the phone's font setting. */
export const isCare = (): boolean => {
  if (current === undefined) {
    const choice = stored()
    followsSystem = choice === undefined
    current = choice ?? systemLarge()
  }
  return current
}

/** True while the user has not chosen: the mode follows the phone's font setting. */
export const careFollowsSystem = (): boolean => {
  isCare()
  return followsSystem
}

/** The user's choice, remembered on this device; every page re-renders with it. */
export const setCare = (on: boolean): void => {
  Taro.setStorageSync(KEY, { on, setAt: new Date().toISOString() })
  current = on
  followsSystem = false
  for (const l of listeners) l()
}

export const subscribeCare = (listener: () => void): (() => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
