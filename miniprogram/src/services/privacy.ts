import Taro from '@tarojs/taro'
import { PRIVACY_VERSION } from '../lib/privacyVersion'

/*
 * The privacy notice (隐私保护指引) and the user's consent, asked at first login and whenever WeChat needs it
 * (it holds back a privacy API — scanCode, chooseImage, makePhoneCall… — until the user agrees, when app.json
 * has `__usePrivacyCheck__`). The consent is kept on this device with the notice's version; a new version asks again.
 */

const KEY = 'gridlink.privacy'
export { PRIVACY_VERSION }
/** The id of the agree button: WeChat checks that this very button was tapped. */
export const AGREE_BUTTON_ID = 'privacy-agree'

type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void

let pending: Resolve[] = []
const listeners = new Set<() => void>()
const notify = () => {
  for (const l of listeners) l()
}

export const hasAgreed = (): boolean => {
  const raw: unknown = Taro.getStorageSync(KEY)
  return Boolean(raw && typeof raw === 'object' && (raw as { version?: unknown }).version === PRIVACY_VERSION)
}

/** WeChat is waiting for an answer (a privacy API is held back): the notice sheet shows on the page on screen. */
export const privacyAsked = (): boolean => pending.length > 0

export const agreePrivacy = (): void => {
  Taro.setStorageSync(KEY, { version: PRIVACY_VERSION, agreedAt: new Date().toISOString() })
  for (const resolve of pending) resolve({ event: 'agree', buttonId: AGREE_BUTTON_ID })
  pending = []
  notify()
}

export const declinePrivacy = (): void => {
  for (const resolve of pending) resolve({ event: 'disagree' })
  pending = []
  notify()
}

export const subscribePrivacy = (listener: () => void): (() => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Registered once at launch (app.tsx): WeChat's call to show the notice. */
export const listenForPrivacyRequests = (): void => {
  if (process.env.TARO_ENV !== 'weapp') return
  try {
    Taro.onNeedPrivacyAuthorization((resolve) => {
      pending.push(resolve)
      resolve({ event: 'exposureAuthorization' })
      notify()
    })
  } catch {
    // An old base library without the privacy check: nothing is held back.
  }
}
