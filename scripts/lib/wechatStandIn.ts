import { createHash, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'

/**
 * A loopback stand-in for the WeChat server APIs the functions call, so their code paths are the production
 * ones:
 * - `GET /sns/jscode2session`: a code `demo:<name>` logs in as openid `demo-<name>` (what the seed's demo users
 *   have); any other code gets a stable openid derived from it; `invalid…` codes get WeChat's own 40029 error.
 * - `GET /cgi-bin/token`: an access token for any app id and secret.
 * - `POST /cgi-bin/message/subscribe/send`: accepts the subscribe message and keeps it — the local sink of
 *   notifications: `GET /_sink/subscribe-messages` lists what was sent (`?touser=<openid>` filters). An openid
 *   starting with `refuse-` answers 43101, as WeChat does for a user who turned the messages off.
 * - `POST /wxa/msg_sec_check` (content security, text, v2): a text containing 「违规测试」 is `risky`, one containing
 *   「待审测试」 is `review`, one containing 「故障测试」 gets WeChat's system error (-1); anything else passes.
 * - `POST /wxa/media_check_async` (content security, image, v2): answers a trace id at once and decides by the image:
 *   it fetches `media_url` only when it is on this machine (loopback; never anything it cannot reach) and looks for
 *   the bytes `GRIDLINK-RISKY-IMAGE` (risky) or `GRIDLINK-REVIEW-IMAGE` (review) in the image, else in the URL.
 *   After `pushDelayMs` it pushes the verdict as WeChat's `wxa_media_check` event, signed with `pushToken`, to
 *   `pushUrl` (the API's POST /wechat/push) when it has one. Every check, with the exact signed push it makes, is
 *   kept at `GET /_sink/media-checks` (`?pending=true`: not yet delivered), so tests that call the handlers
 *   in-process deliver it themselves.
 */
export const openidForCode = (code: string): string =>
  code.startsWith('demo:')
    ? `demo-${code.slice(5)}`
    : `o${createHash('sha256').update(code).digest('base64url').slice(0, 27)}`

export interface SentSubscribeMessage {
  touser: string
  template_id: string
  page: string
  data: Record<string, { value: string }>
  miniprogram_state?: string
  at: string
}

/** A photo check as WeChat would push its verdict: the signed query and the JSON body of the `wxa_media_check` event. */
export interface MediaCheck {
  traceId: string
  mediaUrl: string
  openid: string
  scene: number
  suggest: 'pass' | 'review' | 'risky'
  label: number
  at: string
  delivered: boolean
  push: { query: { signature: string; timestamp: string; nonce: string }; body: Record<string, unknown> }
}

export interface StandInOptions {
  /** The API's message-push URL (POST /wechat/push); without it the verdicts wait at /_sink/media-checks. */
  pushUrl?: string
  /** The push Token (the API's WECHAT_PUSH_TOKEN): WeChat signs every push with it. */
  pushToken?: string
  pushDelayMs?: number
  /** Test words: a text containing one is risky / sent for review. */
  riskyWords?: string[]
  reviewWords?: string[]
}

export const RISKY_IMAGE_MARKER = 'GRIDLINK-RISKY-IMAGE'
export const REVIEW_IMAGE_MARKER = 'GRIDLINK-REVIEW-IMAGE'

const isLoopback = (url: string) => {
  try {
    const host = new URL(url).hostname
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]'
  } catch {
    return false
  }
}

/** The verdict on an image: by its bytes when it can be fetched here, else by its URL. */
const judgeImage = async (mediaUrl: string): Promise<{ suggest: MediaCheck['suggest']; label: number }> => {
  let seen = mediaUrl
  if (isLoopback(mediaUrl)) {
    try {
      const res = await fetch(mediaUrl, { signal: AbortSignal.timeout(2000) })
      if (res.ok) seen = Buffer.from(await res.arrayBuffer()).toString('latin1')
    } catch {
      // Not reachable after all: decide by the URL.
    }
  }
  if (seen.includes(RISKY_IMAGE_MARKER)) return { suggest: 'risky', label: 20002 }
  if (seen.includes(REVIEW_IMAGE_MARKER)) return { suggest: 'review', label: 20012 }
  return { suggest: 'pass', label: 100 }
}

const sign = (token: string, timestamp: string, nonce: string) =>
  createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex')

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
    req.on('end', () => resolve(body))
  })

export const startWechatStandIn = (
  port: number,
  options: StandInOptions = {},
): Promise<Server & { sent: SentSubscribeMessage[]; mediaChecks: MediaCheck[] }> =>
  new Promise((resolve) => {
    const sent: SentSubscribeMessage[] = []
    const mediaChecks: MediaCheck[] = []
    const riskyWords = options.riskyWords ?? ['违规测试']
    const reviewWords = options.reviewWords ?? ['待审测试']
    const deliver = async (check: MediaCheck) => {
      if (!options.pushUrl || check.delivered) return
      try {
        const res = await fetch(`${options.pushUrl}?${new URLSearchParams(check.push.query)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(check.push.body),
          signal: AbortSignal.timeout(10_000),
        })
        if (res.ok) check.delivered = true
      } catch {
        // The API is not up (yet): the check stays pending at /_sink/media-checks.
      }
    }
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost')
      res.setHeader('content-type', 'application/json')
      const reply = (body: unknown) => res.end(JSON.stringify(body))
      if (url.pathname === '/sns/jscode2session') {
        const code = url.searchParams.get('js_code') ?? ''
        if (!code || code.startsWith('invalid') || !url.searchParams.get('appid') || !url.searchParams.get('secret')) {
          return reply({ errcode: 40029, errmsg: 'invalid code' })
        }
        return reply({ openid: openidForCode(code), session_key: createHash('md5').update(code).digest('base64') })
      }
      if (url.pathname === '/cgi-bin/token') {
        if (!url.searchParams.get('appid') || !url.searchParams.get('secret'))
          return reply({ errcode: 40013, errmsg: 'invalid appid' })
        return reply({ access_token: `local-token-${Date.now()}`, expires_in: 7200 })
      }
      if (url.pathname === '/cgi-bin/message/subscribe/send' && req.method === 'POST') {
        if (!url.searchParams.get('access_token')) return reply({ errcode: 41001, errmsg: 'access_token missing' })
        void readBody(req).then((text) => {
          const message = JSON.parse(text || '{}') as Omit<SentSubscribeMessage, 'at'>
          if (!message.touser || !message.template_id) return reply({ errcode: 47003, errmsg: 'argument invalid' })
          if (message.touser.startsWith('refuse-'))
            return reply({ errcode: 43101, errmsg: 'user refuse to accept the msg' })
          sent.push({ ...message, at: new Date().toISOString() })
          reply({ errcode: 0, errmsg: 'ok' })
        })
        return
      }
      if (url.pathname === '/wxa/msg_sec_check' && req.method === 'POST') {
        if (!url.searchParams.get('access_token')) return reply({ errcode: 41001, errmsg: 'access_token missing' })
        void readBody(req).then((text) => {
          const body = JSON.parse(text || '{}') as {
            content?: string
            version?: number
            scene?: number
            openid?: string
          }
          if (
            typeof body.content !== 'string' ||
            body.version !== 2 ||
            !body.openid ||
            ![1, 2, 3, 4].includes(Number(body.scene))
          )
            return reply({ errcode: 47001, errmsg: 'data format error' })
          if (body.content.includes('故障测试')) return reply({ errcode: -1, errmsg: 'system error' })
          const traceId = `local-text-${randomBytes(6).toString('hex')}`
          const suggest = riskyWords.some((w) => body.content!.includes(w))
            ? 'risky'
            : reviewWords.some((w) => body.content!.includes(w))
              ? 'review'
              : 'pass'
          const label = suggest === 'risky' ? 21000 : suggest === 'review' ? 20003 : 100
          reply({
            errcode: 0,
            errmsg: 'ok',
            result: { suggest, label },
            detail: [{ strategy: 'content_model', errcode: 0, suggest, label }],
            trace_id: traceId,
          })
        })
        return
      }
      if (url.pathname === '/wxa/media_check_async' && req.method === 'POST') {
        if (!url.searchParams.get('access_token')) return reply({ errcode: 41001, errmsg: 'access_token missing' })
        void readBody(req).then(async (text) => {
          const body = JSON.parse(text || '{}') as {
            media_url?: string
            media_type?: number
            version?: number
            scene?: number
            openid?: string
          }
          if (!body.media_url || body.media_type !== 2 || body.version !== 2 || !body.openid)
            return reply({ errcode: 47001, errmsg: 'data format error' })
          const traceId = `local-media-${randomBytes(8).toString('hex')}`
          reply({ errcode: 0, errmsg: 'ok', trace_id: traceId })
          const verdict = await judgeImage(body.media_url)
          const timestamp = String(Math.floor(Date.now() / 1000))
          const nonce = randomBytes(6).toString('hex')
          const check: MediaCheck = {
            traceId,
            mediaUrl: body.media_url,
            openid: body.openid,
            scene: Number(body.scene ?? 0),
            ...verdict,
            at: new Date().toISOString(),
            delivered: false,
            push: {
              query: { signature: sign(options.pushToken ?? '', timestamp, nonce), timestamp, nonce },
              body: {
                ToUserName: 'gh_localstandin',
                FromUserName: body.openid,
                CreateTime: Number(timestamp),
                MsgType: 'event',
                Event: 'wxa_media_check',
                appid: 'wxlocaldemo00000000',
                trace_id: traceId,
                version: 2,
                detail: [
                  { strategy: 'content_model', errcode: 0, suggest: verdict.suggest, label: verdict.label, prob: 90 },
                ],
                errcode: 0,
                errmsg: 'ok',
                result: verdict,
              },
            },
          }
          mediaChecks.push(check)
          setTimeout(() => void deliver(check), options.pushDelayMs ?? 500)
        })
        return
      }
      if (url.pathname === '/_sink/media-checks') {
        const pending = url.searchParams.get('pending') === 'true'
        const openid = url.searchParams.get('openid')
        return reply({
          items: mediaChecks.filter((c) => (!pending || !c.delivered) && (!openid || c.openid === openid)),
        })
      }
      if (url.pathname === '/_sink/subscribe-messages') {
        const touser = url.searchParams.get('touser')
        return reply({ items: touser ? sent.filter((m) => m.touser === touser) : sent })
      }
      res.statusCode = 404
      reply({ errcode: 404, errmsg: 'not found' })
    })
    server.listen(port, '127.0.0.1', () => resolve(Object.assign(server, { sent, mediaChecks })))
  })
