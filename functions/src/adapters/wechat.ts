import { DomainError } from '../domain/shared/errors'
import type { WechatSessionPort } from '../domain/identity/ports'
import type { Config } from '../config'

export const call = async (url: string, init?: RequestInit): Promise<Response> => {
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

