import { createHash } from 'node:crypto'
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
 */
export const openidForCode = (code: string): string =>
  code.startsWith('demo:') ? `demo-${code.slice(5)}` : `o${createHash('sha256').update(code).digest('base64url').slice(0, 27)}`

export interface SentSubscribeMessage {
  touser: string
  template_id: string
  page: string
  data: Record<string, { value: string }>
  miniprogram_state?: string
  at: string
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
    req.on('end', () => resolve(body))
  })

export const startWechatStandIn = (port: number): Promise<Server & { sent: SentSubscribeMessage[] }> =>
  new Promise((resolve) => {
    const sent: SentSubscribeMessage[] = []
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
        if (!url.searchParams.get('appid') || !url.searchParams.get('secret')) return reply({ errcode: 40013, errmsg: 'invalid appid' })
        return reply({ access_token: `local-token-${Date.now()}`, expires_in: 7200 })
      }
      if (url.pathname === '/cgi-bin/message/subscribe/send' && req.method === 'POST') {
        if (!url.searchParams.get('access_token')) return reply({ errcode: 41001, errmsg: 'access_token missing' })
        void readBody(req).then((text) => {
          const message = JSON.parse(text || '{}') as Omit<SentSubscribeMessage, 'at'>
          if (!message.touser || !message.template_id) return reply({ errcode: 47003, errmsg: 'argument invalid' })
          if (message.touser.startsWith('refuse-')) return reply({ errcode: 43101, errmsg: 'user refuse to accept the msg' })
          sent.push({ ...message, at: new Date().toISOString() })
          reply({ errcode: 0, errmsg: 'ok' })
        })
        return
      }
      if (url.pathname === '/_sink/subscribe-messages') {
        const touser = url.searchParams.get('touser')
        return reply({ items: touser ? sent.filter((m) => m.touser === touser) : sent })
      }
      res.statusCode = 404
      reply({ errcode: 404, errmsg: 'not found' })
    })
    server.listen(port, '127.0.0.1', () => resolve(Object.assign(server, { sent })))
  })
