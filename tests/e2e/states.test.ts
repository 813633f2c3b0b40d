/// <reference lib="dom" />
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { ARTIFACTS, CHROMIUM, api, demoSession, demoToken, launch, pickIdentity, seedDevice, shown } from './browser'
import { propose } from './scenes'

const e2e = inject('e2e')
const matterPath = (id: string) => `/packages/resident/pages/matter/index?matterId=${id}`

/** Honest states and ways out: a broken link, an expired session, no network, sharing a matter, Beijing time, care mode. */
describe('ways out, sessions, the network, sharing, the clock and care mode', () => {
  let browser: Browser
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []
  let matterId = ''
  const title = '1号楼单元门口加装雨棚'

  /** A phone-sized browser of its own; `seed` puts a session, the privacy consent or the care choice on it first. */
  const phone = async (
    seed: Parameters<typeof seedDevice>[1] = {},
    extra: Parameters<Browser['newContext']>[0] = {},
  ) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, ...extra })
    contexts.push(context)
    await seedDevice(context, seed)
    const page = await context.newPage()
    page.on('pageerror', (e) => pageErrors.push(String(e)))
    return { context, page }
  }

  beforeAll(async () => {
    browser = await launch()
    // 陈志强 proposes a matter for 1号楼; it collects seconds.
    matterId = await propose(await demoToken('partyHousehold'), title)
  })
  afterAll(async () => {
    for (const c of contexts) await c.close()
    await browser?.close()
  })

  it('opens the matter page without a matterId, or with one that does not exist, as a result page with ways out', async () => {
    const { page } = await phone({ session: await demoSession('representative'), privacy: true })
    await page.goto(`${e2e.appUrl}/#/packages/resident/pages/matter/index`)
    const missing = shown(page).locator('.matter-missing')
    await expect.poll(() => missing.textContent(), { timeout: 30_000 }).toContain('没有找到这个议题')
    expect(await missing.locator('.matter-missing-list').count()).toBe(1)
    await page.screenshot({ path: join(ARTIFACTS, 'states-matter-missing.png') })
    await missing.locator('.matter-missing-home').click()
    await expect.poll(() => shown(page).locator('.home-user').count(), { timeout: 15_000 }).toBe(1)

    await page.goto(`${e2e.appUrl}/#${matterPath('01ARZ3NDEKTSV4RRFFQ69G5FAV')}`)
    await expect
      .poll(() => shown(page).locator('.matter-missing').textContent(), { timeout: 15_000 })
      .toContain('没有找到这个议题')
    await shown(page).locator('.matter-missing-list').click()
    await expect.poll(() => shown(page).locator('.matters-tab').count(), { timeout: 15_000 }).toBeGreaterThan(0)
    expect(pageErrors).toEqual([])
  })

  it('shares a matter as a link in H5 (请帮忙附议) and the link opens it, through login', async () => {
    const { context, page } = await phone({ session: await demoSession('representative'), privacy: true })
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: e2e.appUrl })
    await page.goto(`${e2e.appUrl}/#${matterPath(matterId)}`)
    await shown(page).locator('.share-button').click({ timeout: 30_000 })
    const sheet = shown(page).locator('.share-sheet')
    expect(await sheet.textContent()).toContain(`请帮忙附议：${title}`)
    const link = (await sheet.locator('.share-link').textContent()) ?? ''
    expect(link).toContain(matterPath(matterId))
    await sheet.locator('.share-copy').click()
    await expect.poll(() => sheet.locator('.share-copied').count()).toBe(1)
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(link)
    await page.screenshot({ path: join(ARTIFACTS, 'states-share.png') })

    // 王建国 opens the link on his own phone, not logged in: the privacy notice and the login, then the matter, where he may second.
    const other = await phone()
    await other.page.goto(link)
    await pickIdentity(other.page, 'buildingHead')
    await expect.poll(() => shown(other.page).locator('.matter-title').textContent(), { timeout: 30_000 }).toBe(title)
    expect(other.page.url()).toContain(`matterId=${matterId}`)
    expect(await shown(other.page).locator('.second-button').count()).toBe(1)
    await other.page.screenshot({ path: join(ARTIFACTS, 'states-shared-link-opened.png') })
    expect(pageErrors).toEqual([])
  })

  it('says 登录已失效 when the session is refused or ran out, and comes back after login', async () => {
    // A token the API refuses (401 auth.invalidToken).
    const stale = {
      token: 'not-a-valid-token',
      userId: 'someone',
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    }
    const { page } = await phone({ session: stale, privacy: true })
    await page.goto(`${e2e.appUrl}/#/pages/matters/index`)
    await expect
      .poll(() => shown(page).locator('.login-expired').textContent(), { timeout: 30_000 })
      .toContain('登录已失效')
    await page.screenshot({ path: join(ARTIFACTS, 'states-session-expired.png') })
    await pickIdentity(page, 'representative')
    await expect.poll(() => shown(page).locator('.matter-card').count(), { timeout: 30_000 }).toBeGreaterThan(0)

    // A session past its expiry on the device: the matter page asks for login the same way, and lands on the matter after.
    const old = { ...(await demoSession('representative')), expiresAt: new Date(Date.now() - 60_000).toISOString() }
    const second = await phone({ session: old, privacy: true })
    await second.page.goto(`${e2e.appUrl}/#${matterPath(matterId)}`)
    await expect.poll(() => shown(second.page).locator('.login-expired').count(), { timeout: 30_000 }).toBe(1)
    await pickIdentity(second.page, 'representative')
    await expect.poll(() => shown(second.page).locator('.matter-title').textContent(), { timeout: 30_000 }).toBe(title)
  })

  it('names the request (错误编号) on an internal error, so a resident can quote it', async () => {
    const { page } = await phone({ session: await demoSession('representative'), privacy: true })
    // The server fails this one read (as a 500 with its error body): the page says so, with the request's id.
    await page.route(`**/matters/${matterId}`, (route) =>
      route.request().method() === 'GET'
        ? route.fulfill({
            status: 500,
            contentType: 'application/json',
            headers: { 'x-request-id': '01JTESTREQUEST0000000000000' },
            body: JSON.stringify({
              error: {
                code: 'internal',
                message: '服务器开小差了，请稍后重试',
                requestId: '01JTESTREQUEST0000000000000',
              },
            }),
          })
        : route.continue(),
    )
    await page.goto(`${e2e.appUrl}/#${matterPath(matterId)}`)
    await expect
      .poll(() => shown(page).textContent(), { timeout: 30_000 })
      .toContain('错误编号：01JTESTREQUEST0000000000000')
    // A way out stays: 重试 or 返回.
    expect(await shown(page).locator('.error-state__retry, .result-back').count()).toBeGreaterThan(0)
    await page.screenshot({ path: join(ARTIFACTS, 'states-internal-error.png') })
  })

  it('keeps what was loaded when the network goes, with a bar saying so, and loads again when it is back', async () => {
    const { context, page } = await phone({ session: await demoSession('representative'), privacy: true })
    await page.goto(`${e2e.appUrl}/#/pages/matters/index`)
    const cards = shown(page).locator('.matter-card')
    await expect.poll(() => cards.count(), { timeout: 30_000 }).toBeGreaterThan(0)
    const loaded = await cards.count()

    await context.setOffline(true)
    // Coming back to the tab reloads it; the reload fails, the cards stay and the bar says why.
    await page.goto(`${e2e.appUrl}/#/pages/mine/index`)
    await page.goto(`${e2e.appUrl}/#/pages/matters/index`)
    await expect.poll(() => shown(page).locator('.network-bar').count(), { timeout: 15_000 }).toBe(1)
    expect(await cards.count()).toBe(loaded)
    expect(await shown(page).locator('.error-state').count()).toBe(0)
    await page.screenshot({ path: join(ARTIFACTS, 'states-offline.png') })

    await context.setOffline(false)
    await page.goto(`${e2e.appUrl}/#/pages/mine/index`)
    await page.goto(`${e2e.appUrl}/#/pages/matters/index`)
    await expect.poll(() => shown(page).locator('.network-bar').count(), { timeout: 15_000 }).toBe(0)
    expect(await cards.count()).toBe(loaded)
  })

  it('shows every time on the Beijing clock on a phone set to New York', async () => {
    const { page } = await phone(
      { session: await demoSession('representative'), privacy: true },
      { timezoneId: 'America/New_York' },
    )
    await page.goto(`${e2e.appUrl}/#${matterPath(matterId)}`)
    const entry = shown(page).locator('.timeline-entry--propose .timeline-entry__time')
    await expect.poll(() => entry.count(), { timeout: 30_000 }).toBe(1)
    const at = (await api('GET', `/matters/${matterId}`, await demoToken('representative'))).body.timeline[0]
      .at as string
    const bj = new Date(Date.parse(at) + 8 * 3600_000)
    const pad = (n: number) => String(n).padStart(2, '0')
    expect(await entry.textContent()).toBe(
      `${bj.getUTCMonth() + 1}月${bj.getUTCDate()}日 ${pad(bj.getUTCHours())}:${pad(bj.getUTCMinutes())}`,
    )
  })

  it('switches 长辈模式 in 我的, remembers it on the device, and turns it off again', async () => {
    const { context, page } = await phone({ session: await demoSession('representative'), privacy: true })
    const bodySize = (p: Page) =>
      shown(p)
        .locator('.page')
        .first()
        .evaluate((el) => getComputedStyle(el).fontSize)
    await page.goto(`${e2e.appUrl}/#/pages/mine/index`)
    const toggle = shown(page).locator('.care-toggle')
    await toggle.waitFor({ timeout: 30_000 })
    expect(await toggle.getAttribute('aria-checked')).toBe('false')
    expect(await bodySize(page)).toBe('17px')
    await toggle.click()
    await expect.poll(() => bodySize(page)).toBe('19px')
    expect(await toggle.getAttribute('aria-checked')).toBe('true')
    await page.screenshot({ path: join(ARTIFACTS, 'states-care-on.png'), fullPage: true })
    // Remembered on the device: after a reload, and on another page opened on it.
    await page.reload()
    await expect.poll(() => bodySize(page), { timeout: 30_000 }).toBe('19px')
    const other = await context.newPage()
    await other.goto(`${e2e.appUrl}/#/pages/index/index`)
    await shown(other).locator('.page').first().waitFor({ timeout: 30_000 })
    expect(await bodySize(other)).toBe('19px')
    await other.close()
    await shown(page).locator('.care-toggle').click({ timeout: 30_000 })
    await expect.poll(() => bodySize(page)).toBe('17px')
  })

  it('turns 长辈模式 on by itself on a browser whose default font size is set large, until the user chooses', async () => {
    // The browser's own setting (Chrome: 设置 → 外观 → 字号), as a profile's preference: 24 px instead of 16.
    const profile = mkdtempSync(join(tmpdir(), 'gridlink-large-font-'))
    mkdirSync(join(profile, 'Default'))
    writeFileSync(
      join(profile, 'Default', 'Preferences'),
      JSON.stringify({ webkit: { webprefs: { default_font_size: 24 } } }),
    )
    const context = await chromium.launchPersistentContext(profile, {
      ...CHROMIUM,
      viewport: { width: 375, height: 812 },
      deviceScaleFactor: 2,
    })
    contexts.push(context)
    await seedDevice(context, { session: await demoSession('representative'), privacy: true })
    const page = await context.newPage()
    const bodySize = () =>
      shown(page)
        .locator('.page')
        .first()
        .evaluate((el) => getComputedStyle(el).fontSize)
    await page.goto(`${e2e.appUrl}/#/pages/mine/index`)
    await shown(page).locator('.care-toggle').waitFor({ timeout: 30_000 })
    expect(await bodySize()).toBe('19px')
    expect(await shown(page).locator('.care-toggle').textContent()).toContain('已按手机的大字体设置自动开启')
    // The user's choice wins over the setting, and is kept.
    await shown(page).locator('.care-toggle').click()
    await expect.poll(bodySize).toBe('17px')
    await page.reload()
    await expect.poll(bodySize, { timeout: 30_000 }).toBe('17px')
  })
})
