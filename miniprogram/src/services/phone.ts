import Taro from '@tarojs/taro'
import { IS_H5 } from './env'

/**
 * Calls a number. In WeChat, wx.makePhoneCall opens the call sheet. The H5 build is the local demo and test
 * stand-in for the mini-program: there the caller shows the full number instead of following a tel: URL,
 * because in a browser without a dialler (desktop, headless Chromium) a tel: navigation leaves the page
 * unable to navigate or take clicks any more.
 */
export const dial = async (phoneNumber: string): Promise<void> => {
  if (IS_H5) {
    void Taro.showToast({ title: `请拨打 ${phoneNumber}`, icon: 'none', duration: 2000 })
    return
  }
  // The user may cancel the call sheet: that is not an error.
  await Taro.makePhoneCall({ phoneNumber }).catch(() => undefined)
}
