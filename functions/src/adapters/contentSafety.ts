import type { Config } from '../config'
import { scenes, type Suggest, type Verdict } from '../domain/moderation/model'
import type { ContentSafety } from '../domain/moderation/ports'
import { DomainError } from '../domain/shared/errors'
import { accessToken, call, dropAccessToken } from './wechat'

/*
 * WeChat's content security (内容安全) at `wechatApiBase`, with the server access token the other WeChat calls share:
 * msgSecCheck v2 for texts (a verdict now) and mediaCheckAsync v2 for photos (a trace id now, the verdict pushed
 * later to POST /wechat/push). Any failure to get an answer is `content.checkUnavailable`: the use case refuses the
 * write (503) instead of publishing something unchecked.
 */

const unavailable = () => new DomainError('content.checkUnavailable')

/** POSTs to a WeChat API with the access token, once more with a fresh token if WeChat says it went stale. */
const post = async (config: Config, path: string, body: unknown): Promise<Record<string, unknown>> => {
  for (let attempt = 0; attempt < 2; attempt++) {
    let answer: Record<string, unknown>
    try {
      const res = await call(`${config.wechatApiBase}${path}?access_token=${await accessToken(config)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      if (!res.ok) throw unavailable()
      answer = (await res.json()) as Record<string, unknown>
    } catch {
      throw unavailable()
    }
    const errcode = Number(answer.errcode ?? 0)
    if (errcode === 40001 || errcode === 42001) {
      dropAccessToken()
      continue
    }
    if (errcode !== 0) throw unavailable()
    return answer
  }
  throw unavailable()
}

const suggestOf = (s: unknown): Suggest => {
  if (s === 'pass' || s === 'review' || s === 'risky') return s
  throw unavailable()
}

export const wechatContentSafety = (config: Config): ContentSafety => ({
  async checkText({ content, scene, openid, title }) {
    const answer = await post(config, '/wxa/msg_sec_check', {
      content,
      version: 2,
      scene: scenes[scene],
      openid,
      ...(title ? { title } : {}),
    })
    const result = (answer.result ?? {}) as { suggest?: unknown; label?: unknown }
    const verdict: Verdict = { suggest: suggestOf(result.suggest), label: Number(result.label ?? 100) }
    return typeof answer.trace_id === 'string' ? { ...verdict, traceId: answer.trace_id } : verdict
  },
  async submitPhoto({ mediaUrl, scene, openid }) {
    const answer = await post(config, '/wxa/media_check_async', {
      media_url: mediaUrl,
      media_type: 2,
      version: 2,
      scene: scenes[scene],
      openid,
    })
    if (typeof answer.trace_id !== 'string' || !answer.trace_id) throw unavailable()
    return { traceId: answer.trace_id }
  },
})
