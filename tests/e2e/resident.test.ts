import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { ARTIFACTS, launch, api, demoToken, pickIdentity } from './browser'

const e2e = inject('e2e')

/** Picks a demo identity on the login page, as a person would (after the privacy notice, on a new device). */
const loginAs = (page: Page, key: string) => pickIdentity(page, key)

describe('a resident scans the grid card and binds their household; the building head approves', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('opens the card from its code, shows the grid worker, and takes a binding request to approval', async () => {
    const resident = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })
    const consoleErrors: string[] = []
    resident.on('pageerror', (e) => consoleErrors.push(String(e)))

    // Scanning the card: the H5 link carries the card code as `scene`.
    await resident.goto(`${e2e.appUrl}/#/pages/grid/index?scene=${e2e.cardCode}`)
    await expect
      .poll(() => resident.locator('.grid-worker-name').first().textContent(), { timeout: 30_000 })
      .toContain('李红梅')
    await expect.poll(() => resident.locator('.grid-worker-phone').first().textContent()).toContain('138****8001')
    await expect.poll(() => resident.locator('.grid-name').first().textContent()).toContain(e2e.gridName)
    await resident.screenshot({ path: join(ARTIFACTS, 'grid-card.png'), fullPage: true })

    // Bind my household: not logged in yet, so the login page comes first, then back to the form.
    await resident.locator('.bind-household').first().click()
    await loginAs(resident, 'resident')
    await resident.locator(`.bind-building-option--${e2e.buildingIds[0]}`).first().click()
    // 单元 and 房号 are chosen from the building's registered households, not typed: the unit first, then its rooms.
    await resident.locator('.bind-unit-option--1').first().click()
    await expect.poll(() => resident.locator('.bind-room-option').count(), { timeout: 15_000 }).toBeGreaterThan(1)
    expect(await resident.locator('.bind-unit, .bind-room').count()).toBe(0)
    await resident.locator('.bind-room-option--202').first().click()
    expect(await resident.locator('.bind-room-option--202').first().getAttribute('aria-checked')).toBe('true')
    await resident.screenshot({ path: join(ARTIFACTS, 'binding-address.png'), fullPage: true })
    await resident.locator('.bind-submit').first().click()
    await expect.poll(() => resident.locator('.bind-success').count(), { timeout: 15_000 }).toBeGreaterThan(0)
    await resident.screenshot({ path: join(ARTIFACTS, 'binding-requested.png') })

    // The building head of 1号楼, in a browser of their own, approves it.
    const headContext = await browser.newContext({ viewport: { width: 390, height: 844 } })
    const head = await headContext.newPage()
    await head.goto(
      `${e2e.appUrl}/#/pages/login/index?redirect=${encodeURIComponent('/packages/staff/pages/bindings/index')}`,
    )
    await loginAs(head, 'buildingHead')
    const item = head.locator('.binding-item', { hasText: '张小明' })
    await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1)
    await expect.poll(() => item.textContent()).toContain('202')
    await item.locator('.binding-approve').click()
    await expect.poll(() => head.locator('.binding-item', { hasText: '张小明' }).count(), { timeout: 15_000 }).toBe(0)
    await head.screenshot({ path: join(ARTIFACTS, 'binding-approved.png') })

    // The outcome, as the API sees it: 张小明 is bound to 1号楼 1-202 and represents the household.
    const me = await api('GET', '/me', await demoToken('resident'))
    expect(me.body.households).toEqual([
      expect.objectContaining({ buildingName: '1号楼', unit: '1', room: '202', isRepresentative: true }),
    ])
    expect(consoleErrors).toEqual([])
    await headContext.close()
  })

  it('shows a clear error, not a crash, for a forged card', async () => {
    const page = await browser.newPage()
    const forged = e2e.cardCode.slice(0, -2) + (e2e.cardCode.endsWith('00') ? '11' : '00')
    await page.goto(`${e2e.appUrl}/#/pages/grid/index?scene=${forged}`)
    await expect
      .poll(() => page.locator('.error-state').first().textContent(), { timeout: 30_000 })
      .toContain('无法识别的服务卡')
    expect(await page.locator('.grid-worker-name').count()).toBe(0)
  })
})
