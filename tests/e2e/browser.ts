import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { expect, inject } from 'vitest'
import { PRIVACY_VERSION } from '../../miniprogram/src/lib/privacyVersion'

export const ARTIFACTS = join(__dirname, 'artifacts')
mkdirSync(ARTIFACTS, { recursive: true })

/** Debian's chromium, never a downloaded browser; flags that keep it off the network. */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
}

export const launch = (): Promise<Browser> => chromium.launch(CHROMIUM)

const e2e = inject('e2e')

/** One call to the stack's HTTP API, as a test sets the scene or checks an outcome. */
export const api = async (method: string, path: string, token?: string, body?: unknown) => {
  const res = await fetch(`${e2e.apiUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as any }
}

/** A session token for a demo identity (local stage). */
export const demoToken = async (key: string) =>
  (await api('POST', '/auth/demo-login', undefined, { key })).body.token as string

/** The page on screen: earlier pages stay in the DOM, hidden. */
export const shown = (page: Page) => page.locator('.taro_page:visible')

/**
 * Answers the dialog that stands in for WeChat's subscribe-message sheet in H5 (after 提交提议 or 确认投票),
 * then waits for it to go. Taro spells its modal's buttons `taro-model__…`; the wrapper has no box of its own,
 * so the open dialog is its visible content.
 */
export const answerConsent = async (page: Page, allow: boolean) => {
  await page.locator(allow ? '.taro-model__confirm' : '.taro-model__cancel').click()
  await expect.poll(() => page.locator('.taro-modal__content:visible').count()).toBe(0)
}

/**
 * Picks a demo identity on the login page, as a person would: on a device that has not agreed to the privacy notice
 * yet, the page shows the notice first (同意并继续), then the identities.
 */
export const pickIdentity = async (page: Page, key: string) => {
  const agree = page.locator('.privacy-agree:visible')
  const identity = page.locator(`.demo-identity--${key}:visible`)
  await expect
    .poll(async () => (await agree.count()) + (await identity.count()), { timeout: 30_000 })
    .toBeGreaterThan(0)
  if ((await agree.count()) > 0) await agree.click()
  await identity.click()
}

/** Taro H5 keeps storage in localStorage as `{"data": …}`. */
const stored = (key: string, value: unknown) =>
  `localStorage.setItem(${JSON.stringify(key)}, ${JSON.stringify(JSON.stringify({ data: value }))});`

/**
 * Puts what the app keeps on a device into a fresh browser before any page loads: a session (as after login), the
 * privacy consent, and the care-mode choice — for tests about something else than logging in.
 */
export const seedDevice = async (
  context: BrowserContext,
  opts: { session?: { token: string; userId: string; expiresAt: string }; privacy?: boolean; care?: boolean },
) => {
  let script = ''
  if (opts.session) script += stored('gridlink.session', opts.session)
  if (opts.privacy)
    script += stored('gridlink.privacy', { version: PRIVACY_VERSION, agreedAt: new Date().toISOString() })
  if (opts.care !== undefined) script += stored('gridlink.care', { on: opts.care, setAt: new Date().toISOString() })
  await context.addInitScript({ content: script })
}

/** A demo identity's session as the login page would store it. */
export const demoSession = async (key: string) => {
  const res = await api('POST', '/auth/demo-login', undefined, { key })
  const { token, userId, expiresAt } = res.body as { token: string; userId: string; expiresAt: string }
  return { token, userId, expiresAt }
}
