import Taro from '@tarojs/taro'

/*
 * The phone's two jobs at 实地报到: read the organiser's code with the camera (wx.scanCode) and say where it is
 * (wx.getLocation, gcj02, with how accurate that is). Both ask the user; a refusal or a closed scanner is told in
 * plain words. In H5 Taro calls the WeChat JS-SDK's wx.scanQRCode / wx.getLocation when the page has them (the
 * browser tests stub exactly those), and the browser's geolocation otherwise.
 */
export class SiteProblem extends Error {}

export const scanSiteCode = async (): Promise<string> => {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
    if (!res.result) throw new SiteProblem('没有读到签到码，请对准组织者手机上的二维码再扫一次')
    return res.result
  } catch (e) {
    if (e instanceof SiteProblem) throw e
    throw new SiteProblem('没有完成扫码。请对准组织者手机上的签到码，再点一次按钮')
  }
}

export const locate = async (): Promise<{ latitude: number; longitude: number; accuracy: number }> => {
  try {
    const res = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true, highAccuracyExpireTime: 4000 })
    return { latitude: res.latitude, longitude: res.longitude, accuracy: Math.round(res.accuracy ?? 0) }
  } catch {
    throw new SiteProblem('无法获取位置。请在手机设置中允许微信使用定位，签到需要确认您在活动现场')
  }
}
