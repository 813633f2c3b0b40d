import { createHash } from 'node:crypto'
import { createServer, type Server } from 'node:http'

/**
 * A loopback stand-in for WeChat's jscode2session, so the login code path is the production one. A code
 * `demo:<name>` logs in as openid `demo-<name>` (what the seed's demo users have); any other code gets a
 * stable openid derived from it; `invalid…` codes get WeChat's own 40029 error.
 */
export const openidForCode = (code: string): string =>
  code.startsWith('demo:') ? `demo-${code.slice(5)}` : `o${createHash('sha256').update(code).digest('base64url').slice(0, 27)}`

export const startWechatStandIn = (port: number): Promise<Server> =>
  new Promise((resolve) => {
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost')
      res.setHeader('content-type', 'application/json')
      if (url.pathname !== '/sns/jscode2session') {
        res.statusCode = 404
        return res.end(JSON.stringify({ errcode: 404, errmsg: 'not found' }))
      }
      const code = url.searchParams.get('js_code') ?? ''
      if (!code || code.startsWith('invalid') || !url.searchParams.get('appid') || !url.searchParams.get('secret')) {
        return res.end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }))
      }
      res.end(JSON.stringify({ openid: openidForCode(code), session_key: createHash('md5').update(code).digest('base64') }))
    })
    server.listen(port, '127.0.0.1', () => resolve(server))
  })
