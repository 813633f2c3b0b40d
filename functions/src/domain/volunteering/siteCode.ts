import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * The on-site code (现场签到码) the organiser's phone shows full screen: `GLV1.<activityId>.<window>.<mac>`, where the
 * window is the 30-second slot of the clock and the MAC an HMAC-SHA256 over the activity and the window under a key
 * only the server holds. The code on screen changes every window; a scan is accepted in its own window and the one
 * after (a scan near the turn of the window, a slow network), never later, so a photo of the code sent to someone
 * at home is worth a minute at most — and they must still be inside the radius.
 */
export const WINDOW_SECONDS = 30
const PREFIX = 'GLV1'
const MAC_LENGTH = 22

export const windowAt = (now: Date) => Math.floor(now.getTime() / (WINDOW_SECONDS * 1000))

const mac = (secret: string, activityId: string, window: number) =>
  createHmac('sha256', secret).update(`${PREFIX}|${activityId}|${window}`).digest('base64url').slice(0, MAC_LENGTH)

export const signSiteCode = (secret: string, activityId: string, window: number) =>
  `${PREFIX}.${activityId}.${window}.${mac(secret, activityId, window)}`

/** The code on screen now, and when it stops being the current one. */
export const currentSiteCode = (secret: string, activityId: string, now: Date) => {
  const window = windowAt(now)
  return {
    code: signSiteCode(secret, activityId, window),
    validUntil: new Date((window + 1) * WINDOW_SECONDS * 1000).toISOString(),
  }
}

export type SiteCodeCheck = 'ok' | 'badCode' | 'wrongActivity' | 'expired'

/**
 * Reads a scanned code against the activity the volunteer is checking in to. A code that is not ours at all (or
 * was altered) is `badCode`; a genuine code of another activity `wrongActivity`; a genuine code of this one older
 * than the previous window (or from the future) `expired`.
 */
export const checkSiteCode = (secret: string, activityId: string, scanned: string, now: Date): SiteCodeCheck => {
  // A QR read by the phone's own scanner may carry the code inside a link (…?site=<code>).
  const text = /[?&]site=([^&#]+)/.exec(scanned)?.[1] ?? scanned.trim()
  const parts = decodeURIComponent(text).split('.')
  if (
    parts.length !== 4 ||
    parts[0] !== PREFIX ||
    !/^\d{1,12}$/.test(parts[2]!) ||
    !/^[0-9A-Za-z_-]{1,64}$/.test(parts[1]!)
  )
    return 'badCode'
  const [, codeActivity, w, given] = parts as [string, string, string, string]
  const window = Number(w)
  const expected = Buffer.from(mac(secret, codeActivity, window))
  const got = Buffer.from(given)
  if (got.length !== expected.length || !timingSafeEqual(got, expected)) return 'badCode'
  if (codeActivity !== activityId) return 'wrongActivity'
  const current = windowAt(now)
  return window === current || window === current - 1 ? 'ok' : 'expired'
}

/** The signing key of site codes: derived from the card secret, so no other secret needs deploying; a change retires every code at once. */
export const siteCodeKey = (cardSecret: string) =>
  createHmac('sha256', cardSecret).update('gridlink/volunteering/site-code').digest('hex')
