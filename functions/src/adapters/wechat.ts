import { DomainError } from '../domain/shared/errors'
import type { WechatSessionPort } from '../domain/identity/ports'
import type { SubscribeSender } from '../domain/notifications/ports'
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
    const query = new URLSearchParams({
      appid: config.wechatAppId,
      secret: config.wechatSecret,
      js_code: code,
      grant_type: 'authorization_code',
    })
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

let token: { value: string; until: number } | undefined

/** WeChat said the token went stale (40001/42001): the next call fetches a new one. */
export const dropAccessToken = () => {
  token = undefined
}

/** The mini-program's server access token (cgi-bin/token), cached until five minutes before it expires. */
export const accessToken = async (config: Config): Promise<string> => {
  if (!token || token.until < Date.now()) {
    const q = new URLSearchParams({
      grant_type: 'client_credential',
      appid: config.wechatAppId,
      secret: config.wechatSecret,
    })
    const res = await call(`${config.wechatApiBase}/cgi-bin/token?${q}`)
    const body = (await res.json().catch(() => ({}))) as { access_token?: string; expires_in?: number }
    if (!body.access_token) throw new DomainError('auth.wechatUnavailable')
    token = { value: body.access_token, until: Date.now() + ((body.expires_in ?? 7200) - 300) * 1000 }
  }
  return token.value
}

/**
 * WeChat's subscribeMessage.send. 43101: the user has not agreed (or turned the messages off); 40001/42001: the
 * token went stale (dropped, so the next send fetches a new one). `miniprogram_state` opens the right version.
 */
export const subscribeSender = (config: Config): SubscribeSender => ({
  async send(message) {
    try {
      const res = await call(
        `${config.wechatApiBase}/cgi-bin/message/subscribe/send?access_token=${await accessToken(config)}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            touser: message.openid,
            template_id: message.templateId,
            page: message.page,
            data: message.data,
            miniprogram_state: config.stage === 'prod' ? 'formal' : 'trial',
            lang: 'zh_CN',
          }),
        },
      )
      const body = (await res.json().catch(() => ({}))) as { errcode?: number }
      if (!body.errcode) return 'sent'
      if (body.errcode === 43101) return 'refused'
      if (body.errcode === 40001 || body.errcode === 42001) token = undefined
      return 'failed'
    } catch {
      return 'failed'
    }
  },
})
