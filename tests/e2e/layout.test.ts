/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { ARTIFACTS, api, demoSession, demoToken, launch, seedDevice, shown } from './browser'
import { CARE, NORMAL, measure, type Minimums } from './measure'
import { acceptAndOpenPoll, freshResident, propertyParty, propose, secondToReview } from './scenes'

const e2e = inject('e2e')

/**
 * What a 70-year-old sees on a 375 px phone: every page a resident opens, in normal and in care mode (长辈模式),
 * held to the design tokens' minimums (tests/e2e/measure.ts): text sizes by kind, 44 px (care: 48 px) touch targets
 * with a role each, 4.5:1 contrast, and nothing sticking out sideways. Each finding names its element.
 */
describe('type, touch targets, contrast and width on a 375 px phone, in normal and in care mode', () => {
  let browser: Browser
  let seconding = ''
  let polling = ''
  let accepted = ''

  beforeAll(async () => {
    browser = await launch()
    const party = await demoToken('partyHousehold')
    const rep = await demoToken('representative')
    const head = await demoToken('buildingHead')
    // 陈志强 proposes two matters for 1号楼: one still collecting seconds (刘芳 may second it), one put to a vote (刘芳 may vote).
    seconding = await propose(party, '1号楼楼道加装扶手')
    polling = await propose(party, '1号楼门前路灯维修')
    const neighbours = []
    for (const [i, room] of ['501', '502', '601'].entries())
      neighbours.push((await freshResident(`e2e-layout-${i}`, '2', room)).token)
    await secondToReview(polling, [head, rep, ...neighbours])
    await acceptAndOpenPoll(polling)
    // For the staff pages: one matter waiting in the review queue, one accepted and waiting for its poll, one binding request.
    const waiting = await propose(party, '1号楼电动车充电桩')
    await secondToReview(waiting, [head, rep, ...neighbours])
    accepted = await propose(party, '1号楼垃圾分类亭')
    await secondToReview(accepted, [head, rep, ...neighbours])
    const committee = await demoToken('committee')
    const review = { decision: 'accept', triage: 'small', responsibleParty: await propertyParty(committee) }
    expect((await api('POST', `/matters/${accepted}/review`, committee, review)).status).toBe(200)
    const asking = (await api('POST', '/auth/login', undefined, { code: 'e2e-layout-asking' })).body.token as string
    expect(
      (
        await api('POST', '/bindings', asking, {
          buildingId: e2e.buildingIds[0],
          unit: '2',
          room: '602',
          note: '业主的女儿，和父母同住',
        })
      ).status,
    ).toBe(201)
  })
  afterAll(async () => {
    await browser?.close()
  })

  const matterUrl = (id: string) => `${e2e.appUrl}/#/packages/resident/pages/matter/index?matterId=${id}`

  it('finds what it looks for: a small grey label, a tiny target without a role, and a row wider than the screen', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 })
    await seedDevice(context, { session: await demoSession('representative'), privacy: true })
    const page = await context.newPage()
    await page.goto(`${e2e.appUrl}/#/pages/index/index`)
    await shown(page).locator('.home-user').waitFor({ timeout: 30_000 })
    await shown(page)
      .locator('.page')
      .first()
      .evaluate((root) => {
        root.insertAdjacentHTML(
          'beforeend',
          '<div class="bad-small" style="font-size:11px;color:#5c5c5c">小字</div>' +
            '<div class="bad-faint" style="font-size:17px;color:#aaaaaa;background:#fff">浅字</div>' +
            '<div class="bad-target" style="cursor:pointer;height:30px;font-size:17px">点我</div>' +
            '<div class="bad-wide" style="width:500px;font-size:17px">很宽的一行</div>',
        )
      })
    const found = await measure(page, NORMAL)
    const about = (cls: string) => found.filter((v) => v.element.includes(cls)).map((v) => v.rule)
    expect(about('bad-small')).toContain('text-size')
    expect(about('bad-faint')).toContain('contrast')
    expect(about('bad-target')).toEqual(expect.arrayContaining(['tap-size', 'tap-role']))
    expect(about('bad-wide')).toContain('overflow')
    await context.close()
  })

  for (const mode of ['normal', 'care'] as const) {
    it(
      `${mode} mode: the card, 首页, 议事, a matter, the vote sheet, the proposal form, 我的, the binding form and login`,
      { timeout: 180_000 },
      async () => {
        const min: Minimums = mode === 'care' ? CARE : NORMAL
        const findings: string[] = []
        const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 })
        await seedDevice(context, {
          session: await demoSession('representative'),
          privacy: true,
          care: mode === 'care',
        })

        /** Opens `url` in a page of its own, waits for `ready`, optionally acts, then shoots and measures. */
        const check = async (name: string, url: string, ready: string, act?: (page: Page) => Promise<void>) => {
          const page = await context.newPage()
          await page.goto(url)
          await shown(page).locator(ready).first().waitFor({ timeout: 30_000 })
          if (act) await act(page)
          // The mode is really on (or off): the page root's body size is the token's.
          expect(
            await shown(page)
              .locator('.page')
              .first()
              .evaluate((el) => getComputedStyle(el).fontSize),
          ).toBe(mode === 'care' ? '19px' : '17px')
          await page.screenshot({ path: join(ARTIFACTS, `layout-${name}-${mode}.png`), fullPage: true })
          for (const v of await measure(page, min)) findings.push(`${name}: [${v.rule}] ${v.element} — ${v.detail}`)
          await page.close()
        }

        await check('grid-card', `${e2e.appUrl}/#/pages/grid/index?scene=${e2e.cardCode}`, '.grid-worker-name')
        await check('home', `${e2e.appUrl}/#/pages/index/index`, '.home-user')
        await check('matters', `${e2e.appUrl}/#/pages/matters/index`, '.matter-card', async (page) => {
          expect(await shown(page).locator('.matter-card').first().getAttribute('role')).toBe('link')
          expect(await shown(page).locator('.matters-filter--all').getAttribute('aria-selected')).toBe('true')
        })
        await check('matter-seconding', matterUrl(seconding), '.second-button', async (page) => {
          // Tappables are buttons (links, tabs…) to a screen reader, with a name where the text alone says too little.
          expect(await shown(page).locator('.second-button').getAttribute('role')).toBe('button')
          expect(await shown(page).locator('.second-button').getAttribute('aria-label')).toBe('为这个议题附议')
          expect(await shown(page).locator('.share-button').getAttribute('role')).toBe('button')
        })
        await check('matter-polling', matterUrl(polling), '.poll-section')
        await check('vote-sheet', matterUrl(polling), '.vote-button', async (page) => {
          await shown(page).locator('.vote-button').click()
          await shown(page).locator('.vote-option--0').click()
          await shown(page).locator('.vote-warning').waitFor()
        })
        await check(
          'propose',
          `${e2e.appUrl}/#/packages/resident/pages/propose/index`,
          '.propose-title',
          async (page) => {
            await shown(page).locator('.propose-excluded-toggle').click()
            await shown(page).locator('.propose-excluded-item').first().waitFor()
            // The field errors too: submitting the empty form shows one at each field.
            await shown(page).locator('.propose-submit').click()
            await shown(page).locator('.field-error--title').waitFor()
          },
        )
        await check('mine', `${e2e.appUrl}/#/pages/mine/index`, '.mine-name')
        // The binding form: the building, then the unit and its rooms to choose from.
        await check(
          'bind',
          `${e2e.appUrl}/#/packages/resident/pages/bind/index?gridCode=${e2e.cardCode}`,
          `.bind-building-option--${e2e.buildingIds[0]}`,
          async (page) => {
            await shown(page).locator(`.bind-building-option--${e2e.buildingIds[0]}`).click()
            await shown(page).locator('.bind-unit-option--2').click()
            await shown(page).locator('.bind-room-option--602').waitFor()
          },
        )

        // The login page with the privacy notice, on a device that has not agreed yet.
        const fresh = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 })
        await seedDevice(fresh, { care: mode === 'care' })
        const login = await fresh.newPage()
        await login.goto(`${e2e.appUrl}/#/pages/login/index`)
        await shown(login).locator('.privacy-agree').waitFor({ timeout: 30_000 })
        await login.screenshot({ path: join(ARTIFACTS, `layout-login-${mode}.png`), fullPage: true })
        for (const v of await measure(login, min)) findings.push(`login: [${v.rule}] ${v.element} — ${v.detail}`)
        await fresh.close()
        await context.close()

        expect(findings).toEqual([])
      },
    )

    it(
      `${mode} mode: the staff pages a building head, the committee and the admin use`,
      { timeout: 180_000 },
      async () => {
        const min: Minimums = mode === 'care' ? CARE : NORMAL
        const findings: string[] = []
        const as = async (
          key: string,
          name: string,
          path: string,
          ready: string,
          act?: (page: Page) => Promise<void>,
        ) => {
          const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 })
          await seedDevice(context, { session: await demoSession(key), privacy: true, care: mode === 'care' })
          const page = await context.newPage()
          await page.goto(`${e2e.appUrl}/#${path}`)
          await shown(page).locator(ready).first().waitFor({ timeout: 30_000 })
          if (act) await act(page)
          await page.screenshot({ path: join(ARTIFACTS, `layout-${name}-${mode}.png`), fullPage: true })
          for (const v of await measure(page, min)) findings.push(`${name}: [${v.rule}] ${v.element} — ${v.detail}`)
          await context.close()
        }
        await as('buildingHead', 'bindings', '/packages/staff/pages/bindings/index', '.binding-item', async (page) => {
          await shown(page).locator('.binding-refuse').first().click()
          await shown(page).locator('.binding-refuse-reason').first().waitFor()
        })
        await as(
          'committee',
          'review',
          `/packages/staff/pages/review/index?communityId=${e2e.communityId}`,
          '.review-item',
          async (page) => {
            await shown(page).locator('.review-accept').first().click()
            await shown(page).locator('.review-triage--small').first().waitFor()
            await shown(page).locator('.party-option').first().waitFor()
          },
        )
        await as(
          'communityAdmin',
          'organisations',
          `/packages/staff/pages/organisations/index?communityId=${e2e.communityId}`,
          '.organisation-row',
          async (page) => {
            await shown(page).locator('.organisation-edit').first().click()
            await shown(page).locator('.organisation-kind--property').waitFor()
            await shown(page).locator('.member-pick').first().waitFor()
          },
        )
        await as('buildingHead', 'open-poll', `/packages/staff/pages/poll/index?matterId=${accepted}`, '.poll-submit')
        await as(
          'communityAdmin',
          'settings',
          `/packages/staff/pages/settings/index?communityId=${e2e.communityId}`,
          '.settings-save',
        )
        expect(findings).toEqual([])
      },
    )
  }
})
