import Taro from '@tarojs/taro'
import { IS_H5 } from './env'

/**
 * Reads a QR code with the camera (wx.scanCode): the one place the app does. A browser has no camera scanner, so
 * the H5 browser tests stand in for it here, at this boundary: `window.__gridlinkScanCode` returns what was
 * "scanned". Nothing else of the app or the server knows about it.
 */
export const scanQr = async (): Promise<string> => {
  const stub = IS_H5
    ? (globalThis as { __gridlinkScanCode?: () => Promise<{ result: string }> }).__gridlinkScanCode
    : undefined
  const res = stub ? await stub() : await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] })
  return res.result
}
