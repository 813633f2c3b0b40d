import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { ARTIFACTS, api, demoToken, launch, pickIdentity, seedDevice, shown } from './browser'
import { CARE, NORMAL, measure } from './measure'

const e2e = inject('e2e')

/**
 * Names people know: 赵磊 sets his nickname in 我的 (the prompt goes, the header and the API say the new name, a
 * risky one is refused at the field); a logged-in neighbour calls a building head from the grid card; the community
 * admin adds an organisation to the 责任方名录, picking its acting account by name (who then has it among her roles on
 * 首页). Each page measured in normal and care mode.
 */
describe('names and numbers in the pages: a nickname in 我的, building heads to call, the 责任方名录', () => {
  let browser: Browser
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []

  const person = async (key: string, redirect: string, care = false) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 })
    contexts.push(context)
    if (care) await seedDevice(context, { care: true })
    const page = await context.newPage()
    page.on('pageerror', (e) => pageErrors.push(`${key}: ${String(e)}`))
    page.on('console', (m) => {
      // The refused nickname is a 422 on purpose; Chromium logs every 4xx response as a console error.
      if (m.type() === 'error' && !/status of 422/.test(m.text())) pageErrors.push(`${key} console: ${m.text()}`)
    })
    await page.goto(`${e2e.appUrl}/#/pages/login/index?redirect=${encodeURIComponent(redirect)}`)
    await pickIdentity(page, key)
    return page
  }
  const measured = async (page: Page, name: string, care: boolean) => {
    await page.screenshot({ path: join(ARTIFACTS, `names-${name}-${care ? 'care' : 'normal'}.png`), fullPage: true })
    return (await measure(page, care ? CARE : NORMAL)).map((v) => `${name}: [${v.rule}] ${v.element} — ${v.detail}`)
  }

  beforeAll(async () => {
    browser = await launch()
  })
  afterEach(() => {
    expect(pageErrors).toEqual([])
  })
  afterAll(async () => {
    // 赵磊 keeps his name for the other tests.
    await api('PUT', '/me/profile', await demoToken('inServiceMember'), { nickname: '赵磊' })
    for (const c of contexts) await c.close()
    await browser?.close()
  })

  it('sets a nickname in 我的: the prompt goes, the name shows; a risky one is refused at the field', async () => {
    const page = await person('inServiceMember', '/pages/mine/index')
    const mine = shown(page)
    await mine.locator('.mine-nickname-prompt').waitFor({ timeout: 30_000 })
    expect(await mine.locator('.mine-nickname-prompt').textContent()).toContain('设置昵称，让邻居认得您')
    const findings = await measured(page, 'mine-profile', false)

    await mine.locator('.mine-nickname-input input').fill('违规测试')
    await mine.locator('.mine-nickname-save').click()
    await expect.poll(() => mine.locator('.field-error--nickname').textContent(), { timeout: 15_000 }).toMatch(/违规/)

    await mine.locator('.mine-nickname-input input').fill('赵师傅')
    // The API's error goes as soon as the field changes.
    await expect.poll(() => mine.locator('.field-error--nickname').count()).toBe(0)
    await mine.locator('.mine-nickname-save').click()
    await expect.poll(() => mine.locator('.mine-name').textContent(), { timeout: 15_000 }).toBe('赵师傅')
    await expect.poll(() => mine.locator('.mine-nickname-prompt').count()).toBe(0)
    expect(await mine.locator('.mine-nickname-input input').inputValue()).toBe('赵师傅')
    const me = await api('GET', '/me', await demoToken('inServiceMember'))
    expect(me.body).toMatchObject({ displayName: '赵师傅', hasNickname: true })
    findings.push(...(await measured(page, 'mine-profile-set', false)))

    const care = await person('resident', '/pages/mine/index', true)
    await shown(care).locator('.mine-nickname-prompt').waitFor({ timeout: 30_000 })
    findings.push(...(await measured(care, 'mine-profile', true)))
    expect(findings).toEqual([])
  })

  it('lets a logged-in neighbour call a building head from the grid card, with the full number', async () => {
    const findings: string[] = []
    for (const care of [false, true]) {
      const page = await person('representative', `/pages/grid/index?scene=${e2e.cardCode}`, care)
      const card = shown(page)
      const head = card.locator('.head-call', { hasText: '王建国' })
      await head.waitFor({ timeout: 30_000 })
      expect(await head.locator('.building-head-phone').textContent()).toBe('13900000003')
      const call = head.locator('.call-head')
      expect(await call.getAttribute('role')).toBe('button')
      expect((await call.boundingBox())!.height).toBeGreaterThanOrEqual(44)
      findings.push(...(await measured(page, 'grid-heads', care)))
      await call.click()
      // H5 stands in for the dialler with the number to call.
      await page.getByText('请拨打 13900000003').first().waitFor({ timeout: 15_000 })
    }
    expect(findings).toEqual([])
  })

  it('lets the community admin add an organisation to the 责任方名录', async () => {
    const findings: string[] = []
    const page = await person(
      'communityAdmin',
      `/packages/staff/pages/organisations/index?communityId=${e2e.communityId}`,
    )
    const registry = shown(page)
    await registry.locator('.organisation-row', { hasText: '阳光物业' }).waitFor({ timeout: 30_000 })
    findings.push(...(await measured(page, 'organisations', false)))
    await registry.locator('.organisation-add').click()
    // Nothing chosen: saving at once asks for the kind and the name at their fields.
    await registry.locator('.organisation-save').click()
    await registry.locator('.field-error--kind').waitFor()
    await registry.locator('.field-error--name').waitFor()
    findings.push(...(await measured(page, 'organisation-form', false)))
    await registry.locator('.organisation-kind--department').click()
    await registry.locator('.organisation-name input').fill('沙河街道市场监管所')
    // The acting account is picked by name among the community's staff, found with the search box.
    await registry.locator('.member-pick', { hasText: '孙经理' }).waitFor()
    await registry.locator('.member-search input').fill('李红')
    await expect.poll(() => registry.locator('.member-pick').count()).toBe(1)
    const li = registry.locator('.member-pick', { hasText: '李红梅' })
    expect(await li.innerText()).toMatch(/网格员 · 第一网格\s+手机 138\*{4}8001/)
    await li.click()
    await registry.locator('.member-pick.is-active', { hasText: '李红梅' }).waitFor()
    await registry.locator('.member-chosen', { hasText: '已选 1 人：李红梅' }).waitFor()
    expect(await registry.locator('.member-none').count()).toBe(0)
    findings.push(...(await measured(page, 'organisation-members', false)))
    await registry.locator('.organisation-save').click()
    await registry
      .locator('.organisation-row', { hasText: '沙河街道市场监管所' })
      .filter({ hasText: '办理账号：李红梅' })
      .waitFor({ timeout: 15_000 })
    const list = await api('GET', `/communities/${e2e.communityId}/organisations`, await demoToken('committee'))
    const added = (list.body.items as { kind: string; name: string; members: { name: string }[] }[]).find(
      (o) => o.name === '沙河街道市场监管所',
    )
    expect(added).toMatchObject({ kind: 'department', members: [{ name: '李红梅' }] })
    // She now acts for it: 首页 lists it among her roles.
    const home = await api('GET', '/me/home', await demoToken('gridWorker'))
    expect(home.body.roles).toContain('沙河街道市场监管所')

    const care = await person(
      'communityAdmin',
      `/packages/staff/pages/organisations/index?communityId=${e2e.communityId}`,
      true,
    )
    await shown(care).locator('.organisation-row').first().waitFor({ timeout: 30_000 })
    await shown(care).locator('.organisation-edit').first().click()
    await shown(care).locator('.member-pick.is-active').first().waitFor({ timeout: 15_000 })
    findings.push(...(await measured(care, 'organisation-form', true)))

    // Anyone else is told who keeps it.
    const other = await person('committee', `/packages/staff/pages/organisations/index?communityId=${e2e.communityId}`)
    await shown(other).locator('.organisations-denied').waitFor({ timeout: 30_000 })
    expect(findings).toEqual([])
  })
})
