/** Build-time settings, injected by Taro from config/index.ts (TARO_APP_* variables). */
export const API_URL = (process.env.TARO_APP_API_URL || 'http://127.0.0.1:3000').replace(/\/+$/, '')
export const STAGE = process.env.TARO_APP_STAGE || 'local'
export const IS_H5 = process.env.TARO_ENV === 'h5'
/** H5 has no wx.login: on the local stage the login page offers the seeded demo identities instead. */
export const DEMO_LOGIN = IS_H5 && STAGE === 'local'
