import Taro from '@tarojs/taro'
import type { Session } from '@contracts/identity'

const KEY = 'gridlink.session'

export type StoredSession = Pick<Session, 'token' | 'userId' | 'expiresAt'>

/** A session was here and ran out (or the API refused it): the login page then says 登录已失效. */
let expired = false
export const sessionExpired = (): boolean => expired
export const markSessionExpired = (): void => {
  expired = true
}

/** The session saved at login, or null when there is none or it has expired. */
export const getSession = (): StoredSession | null => {
  const raw: unknown = Taro.getStorageSync(KEY)
  if (!raw || typeof raw !== 'object') return null
  const s = raw as Partial<StoredSession>
  if (typeof s.token !== 'string' || typeof s.userId !== 'string' || typeof s.expiresAt !== 'string') return null
  if (Date.parse(s.expiresAt) <= Date.now()) {
    clearSession()
    expired = true
    return null
  }
  return { token: s.token, userId: s.userId, expiresAt: s.expiresAt }
}

export const isLoggedIn = (): boolean => getSession() !== null

export const saveSession = (session: StoredSession): void => {
  expired = false
  Taro.setStorageSync(KEY, { token: session.token, userId: session.userId, expiresAt: session.expiresAt })
}

export const clearSession = (): void => {
  Taro.removeStorageSync(KEY)
}
