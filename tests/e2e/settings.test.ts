import { join } from 'node:path'
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { ARTIFACTS, launch, api, demoToken, shown, pickIdentity } from './browser'

const e2e = inject('e2e')

const NAME = '广告招租与商铺纠纷'
const REASON = '商铺租赁纠纷请向市场监管所或通过法律途径解决，不提交居民议事。'

/*
 * The browser tests share one seeded stack, and deliberation.test.ts counts on the seeded secondsNeeded = 3.
 * vitest.config.mts runs the e2e files one after another (fileParallelism: false), so this file may change the
 * settings as long as it puts them back: afterAll PUTs the settings it found, through the API. Its change to the
 * lists is additive too (one new 不议 category), so no other test's category goes missing even mid-file.
 */
describe('the community admin keeps the 六议六不议 lists and the rules of procedure', () => {
  let browser: Browser
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []
  const settingsPath = `/communities/${e2e.communityId}/deliberation-settings`
  let adminToken: string
  let original: unknown

  /** A person in a browser of their own, logged in as a demo identity on the login page, landing on `redirect`. */
  const personAt = async (key: string, redirect: string) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })
    contexts.push(context)
    const page = await context.newPage()
    page.on('pageerror', (e) => pageErrors.push(`${key}: ${String(e)}`))
    await page.goto(`${e2e.appUrl}/#/pages/login/index?redirect=${encodeURIComponent(redirect)}`)
    await pickIdentity(page, key)
    return page
  }

  beforeAll(async () => {
    browser = await launch()
    adminToken = await demoToken('communityAdmin')
    const found = await api('GET', settingsPath, adminToken)
    expect(found.status).toBe(200)
    original = found.body
  })
  afterAll(async () => {
    // Put back what the seeded stack had (secondsNeeded 3 and the default lists) for the files that run after this one.
    if (original) {
      expect((await api('PUT', settingsPath, adminToken, original)).status).toBe(200)
      expect((await api('GET', settingsPath, adminToken)).body).toEqual(original)
    }
    for (const c of contexts) await c.close()
    await browser?.close()
  })

  it(
    'adds a 不议 category with its reason and changes the seconds needed; a resident proposing sees it and its reason',
    { timeout: 180_000 },
    async () => {
      // ── 吴主任 opens 议事规则 from 我的.
      const admin = await personAt('communityAdmin', '/pages/mine/index')
      await shown(admin).locator('.mine-settings-link').click({ timeout: 30_000 })
      const page = shown(admin)
      await expect.poll(() => page.locator('.settings-category').count(), { timeout: 15_000 }).toBe(12)
      expect(await page.locator('.settings-category--deliberate').count()).toBe(6)
      expect(await page.locator('.settings-category--exclude').count()).toBe(6)
      expect(
        await page
          .locator('.settings-category[data-category-id="private-disputes"] .settings-category-reason textarea')
          .inputValue(),
      ).toContain('个人私事')
      expect(await page.locator('.settings-seconds input').inputValue()).toBe('3')
      expect(await page.locator('.settings-threshold input').inputValue()).toBe('80')
      await admin.screenshot({ path: join(ARTIFACTS, 'settings-lists.png') })

      // A 不议 category needs its reason in this screen, even though the contract would take one without.
      await page.locator('.settings-add--exclude').click()
      await page.locator('.settings-new-name input').fill(NAME)
      await page.locator('.settings-new-confirm').click()
      await expect.poll(() => page.locator('.field-error--new-reason').textContent()).toContain('请填写不议理由')
      await page.locator('.settings-new-reason textarea').fill(REASON)
      await page.locator('.settings-new-confirm').click()
      await expect.poll(() => page.locator('.settings-category--exclude').count()).toBe(7)
      const added = page.locator('.settings-category--exclude').last()
      const newId = (await added.getAttribute('data-category-id')) ?? ''
      expect(newId).toMatch(/^c-[a-z0-9-]+$/)
      expect(newId.length).toBeLessThanOrEqual(32)
      expect(await added.locator('.settings-category-name input').inputValue()).toBe(NAME)

      // Moving a category between the lists asks for a reason on the way to 不议; deleting asks first. Both undone here.
      const moved = page.locator('.settings-category[data-category-id="public-affairs"]')
      await moved.locator('.settings-category-move').click()
      await expect.poll(() => page.locator('.settings-category--exclude').count()).toBe(8)
      expect(await moved.locator('.settings-category-reason').count()).toBe(1)
      await moved.locator('.settings-category-move').click()
      await expect.poll(() => page.locator('.settings-category--deliberate').count()).toBe(6)
      const commercial = page.locator('.settings-category[data-category-id="commercial"]')
      await commercial.locator('.settings-category-delete').click()
      await expect.poll(() => commercial.locator('.settings-category-delete-confirm').count()).toBe(1)
      await commercial.locator('.settings-category-delete-cancel').click()
      expect(await page.locator('.settings-category').count()).toBe(13)

      // The contract's limits are checked before sending, at the field; nothing is saved.
      await page.locator('.settings-seconds input').fill('200')
      await page.locator('.settings-save').click()
      await expect.poll(() => page.locator('.field-error--secondsNeeded').textContent()).toContain('0–100')
      await expect.poll(() => page.locator('.settings-error').count()).toBe(1)
      expect((await api('GET', settingsPath, adminToken)).body.secondsNeeded).toBe(3)

      // A refused save shows the API's message and keeps the edits (the PUT is answered with a 403 here, once).
      await page.locator('.settings-seconds input').fill('5')
      await admin.route(
        `**${settingsPath}`,
        (route) =>
          route.request().method() === 'PUT'
            ? route.fulfill({
                status: 403,
                headers: {
                  'content-type': 'application/json',
                  'access-control-allow-origin': route.request().headers()['origin'] ?? '*',
                  'access-control-allow-credentials': 'true',
                },
                body: JSON.stringify({ error: { code: 'auth.forbidden', message: '您没有权限进行此操作' } }),
              })
            : route.fallback(),
        { times: 1 },
      )
      await page.locator('.settings-save').click()
      await expect
        .poll(() => page.locator('.settings-error').textContent(), { timeout: 15_000 })
        .toContain('您没有权限进行此操作')
      expect(await page.locator('.settings-seconds input').inputValue()).toBe('5')
      expect(
        await page
          .locator(`.settings-category[data-category-id="${newId}"] .settings-category-reason textarea`)
          .inputValue(),
      ).toBe(REASON)

      // Saved for real.
      await page.locator('.settings-save').click()
      await expect.poll(() => page.locator('.settings-saved').count(), { timeout: 15_000 }).toBe(1)
      expect(await page.locator('.settings-error').count()).toBe(0)
      await admin.screenshot({ path: join(ARTIFACTS, 'settings-saved.png'), fullPage: true })

      const stored = (await api('GET', settingsPath, await demoToken('representative'))).body
      expect(stored.secondsNeeded).toBe(5)
      expect(stored.categories).toHaveLength(13)
      expect(stored.categories).toContainEqual({ categoryId: newId, name: NAME, kind: 'exclude', reason: REASON })
      // Existing ids stay, so matters already filed keep their category.
      expect(stored.categories.map((c: { categoryId: string }) => c.categoryId)).toEqual(
        expect.arrayContaining(['private-disputes', 'shared-facilities']),
      )

      // ── 刘芳 on the proposal form: the new 不议 category is listed under 哪些事不议？ with its reason, not offered as a choice.
      const rep = await personAt('representative', '/packages/resident/pages/propose/index')
      const form = shown(rep)
      await form.locator('.propose-excluded-toggle').click({ timeout: 15_000 })
      const item = form.locator(`.propose-excluded-item--${newId}`)
      await expect.poll(() => item.count(), { timeout: 15_000 }).toBe(1)
      await expect.poll(() => item.locator('.propose-category-reason').textContent()).toContain(REASON)
      expect(await form.locator(`.propose-category--${newId}`).count()).toBe(0)
      await expect.poll(() => form.locator('.propose-hint').textContent()).toContain('5 位')
      await rep.screenshot({ path: join(ARTIFACTS, 'settings-propose.png'), fullPage: true })

      expect(pageErrors).toEqual([])
    },
  )

  it('shows 无权限 to a committee member, and the API refuses their save', async () => {
    const committee = await personAt('committee', `/packages/staff/pages/settings/index?communityId=${e2e.communityId}`)
    const page = shown(committee)
    await expect
      .poll(() => page.locator('.settings-denied .error-state').textContent(), { timeout: 30_000 })
      .toContain('无权限')
    expect(await page.locator('.settings-save').count()).toBe(0)
    await committee.screenshot({ path: join(ARTIFACTS, 'settings-denied.png'), fullPage: true })

    const current = (await api('GET', settingsPath, adminToken)).body
    const refused = await api('PUT', settingsPath, await demoToken('committee'), { ...current, secondsNeeded: 0 })
    expect(refused.status).toBe(403)
    expect(refused.body.error.code).toBe('auth.forbidden')
    expect((await api('GET', settingsPath, adminToken)).body.secondsNeeded).toBe(current.secondsNeeded)
    expect(pageErrors).toEqual([])
  })
})
