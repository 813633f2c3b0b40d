import QRCode from 'qrcode'
import { DomainError } from '../domain/shared/errors'
import type { QrSource } from '../domain/grids/ports'
import { GRID_PAGE } from '../domain/grids/ports'
import type { Config } from '../config'
import { accessToken, call } from './wechat'

/**
 * The card's QR. In production it is WeChat's mini-program code from getUnlimitedQRCode (page + scene =
 * the card code), which opens the mini-program directly; locally a plain QR of the H5 link.
 */
export const qrSource = (config: Config): QrSource => ({
  async qrPng(code, link) {
    if (config.qrMode === 'link')
      return QRCode.toBuffer(link, { type: 'png', width: 480, margin: 1, errorCorrectionLevel: 'M' })
    const res = await call(`${config.wechatApiBase}/wxa/getwxacodeunlimit?access_token=${await accessToken(config)}`, {
      method: 'POST',
      body: JSON.stringify({ scene: code, page: GRID_PAGE, check_path: false, width: 430 }),
    })
    const buf = Buffer.from(await res.arrayBuffer())
    if (!(res.headers.get('content-type') ?? '').startsWith('image/')) throw new DomainError('auth.wechatUnavailable')
    return buf
  },
})
