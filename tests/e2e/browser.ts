import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { expect, inject } from 'vitest'

export const ARTIFACTS = join(__dirname, 'artifacts')
mkdirSync(ARTIFACTS, { recursive: true })

/** Debian's chromium, never a downloaded browser; flags that keep it off the network. */
export const launch = (): Promise<Browser> =>
  chromium.launch({
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
  })

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
export const demoToken = async (key: string) => (await api('POST', '/auth/demo-login', undefined, { key })).body.token as string

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
