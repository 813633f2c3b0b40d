/// <reference lib="dom" />
import { join } from 'node:path'
import { ulid } from 'ulid'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { answerConsent, api, ARTIFACTS, demoSession, demoToken, launch, seedDevice, shown } from './browser'
import { CARE, NORMAL, measure } from './measure'

const e2e = inject('e2e')

/** Where the phone stands: the activity's point (gcj02, as wx.getLocation gives it). */
const SITE = { latitude: 22.5431, longitude: 114.0579 }

/**
 * The mini-program's boundary with WeChat, stubbed in the page: Taro's H5 runtime calls the WeChat JS-SDK's
 * wx.scanQRCode and wx.getLocation when the page has them. The "camera" reads whatever code the test put in
 * `__siteCode` (what the organiser's screen shows); the "GPS" says the phone stands on the activity's point.
 * Nothing of the server is stubbed. (Taro calls the SDK once per callback it wires, hence the deferred answer.)
 */
const wechatStub = `
  window.wx = {
    scanQRCode: (o) => setTimeout(() => o.success && o.success({ errMsg: 'scanQRCode:ok', resultStr: window.__siteCode || '' })),
    getLocation: (o) => setTimeout(() => o.success && o.success({ errMsg: 'getLocation:ok', latitude: ${SITE.latitude}, longitude: ${SITE.longitude}, accuracy: 20 })),
  }
`

describe('志愿活动 in the browser: sign up, the live code, check in and out, confirm, hours and points', () => {
  let browser: Browser
  let activityId = ''
  let endAt = 0
  const errors: string[] = []

  beforeAll(async () => {
    browser = await launch()
    // The scene, through the API: one-minute units so a one-minute activity counts, and an activity starting in under two minutes.
    const admin = await demoToken('communityAdmin')
    expect(
      (
        await api('PUT', `/communities/${e2e.communityId}/volunteer-settings`, admin, {
          unitMinutes: 1,
          attendanceShare: 0.6,
          dailyCapHours: 8,
          expectedMembers: 20,
        })
      ).status,
    ).toBe(200)
    const now = Date.now()
    endAt = now + 160_000
    const published = await api('POST', '/activities', await demoToken('committee'), {
      activityId: ulid(),
      communityId: e2e.communityId,
      title: '垃圾分类宣传',
      description: '在小区门口向居民讲解垃圾分类，发放宣传册。',
      category: 'civility',
      place: { name: '阳光花园南门', ...SITE, radiusM: 200 },
      signUpDeadline: new Date(now + 90_000).toISOString(),
      startAt: new Date(now + 100_000).toISOString(),
      endAt: new Date(endAt).toISOString(),
      capacity: 5,
      pointsPerHour: 100,
      audience: 'members',
    })
    expect(published.status).toBe(201)
    activityId = published.body.activityId
  })
  afterAll(async () => {
    await browser?.close()
  })

  const open = async (context: BrowserContext, path: string, ready: string) => {
    const page = await context.newPage()
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto(`${e2e.appUrl}/#${path}`)
    await shown(page).locator(ready).first().waitFor({ timeout: 30_000 })
    return page
  }
  const shoot = (page: Page, name: string) =>
    page.screenshot({ path: join(ARTIFACTS, `volunteer-${name}.png`), fullPage: true })

  it(
    '赵磊 signs up and checks in and out by scanning 周书记’s live code; 周书记 confirms; 我的服务 shows the hours and points',
    { timeout: 300_000 },
    async () => {
      const memberCtx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })
      await seedDevice(memberCtx, { session: await demoSession('inServiceMember'), privacy: true })
      await memberCtx.addInitScript({ content: wechatStub })
      const organiserCtx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })
      await seedDevice(organiserCtx, { session: await demoSession('committee'), privacy: true })

      // 赵磊 finds it in the list and signs up; the dialog standing in for WeChat's asks to send reminders.
      const list = await open(memberCtx, '/packages/volunteer/pages/activities/index', '.activity-card')
      await shoot(list, 'list')
      await shown(list).locator('.activity-card', { hasText: '垃圾分类宣传' }).click()
      const member = list
      await shown(member).locator('.signup-button').click({ timeout: 30_000 })
      await answerConsent(member, true)
      await expect
        .poll(() => shown(member).locator('.activity-message').textContent(), { timeout: 15_000 })
        .toContain('报名成功')
      await expect.poll(() => shown(member).locator('.activity-me').textContent()).toContain('已报名')

      // 周书记's phone shows the code full screen.
      const code = await open(
        organiserCtx,
        `/packages/volunteer/pages/sitecode/index?activityId=${activityId}`,
        '.sitecode-qr',
      )
      await shoot(code, 'sitecode')
      const shownCode = () => shown(code).locator('.sitecode-qr').getAttribute('data-code')
      await expect.poll(shownCode, { timeout: 15_000 }).toMatch(/^GLV1\./)

      // 赵磊 scans it: the camera reads what the organiser's screen shows.
      await member.evaluate((c) => ((window as unknown as { __siteCode: string }).__siteCode = c), (await shownCode())!)
      await shown(member).locator('.checkin-button').click()
      await expect
        .poll(() => shown(member).locator('.activity-message').textContent(), { timeout: 15_000 })
        .toContain('签到成功')
      await shoot(member, 'checked-in')

      // After the end, he scans the (new) code again to check out.
      while (Date.now() < endAt + 2_000) await new Promise((r) => setTimeout(r, 1_000))
      await expect
        .poll(shownCode, { timeout: 40_000 })
        .not.toBe(await member.evaluate(() => (window as unknown as { __siteCode: string }).__siteCode))
      await member.evaluate((c) => ((window as unknown as { __siteCode: string }).__siteCode = c), (await shownCode())!)
      await shown(member).locator('.checkout-button').click()
      await expect
        .poll(() => shown(member).locator('.activity-message').textContent(), { timeout: 15_000 })
        .toContain('签退成功')

      // 周书记 reviews the list and confirms once.
      const att = await open(
        organiserCtx,
        `/packages/volunteer/pages/attendance/index?activityId=${activityId}`,
        '.attendance-row',
      )
      const row = shown(att).locator('.attendance-row', { hasText: '赵磊' })
      await expect.poll(() => row.locator('.attendance-row__in').textContent()).toMatch(/签到：\d+月\d+日 \d\d:\d\d/)
      await expect.poll(() => row.locator('.attendance-row__credited').textContent()).toContain('0.02小时，1 积分')
      await shoot(att, 'attendance')
      await shown(att).locator('.confirm-button').click()
      await att.locator('.taro-model__confirm').click()
      await expect.poll(() => shown(att).locator('.confirm-done').count(), { timeout: 20_000 }).toBe(1)

      // 赵磊's 我的服务: the hours and the points they brought.
      const mine = await open(memberCtx, '/packages/volunteer/pages/mine/index', '.service-record')
      await expect.poll(() => shown(mine).locator('.service-total-hours').textContent()).toBe('0.02小时')
      await expect.poll(() => shown(mine).locator('.service-total-points').textContent()).toBe('1')
      await expect.poll(() => shown(mine).locator('.service-record').first().textContent()).toContain('垃圾分类宣传')
      await shoot(mine, 'mine')
      const records = (await api('GET', '/me/service-records', await demoToken('inServiceMember'))).body
      expect(records.records[0]).toMatchObject({
        activityId,
        minutes: 1,
        points: 1,
        pointsState: 'credited',
        volunteer: { name: '赵磊', unitName: '区税务局' },
      })
      expect(errors).toEqual([])
      await memberCtx.close()
      await organiserCtx.close()
    },
  )

  for (const mode of ['normal', 'care'] as const) {
    it(
      `${mode} mode: the list, an activity, 我的服务 and the admin's statistics hold the minimums`,
      { timeout: 120_000 },
      async () => {
        const min = mode === 'care' ? CARE : NORMAL
        const ctx = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 })
        await seedDevice(ctx, { session: await demoSession('inServiceMember'), privacy: true, care: mode === 'care' })
        const adminCtx = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 })
        await seedDevice(adminCtx, {
          session: await demoSession('communityAdmin'),
          privacy: true,
          care: mode === 'care',
        })
        const findings: string[] = []
        const check = async (c: BrowserContext, name: string, path: string, ready: string) => {
          const page = await open(c, path, ready)
          await shoot(page, `${name}-${mode}`)
          for (const v of await measure(page, min)) findings.push(`${name}: ${v.rule} ${v.element} ${v.detail}`)
        }
        await check(ctx, 'list', '/packages/volunteer/pages/activities/index', '.activity-card')
        await check(
          ctx,
          'activity',
          `/packages/volunteer/pages/activity/index?activityId=${activityId}`,
          '.activity-title',
        )
        await check(ctx, 'mine', '/packages/volunteer/pages/mine/index', '.service-totals')
        await check(
          ctx,
          'register',
          `/packages/volunteer/pages/register/index?communityId=${e2e.communityId}`,
          '.register-submit',
        )
        await check(
          adminCtx,
          'stats',
          `/packages/volunteer/pages/stats/index?communityId=${e2e.communityId}`,
          '.stats-totals',
        )
        await check(
          adminCtx,
          'registrations',
          `/packages/volunteer/pages/registrations/index?communityId=${e2e.communityId}`,
          '.volunteer-tab',
        )
        await check(
          adminCtx,
          'publish',
          `/packages/volunteer/pages/publish/index?communityId=${e2e.communityId}`,
          '.publish-submit',
        )
        expect(findings).toEqual([])
        await ctx.close()
        await adminCtx.close()
      },
    )
  }
})
