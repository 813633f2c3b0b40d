import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { api, ARTIFACTS, answerConsent, launch, shown } from './browser'

const e2e = inject('e2e')
const POINTS = '/packages/points/pages'

/** A demo identity's session in the device's storage (as after login; Taro H5 keeps it as `{"data": …}`), care mode on or off. */
const personAt = async (
  browser: Browser,
  key: string,
  care: boolean,
): Promise<{ context: BrowserContext; page: Page; token: string }> => {
  const login = await api('POST', '/auth/demo-login', undefined, { key })
  const { token, userId, expiresAt } = login.body as { token: string; userId: string; expiresAt: string }
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })
  const set = (k: string, v: unknown) =>
    `localStorage.setItem(${JSON.stringify(k)}, ${JSON.stringify(JSON.stringify({ data: v }))});`
  await context.addInitScript({
    content:
      set('gridlink.session', { token, userId, expiresAt }) +
      set('gridlink.care', { on: care, setAt: new Date().toISOString() }),
  })
  return { context, page: await context.newPage(), token }
}

/**
 * What a 70-year-old with large type needs of every points page: no text under 14 px (badges: 13), every button at
 * least 44 px high, nothing wider than the screen. Returns what fails, to print.
 */
const styleProblems = (page: Page): Promise<string[]> =>
  // A string, run in the page (the tests' tsconfig has no DOM types).
  page.evaluate(`(() => {
    const out = []
    const root = [...document.querySelectorAll('.taro_page')].find((p) => p.offsetParent !== null || getComputedStyle(p).display !== 'none') ?? document.body
    if (document.documentElement.scrollWidth > window.innerWidth + 1) out.push('horizontal overflow ' + document.documentElement.scrollWidth)
    for (const el of root.querySelectorAll('*')) {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) continue
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())
      const size = parseFloat(getComputedStyle(el).fontSize)
      if (own && size < (el.closest('.badge') ? 13 : 14)) out.push('text ' + size + 'px: ' + el.textContent.trim().slice(0, 20))
      if (el.getAttribute('role') === 'button' && r.height < 44) out.push('button ' + Math.round(r.height) + 'px: ' + el.textContent.trim().slice(0, 20))
    }
    return out
  })()`)

describe('the points shop in the browser', () => {
  let browser: Browser
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []
  beforeAll(async () => {
    browser = await launch()
  })
  afterAll(async () => {
    for (const c of contexts) await c.close()
    await browser?.close()
  })

  it(
    '刘芳 redeems 洗衣液 with her points, 李红梅 scans the pickup code and hands it over, the passbook shows both entries',
    { timeout: 180_000 },
    async () => {
      // ── 刘芳, in 长辈模式: 我的 → 我的积分, seeded with 60 points.
      const rep = await personAt(browser, 'representative', true)
      contexts.push(rep.context)
      rep.page.on('pageerror', (e) => pageErrors.push(String(e)))
      await rep.page.goto(`${e2e.appUrl}/#/pages/mine/index`)
      await shown(rep.page).locator('.mine-points-link').click({ timeout: 30_000 })
      const mine = shown(rep.page)
      await expect.poll(() => mine.locator('.points-balance-value').textContent(), { timeout: 15_000 }).toBe('60')
      // The passbook is read after the balance: wait for its first page.
      await expect.poll(() => mine.locator('.passbook-entry--earn').count(), { timeout: 15_000 }).toBeGreaterThan(0)
      expect(await mine.locator('.points-rule').count()).toBe(4)
      await rep.page.screenshot({ path: join(ARTIFACTS, 'points-mine-care.png'), fullPage: true })
      expect(await styleProblems(rep.page)).toEqual([])

      // ── 积分超市: the item with its price, stock and her limit; the confirm sheet; 确认兑换 (and 允许 the messages).
      await mine.locator('.points-shop-link').click()
      const shop = shown(rep.page)
      const card = shop.locator('.shop-item', { hasText: '洗衣液' })
      await expect.poll(() => card.locator('.shop-item-stock').textContent(), { timeout: 15_000 }).toBe('库存 20 件')
      expect(await card.locator('.shop-item-limit').textContent()).toContain('每月限兑2件，还可兑2件')
      await rep.page.screenshot({ path: join(ARTIFACTS, 'points-shop-care.png'), fullPage: true })
      expect(await styleProblems(rep.page)).toEqual([])
      await card.locator('.shop-item-redeem').click()
      expect(await shop.locator('.redeem-sheet-after').textContent()).toBe('30')
      await rep.page.screenshot({ path: join(ARTIFACTS, 'points-confirm-care.png') })
      await shop.locator('.redeem-confirm').click()
      await answerConsent(rep.page, true)
      await shop.locator('.redeem-success').waitFor({ timeout: 15_000 })
      await shop.locator('.redeem-show-code').click()
      const code = shown(rep.page)
      await code.locator('.pickup-code').waitFor({ timeout: 15_000 })
      const qr = (await code.locator('.pickup-qr').getAttribute('data-qr'))!
      expect(qr).toMatch(/^GLPK:/)
      const box = await code.locator('.pickup-qr__image').boundingBox()
      expect(box!.width).toBeGreaterThanOrEqual(240)
      await rep.page.screenshot({ path: join(ARTIFACTS, 'points-pickup-care.png'), fullPage: true })
      expect(await styleProblems(rep.page)).toEqual([])

      // ── 李红梅 at the service point: 兑换核销 from 我的; the scanner (Taro.scanCode) answers with 刘芳's QR.
      const staff = await personAt(browser, 'gridWorker', false)
      contexts.push(staff.context)
      staff.page.on('pageerror', (e) => pageErrors.push(String(e)))
      await staff.context.addInitScript({
        content: `window.__gridlinkScanCode = async () => ({ result: ${JSON.stringify(qr)} })`,
      })
      await staff.page.goto(`${e2e.appUrl}/#/pages/mine/index`)
      await shown(staff.page).locator('.mine-verify-link').click({ timeout: 30_000 })
      const verify = shown(staff.page)
      await verify.locator('.verify-scan').click({ timeout: 15_000 })
      await expect.poll(() => verify.locator('.verify-item').textContent(), { timeout: 15_000 }).toContain('洗衣液')
      expect(await verify.locator('.verify-resident').textContent()).toBe('刘芳')
      await staff.page.screenshot({ path: join(ARTIFACTS, 'points-verify.png'), fullPage: true })
      expect(await styleProblems(staff.page)).toEqual([])
      await verify.locator('.verify-confirm').click()
      await verify.locator('.verify-done').waitFor({ timeout: 15_000 })

      // ── Back with 刘芳: 已领取, and the passbook shows the earning and the redemption with the running balance.
      await rep.page.reload()
      await expect
        .poll(() => shown(rep.page).locator('.redemption-state').textContent(), { timeout: 15_000 })
        .toBe('已领取')
      await rep.page.goto(`${e2e.appUrl}/#${POINTS}/index/index`)
      const book = shown(rep.page)
      await expect.poll(() => book.locator('.points-balance-value').textContent(), { timeout: 15_000 }).toBe('30')
      const first = book.locator('.passbook-entry').first()
      expect(await first.getAttribute('class')).toContain('passbook-entry--redeem')
      expect(await first.textContent()).toContain('兑换「洗衣液（2千克）」')
      expect(await first.locator('.passbook-entry__balance').textContent()).toBe('结余 30')
      expect(await book.locator('.passbook-entry--earn').count()).toBeGreaterThan(0)
      await rep.page.screenshot({ path: join(ARTIFACTS, 'points-passbook-after-care.png'), fullPage: true })
      // The same pages in normal mode (长辈模式 off), for the record, and the same checks.
      await rep.page.evaluate(
        `localStorage.setItem('gridlink.care', JSON.stringify({ data: { on: false, setAt: new Date().toISOString() } }))`,
      )
      await rep.context.addInitScript({
        content: `localStorage.setItem('gridlink.care', JSON.stringify({ data: { on: false, setAt: new Date().toISOString() } }))`,
      })
      for (const [page, file] of [
        ['index', 'points-mine.png'],
        ['shop', 'points-shop.png'],
        ['redemptions', 'points-redemptions.png'],
      ] as const) {
        await rep.page.goto(`${e2e.appUrl}/#${POINTS}/${page}/index`)
        await shown(rep.page).locator('.card').first().waitFor({ timeout: 15_000 })
        await rep.page.waitForTimeout(500)
        await rep.page.screenshot({ path: join(ARTIFACTS, file), fullPage: true })
        expect(await styleProblems(rep.page)).toEqual([])
      }
      expect(pageErrors).toEqual([])
    },
  )
})
