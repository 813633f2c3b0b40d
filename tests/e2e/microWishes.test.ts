/// <reference lib="dom" />
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { ARTIFACTS, answerConsent, api, demoSession, demoToken, launch, seedDevice, shown } from './browser'
import { CARE, NORMAL, measure } from './measure'

const e2e = inject('e2e')

/** A 1×1 PNG: the photos of the wish and of its delivery. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
)
const TITLE = '想要一个带座椅的助行器'
const TEXT = '腿脚不便，下楼买菜走一会儿就累，想要一个能坐下歇脚的助行器。'
const THANKS = '谢谢党员同志，助行器很好用！'

/**
 * Micro-wishes in the browser, as the people do it: 刘芳 posts a wish from her grid's card, 李红梅 (the grid worker)
 * finds it on 首页, checks and publishes it, 赵磊 (an in-service member) claims it from the wall, sees how to reach her,
 * reports it delivered with a photo, 刘芳 confirms and thanks him, and his points show it. Then every page of it is
 * held to the design's minimums on a 375 px phone in normal and in care mode (长辈模式).
 */
describe('micro-wishes in the browser: post, vet, claim, fulfil with a photo, confirm and thank, points', () => {
  let browser: Browser
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []
  let wishId = ''

  /** A person on a phone of their own, logged in as a demo identity (the login page itself is tested elsewhere). */
  const person = async (key: string, care = false) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })
    contexts.push(context)
    await seedDevice(context, { session: await demoSession(key), privacy: true, care })
    const page = await context.newPage()
    page.on('pageerror', (e) => pageErrors.push(`${key}: ${String(e)}`))
    return page
  }
  const open = (page: Page, path: string) => page.goto(`${e2e.appUrl}/#/${path}`)
  const photo = async (page: Page, addButton: string) => {
    const chooser = page.waitForEvent('filechooser')
    await shown(page).locator(addButton).click()
    await (await chooser).setFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG })
  }
  const status = (page: Page) => shown(page).locator('.wish-status').textContent()

  beforeAll(async () => {
    browser = await launch()
  })
  afterAll(async () => {
    for (const c of contexts) await c.close()
    await browser?.close()
  })

  it('goes from 刘芳’s wish to 赵磊’s points, each step in the pages', { timeout: 240_000 }, async () => {
    const memberToken = await demoToken('inServiceMember')
    const balanceBefore = (await api('GET', '/me/wish-claims', memberToken)).body.balance as number

    // ── 刘芳 opens her grid's card and posts a wish with a photo.
    const liu = await person('representative')
    await open(liu, `pages/grid/index?scene=${e2e.cardCode}`)
    await shown(liu).locator('.grid-wishes').click({ timeout: 30_000 })
    await shown(liu).locator('.wall-post').click({ timeout: 15_000 })
    const form = shown(liu)
    await form.locator('.post-title input').fill(TITLE, { timeout: 15_000 })
    await form.locator('.post-text textarea').fill(TEXT)
    // Submitting without a category says so at the field and sends nothing.
    await form.locator('.post-submit').click()
    await expect.poll(() => form.locator('.field-error--categoryId').textContent()).toContain('请选择心愿类别')
    await form.locator('.post-category--mobility').click()
    await form.locator('.post-when--14').click()
    await photo(liu, '.post-photo-add')
    await expect.poll(() => form.locator('.post-photo[data-state="done"]').count(), { timeout: 15_000 }).toBe(1)
    await liu.screenshot({ path: join(ARTIFACTS, 'wishes-post.png'), fullPage: true })
    await form.locator('.post-submit').click()
    await answerConsent(liu, true)
    await expect.poll(() => shown(liu).locator('.wish-title').textContent(), { timeout: 15_000 }).toBe(TITLE)
    wishId = /wishId=([0-9A-Z]+)/.exec(liu.url())?.[1] ?? ''
    expect(wishId).not.toBe('')
    expect(await status(liu)).toBe('待网格员审核')
    expect(await shown(liu).locator('.wish-posted').count()).toBe(1)
    expect(await shown(liu).locator('.wish-address').textContent()).toContain('1号楼1单元101室')

    // ── 李红梅 sees it waiting on 首页, checks it (a visit), records the private hardship category, publishes it.
    const li = await person('gridWorker')
    await open(li, 'pages/index/index')
    await expect
      .poll(async () => Number(await shown(li).locator('.home-todo--wishes-vet .home-todo-count').textContent()), {
        timeout: 30_000,
      })
      .toBeGreaterThanOrEqual(1)
    await shown(li).locator('.home-wish-queue-link').click()
    await shown(li).locator(`.queue-item[data-wish-id="${wishId}"]`).click({ timeout: 15_000 })
    await shown(li).locator('.wish-vet-button').click({ timeout: 15_000 })
    const vet = shown(li)
    await vet.locator('.vet-method--visit').click({ timeout: 15_000 })
    await vet.locator('.vet-note textarea').fill('上门看过，老人腿脚确实不便，独居')
    await vet.locator('.vet-hardship--elderlyAlone').click()
    await vet.locator('.vet-points input').fill('20')
    await vet.locator('.vet-days--7').click()
    await li.screenshot({ path: join(ARTIFACTS, 'wishes-vet.png'), fullPage: true })
    await vet.locator('.vet-submit').click()
    await expect.poll(() => status(li), { timeout: 15_000 }).toBe('待认领')
    expect(await shown(li).locator('.wish-hardship').textContent()).toContain('独居或空巢老人')

    // ── 赵磊 finds it on the community's wall (刘**, no room, no hardship), claims it and sees how to reach her.
    const zhao = await person('inServiceMember')
    await open(zhao, `packages/wishes/pages/wall/index?communityId=${e2e.communityId}`)
    const card = shown(zhao).locator(`.wall-card[data-wish-id="${wishId}"]`)
    await expect.poll(() => card.textContent(), { timeout: 30_000 }).toContain('刘**')
    const cardText = (await card.textContent()) ?? ''
    for (const hidden of ['101', '单元', '独居', '刘芳']) expect(cardText).not.toContain(hidden)
    await zhao.screenshot({ path: join(ARTIFACTS, 'wishes-wall.png'), fullPage: true })
    await card.click()
    expect(await shown(zhao).locator('.wish-contact').count()).toBe(0)
    await shown(zhao).locator('.wish-claim-button').click({ timeout: 15_000 })
    await shown(zhao).locator('.wish-claim-confirm').click()
    await answerConsent(zhao, true)
    await expect
      .poll(() => shown(zhao).locator('.wish-contact-name').textContent(), { timeout: 15_000 })
      .toContain('刘芳')
    expect(await shown(zhao).locator('.wish-contact-address').textContent()).toContain('1号楼1单元101室')
    expect(await status(zhao)).toBe('已认领，办理中')
    await zhao.screenshot({ path: join(ARTIFACTS, 'wishes-claimed.png'), fullPage: true })

    // ── He delivers it and reports it with a photo.
    await shown(zhao).locator('.wish-fulfil-button').click()
    await photo(zhao, '.fulfil-photo-add')
    await expect
      .poll(() => shown(zhao).locator('.fulfil-photo[data-state="done"]').count(), { timeout: 15_000 })
      .toBe(1)
    await shown(zhao).locator('.fulfil-note textarea').fill('助行器已送到家，教会了刘阿姨使用')
    await zhao.screenshot({ path: join(ARTIFACTS, 'wishes-fulfil.png'), fullPage: true })
    await shown(zhao).locator('.fulfil-submit').click()
    await expect.poll(() => status(zhao), { timeout: 15_000 }).toBe('已送达，待确认')
    expect(await shown(zhao).locator('.wish-fulfilment-photo').count()).toBe(1)

    // ── 刘芳 confirms receipt and writes a thank-you letter.
    await open(liu, `packages/wishes/pages/wish/index?wishId=${wishId}`)
    await shown(liu).locator('.wish-confirm-button').click({ timeout: 30_000 })
    await shown(liu).locator('.wish-confirm-input textarea').fill(THANKS)
    await shown(liu).locator('.wish-confirm-submit').click()
    await expect.poll(() => status(liu), { timeout: 15_000 }).toBe('已实现')
    expect(await shown(liu).locator('.wish-thanks-text').textContent()).toBe(THANKS)
    expect(await shown(liu).locator('.wish-credit').textContent()).toContain('已获得 20 积分')
    await liu.screenshot({ path: join(ARTIFACTS, 'wishes-confirmed.png'), fullPage: true })

    // ── His points show it, and the wall shows the wish among 已实现 with her thanks.
    await open(zhao, 'packages/wishes/pages/claims/index')
    await expect
      .poll(async () => Number(await shown(zhao).locator('.claims-balance').textContent()), { timeout: 30_000 })
      .toBe(balanceBefore + 20)
    expect(await shown(zhao).locator(`.claim-item--confirmed[data-wish-id="${wishId}"]`).textContent()).toContain(
      '+20积分',
    )
    await zhao.screenshot({ path: join(ARTIFACTS, 'wishes-claims.png'), fullPage: true })
    await open(zhao, `packages/wishes/pages/wall/index?communityId=${e2e.communityId}`)
    await shown(zhao).locator('.wall-tab--done').click({ timeout: 30_000 })
    await expect
      .poll(() => shown(zhao).locator(`.wall-card[data-wish-id="${wishId}"]`).textContent(), { timeout: 15_000 })
      .toContain(THANKS)
    expect(pageErrors).toEqual([])
  })

  for (const mode of ['normal', 'care'] as const) {
    it(
      `${mode} mode: the wall, a wish, the forms, my wishes, my claims and the queue on a 375 px phone`,
      { timeout: 180_000 },
      async () => {
        const min = mode === 'care' ? CARE : NORMAL
        const findings: string[] = []
        const check = async (
          key: string,
          name: string,
          path: string,
          ready: string,
          act?: (page: Page) => Promise<void>,
        ) => {
          const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 })
          contexts.push(context)
          await seedDevice(context, { session: await demoSession(key), privacy: true, care: mode === 'care' })
          const page = await context.newPage()
          await open(page, path)
          await shown(page).locator(ready).first().waitFor({ timeout: 30_000 })
          if (act) await act(page)
          expect(
            await shown(page)
              .locator('.page')
              .first()
              .evaluate((el) => getComputedStyle(el).fontSize),
          ).toBe(mode === 'care' ? '19px' : '17px')
          await page.screenshot({ path: join(ARTIFACTS, `wishes-${name}-${mode}.png`), fullPage: true })
          for (const v of await measure(page, min)) findings.push(`${name}: [${v.rule}] ${v.element} — ${v.detail}`)
          await context.close()
        }
        const done =
          wishId ||
          ((await api('GET', `/communities/${e2e.communityId}/wish-wall?show=done`, await demoToken('inServiceMember')))
            .body.items[0]?.wishId as string)
        await check(
          'inServiceMember',
          'wall',
          `packages/wishes/pages/wall/index?communityId=${e2e.communityId}`,
          '.wall-card',
        )
        await check(
          'inServiceMember',
          'wall-done',
          `packages/wishes/pages/wall/index?communityId=${e2e.communityId}`,
          '.wall-tab--done',
          async (page) => {
            await shown(page).locator('.wall-tab--done').click()
            await shown(page).locator('.wall-card--done').first().waitFor()
          },
        )
        await check('representative', 'wish', `packages/wishes/pages/wish/index?wishId=${done}`, '.wish-timeline')
        const onWall = (
          await api('GET', `/communities/${e2e.communityId}/wish-wall`, await demoToken('inServiceMember'))
        ).body.items[0].wishId as string
        await check(
          'inServiceMember',
          'claim-sheet',
          `packages/wishes/pages/wish/index?wishId=${onWall}`,
          '.wish-claim-button',
          async (page) => {
            await shown(page).locator('.wish-claim-button').click()
            await shown(page).locator('.wish-claim-confirm').waitFor()
          },
        )
        await check('representative', 'post', 'packages/wishes/pages/post/index', '.post-title', async (page) => {
          await shown(page).locator('.post-submit').click()
          await shown(page).locator('.field-error--title').waitFor()
        })
        await check('gridWorker', 'post-behalf', 'packages/wishes/pages/post/index?onBehalf=1', '.post-building')
        await check('gridWorker', 'queue', 'packages/wishes/pages/queue/index', '.queue-vetting-count')
        const waiting = (await api('GET', '/me/wish-queue', await demoToken('gridWorker'))).body.vetting[0]
          ?.wishId as string
        await check('gridWorker', 'vet', `packages/wishes/pages/vet/index?wishId=${waiting}`, '.vet-submit')
        await check('representative', 'mine', 'packages/wishes/pages/mine/index', '.my-wish')
        await check('inServiceMember', 'claims', 'packages/wishes/pages/claims/index', '.claims-balance')
        await check('representative', 'home', 'pages/index/index', '.home-service--wishes')
        await check('representative', 'grid-card', `pages/grid/index?scene=${e2e.cardCode}`, '.grid-wishes')
        expect(findings).toEqual([])
      },
    )
  }
})
