/// <reference lib="dom" />
import { join } from 'node:path'
import { ulid } from 'ulid'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { api, ARTIFACTS, demoSession, demoToken, launch, seedDevice, shown } from './browser'
import { CARE, NORMAL, measure } from './measure'

const e2e = inject('e2e')
const SITE = { latitude: 22.5431, longitude: 114.0579 }

/**
 * 代报名 and 取消活动 in the browser: 周书记 signs up 王秀英, who has no smartphone, by name and phone, and checks her
 * in; the list marks 代报名 and 代签. Another activity is called off for rain from its page. The new form and the
 * cancel sheet hold the minimums in normal and care mode.
 */
describe('志愿活动: the organiser signs up a volunteer without a phone, checks her in, and cancels an activity', () => {
  let browser: Browser
  const errors: string[] = []
  const publish = async (title: string) => {
    const now = Date.now()
    const res = await api('POST', '/activities', await demoToken('committee'), {
      activityId: ulid(),
      communityId: e2e.communityId,
      title,
      description: '陪社区老人聊天、量血压。',
      category: 'elderly',
      place: { name: '幸福里社区服务站', ...SITE, radiusM: 200 },
      signUpDeadline: new Date(now + 20 * 60_000).toISOString(),
      startAt: new Date(now + 30 * 60_000).toISOString(),
      endAt: new Date(now + 90 * 60_000).toISOString(),
      capacity: 5,
      pointsPerHour: 10,
      audience: 'all',
    })
    expect(res.status).toBe(201)
    return res.body.activityId as string
  }
  let behalfId = ''
  let rainId = ''

  beforeAll(async () => {
    browser = await launch()
    behalfId = await publish('敬老探访')
    rainId = await publish('广场义诊')
  })
  afterAll(async () => {
    await browser?.close()
  })

  const context = async (care = false) => {
    const ctx = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 })
    await seedDevice(ctx, { session: await demoSession('committee'), privacy: true, care })
    return ctx
  }
  const open = async (ctx: BrowserContext, path: string, ready: string) => {
    const page = await ctx.newPage()
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto(`${e2e.appUrl}/#${path}`)
    await shown(page).locator(ready).first().waitFor({ timeout: 30_000 })
    return page
  }
  const shoot = (page: Page, name: string) =>
    page.screenshot({ path: join(ARTIFACTS, `volunteer-${name}.png`), fullPage: true })

  it('代报名 王秀英 by name and phone, 代签到 her; 取消活动 with a reason', { timeout: 120_000 }, async () => {
    const ctx = await context()
    const att = await open(ctx, `/packages/volunteer/pages/attendance/index?activityId=${behalfId}`, '.behalf-open')
    await shown(att).locator('.behalf-open').click()
    await shown(att).locator('.behalf-way--guest').click()
    await shown(att).locator('.behalf-name input').fill('王秀英')
    await shown(att).locator('.behalf-phone input').fill('13800001111')
    await shown(att).locator('.behalf-submit').click()
    await expect
      .poll(() => shown(att).locator('.behalf-done').textContent(), { timeout: 15_000 })
      .toContain('已为王秀英代报名成功')
    const row = shown(att).locator('.attendance-row', { hasText: '王秀英' })
    await expect.poll(() => row.locator('.behalf-mark').count()).toBe(1)
    await expect.poll(() => row.locator('.attendance-row__behalf').textContent()).toContain('无微信 138****1111')
    await row.locator('.proxy-checkin').click()
    await expect.poll(() => row.locator('.attendance-row__in').textContent(), { timeout: 15_000 }).toContain('代签')
    await expect.poll(() => row.locator('.proxy-mark').count()).toBe(1)
    await shoot(att, 'behalf-done')

    const page = await open(
      ctx,
      `/packages/volunteer/pages/activity/index?activityId=${rainId}`,
      '.cancel-activity-open',
    )
    await shown(page).locator('.cancel-activity-open').click()
    await shown(page).locator('.cancel-activity-reason textarea').fill('明天有暴雨，活动取消，改期另行通知')
    await shown(page).locator('.cancel-activity-confirm').click()
    await expect.poll(() => shown(page).locator('.activity-status').textContent(), { timeout: 15_000 }).toBe('已取消')
    await expect.poll(() => shown(page).locator('.activity-cancelled').textContent()).toContain('明天有暴雨')
    expect(await shown(page).locator('.cancel-activity-open').count()).toBe(0)
    await shoot(page, 'cancelled')
    expect(errors).toEqual([])
    await ctx.close()
  })

  for (const mode of ['normal', 'care'] as const) {
    it(`${mode} mode: the 代报名 form and the cancel sheet hold the minimums`, { timeout: 90_000 }, async () => {
      const ctx = await context(mode === 'care')
      const min = mode === 'care' ? CARE : NORMAL
      const findings: string[] = []
      const att = await open(ctx, `/packages/volunteer/pages/attendance/index?activityId=${behalfId}`, '.behalf-open')
      await shown(att).locator('.behalf-open').click()
      await shown(att).locator('.behalf-way--guest').click()
      await shoot(att, `behalf-guest-${mode}`)
      for (const v of await measure(att, min)) findings.push(`behalf guest: ${v.rule} ${v.element} ${v.detail}`)
      await shown(att).locator('.behalf-way--resident').click()
      await shown(att).locator('.behalf-search input').fill('1')
      await shown(att).locator('.behalf-find').click()
      await shown(att).locator('.behalf-resident, .behalf-none').first().waitFor({ timeout: 15_000 })
      await shoot(att, `behalf-resident-${mode}`)
      for (const v of await measure(att, min)) findings.push(`behalf resident: ${v.rule} ${v.element} ${v.detail}`)
      const page = await open(
        ctx,
        `/packages/volunteer/pages/activity/index?activityId=${behalfId}`,
        '.cancel-activity-open',
      )
      await shown(page).locator('.cancel-activity-open').click()
      await shown(page).locator('.cancel-activity-sheet').waitFor()
      await shoot(page, `cancel-sheet-${mode}`)
      for (const v of await measure(page, min)) findings.push(`cancel sheet: ${v.rule} ${v.element} ${v.detail}`)
      await shown(page).locator('.cancel-activity-keep').click()
      expect(findings).toEqual([])
      await ctx.close()
    })
  }
})
