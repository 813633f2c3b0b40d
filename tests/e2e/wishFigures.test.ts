/// <reference lib="dom" />
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { ARTIFACTS, api, demoSession, demoToken, launch, seedDevice, shown } from './browser'
import { CARE, NORMAL, measure } from './measure'

const e2e = inject('e2e')

/**
 * 心愿统计 (packages/wishes/pages/figures) for the staff: 周书记 (committee) finds it in 首页's 工作台, 李红梅 (grid
 * worker) from her 心愿审核 queue; a resident who opens it is told it is for staff, with 返回. 举报 on a wish's page
 * opens the reason sheet and sends the report. Held to the design's minimums in normal and care mode (长辈模式).
 */
describe('micro-wish figures for staff, and 举报 on a wish', () => {
  let browser: Browser
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []
  const figuresPath = () => `packages/wishes/pages/figures/index?communityId=${e2e.communityId}`

  const person = async (key: string, care = false) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 })
    contexts.push(context)
    await seedDevice(context, { session: await demoSession(key), privacy: true, care })
    const page = await context.newPage()
    page.on('pageerror', (e) => pageErrors.push(`${key}: ${String(e)}`))
    return page
  }
  const open = (page: Page, path: string) => page.goto(`${e2e.appUrl}/#/${path}`)

  beforeAll(async () => {
    browser = await launch()
  })
  afterAll(async () => {
    for (const c of contexts) await c.close()
    await browser?.close()
  })

  it(
    'the committee opens it from 首页, the grid worker from the queue; a resident gets 返回',
    { timeout: 120_000 },
    async () => {
      const figures = (await api('GET', `/communities/${e2e.communityId}/wish-figures`, await demoToken('committee')))
        .body
      const zhou = await person('committee')
      await open(zhou, 'pages/index/index')
      await shown(zhou).locator('.home-wish-figures-link').click({ timeout: 30_000 })
      const page = shown(zhou)
      await page.locator('.figures-fulfilled .figures-tile__value').waitFor({ timeout: 15_000 })
      expect(await page.locator('.figures-fulfilled .figures-tile__value').textContent()).toBe(
        String(figures.community.fulfilled),
      )
      expect(await page.locator('.figures-posted .figures-tile__value').textContent()).toBe(
        String(figures.community.posted),
      )
      // By grid: one row a grid, its name and what it fulfilled written beside the bar.
      expect(await page.locator('.figures-grids .bar-chart__row').count()).toBe(figures.grids.length)
      expect(await page.locator('.figures-grids .bar-chart__row').first().textContent()).toContain(
        figures.grids[0].gridName,
      )
      expect(await page.locator('.figures-days .figures-line__value').textContent()).toEqual(
        figures.community.meanDaysToFulfil === undefined ? '暂无' : expect.stringContaining('天'),
      )

      const li = await person('gridWorker')
      await open(li, 'packages/wishes/pages/queue/index')
      await shown(li).locator('.queue-figures').click({ timeout: 30_000 })
      await shown(li).locator('.figures-totals').waitFor({ timeout: 15_000 })

      const liu = await person('representative')
      await open(liu, figuresPath())
      await shown(liu).locator('.figures-forbidden').waitFor({ timeout: 30_000 })
      expect(await shown(liu).locator('.result__title').textContent()).toBe('仅社区工作人员可查看')
      await shown(liu).locator('.result-back').click()
      await expect.poll(() => liu.url(), { timeout: 15_000 }).toContain('pages/index/index')
      expect(pageErrors).toEqual([])
    },
  )

  it(
    '举报 on a fulfilled wish: the thank-you’s link opens the reasons, and the report is sent',
    { timeout: 60_000 },
    async () => {
      const done = (
        await api('GET', `/communities/${e2e.communityId}/wish-wall?show=done`, await demoToken('inServiceMember'))
      ).body.items.find((c: { thanks?: string }) => c.thanks)?.wishId as string
      expect(done).toBeTruthy()
      const zhang = await person('resident', true)
      await open(zhang, `packages/wishes/pages/wish/index?wishId=${done}`)
      const page = shown(zhang)
      await page.locator('.wish-thanks-report').click({ timeout: 30_000 })
      await page.locator('.report-sheet').waitFor()
      expect(await page.locator('.report-confirm').textContent()).toBe('请先选择理由')
      await page.locator('.report-reason--other').click()
      for (const v of await measure(zhang, CARE))
        pageErrors.push(`report-sheet: [${v.rule}] ${v.element} — ${v.detail}`)
      await zhang.screenshot({ path: join(ARTIFACTS, 'wishes-report-care.png'), fullPage: true })
      await page.locator('.report-confirm').click()
      await expect.poll(() => page.locator('.report-sheet').count(), { timeout: 15_000 }).toBe(0)
      // One report of the community's three: the thank-you stays.
      expect(await page.locator('.wish-thanks-text').count()).toBe(1)
      expect(pageErrors).toEqual([])
    },
  )

  for (const mode of ['normal', 'care'] as const)
    it(`${mode} mode: the figures page on a 375 px phone`, { timeout: 60_000 }, async () => {
      const page = await person('committee', mode === 'care')
      await open(page, figuresPath())
      await shown(page).locator('.figures-units').waitFor({ timeout: 30_000 })
      expect(
        await shown(page)
          .locator('.page')
          .first()
          .evaluate((el) => getComputedStyle(el).fontSize),
      ).toBe(mode === 'care' ? '19px' : '17px')
      await page.screenshot({ path: join(ARTIFACTS, `wishes-figures-${mode}.png`), fullPage: true })
      const findings = (await measure(page, mode === 'care' ? CARE : NORMAL)).map(
        (v) => `figures: [${v.rule}] ${v.element} — ${v.detail}`,
      )
      // The rows by grid and by unit, further down the page.
      await shown(page).locator('.figures-units').scrollIntoViewIfNeeded()
      await page.screenshot({ path: join(ARTIFACTS, `wishes-figures-rows-${mode}.png`) })
      expect(findings).toEqual([])
    })
})
