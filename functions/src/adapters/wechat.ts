import QRCode from 'qrcode'
import { DomainError } from '../domain/shared/errors'
import type { WechatSessionPort } from '../domain/identity/ports'
import type { QrSource } from '../domain/grids/ports'
import { GRID_PAGE } from '../domain/grids/ports'
import type { Config } from '../config'

const call = async (url: string, init?: RequestInit): Promise<Response> => {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(5000) })
  } catch {
    throw new DomainError('auth.wechatUnavailable')
  }
}

/** WeChat's jscode2session, at `wechatApiBase` (a loopback stand-in on the local stack, the real host elsewhere). */
export const wechatSessions = (config: Config): WechatSessionPort => ({
  async exchangeCode(code) {
    const query = new URLSearchParams({ appid: config.wechatAppId, secret: config.wechatSecret, js_code: code, grant_type: 'authorization_code' })
    const res = await call(`${config.wechatApiBase}/sns/jscode2session?${query}`)
    if (!res.ok) throw new DomainError('auth.wechatUnavailable')
    const body = (await res.json().catch(() => ({}))) as { openid?: string; errcode?: number }
    if (body.errcode && body.errcode !== 0) {
      // 40029 invalid code, 40163 code used, 40226 high-risk user: the caller's code is no good.
      if ([40029, 40163, 40226].includes(body.errcode)) throw new DomainError('auth.codeInvalid')
      throw new DomainError('auth.wechatUnavailable')
    }
    if (!body.openid) throw new DomainError('auth.wechatUnavailable')
    return { openid: body.openid }
  },
})

let accessToken: { value: string; until: number } | undefined

/**
 * The card's QR. In production it is WeChat's mini-program code from getUnlimitedQRCode (page + scene =
 * the card code), which opens the mini-program directly; locally a plain QR of the H5 link.
 */
export const qrSource = (config: Config): QrSource => ({
  async qrPng(code, link) {
    if (config.qrMode === 'link') return QRCode.toBuffer(link, { type: 'png', width: 480, margin: 1, errorCorrectionLevel: 'M' })
    if (!accessToken || accessToken.until < Date.now()) {
      const q = new URLSearchParams({ grant_type: 'client_credential', appid: config.wechatAppId, secret: config.wechatSecret })
      const res = await call(`${config.wechatApiBase}/cgi-bin/token?${q}`)
      const body = (await res.json()) as { access_token?: string; expires_in?: number }
      if (!body.access_token) throw new DomainError('auth.wechatUnavailable')
      accessToken = { value: body.access_token, until: Date.now() + ((body.expires_in ?? 7200) - 300) * 1000 }
    }
    const res = await call(`${config.wechatApiBase}/wxa/getwxacodeunlimit?access_token=${accessToken.value}`, {
      method: 'POST',
      body: JSON.stringify({ scene: code, page: GRID_PAGE, check_path: false, width: 430 }),
    })
    const buf = Buffer.from(await res.arrayBuffer())
    if (!(res.headers.get('content-type') ?? '').startsWith('image/')) throw new DomainError('auth.wechatUnavailable')
    return buf
  },
})
