import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { ARTIFACTS, api, demoSession, demoToken, launch, pickIdentity, seedDevice, shown } from './browser'
import { CARE, NORMAL, measure } from './measure'
import { acceptAndOpenPoll, freshResident, propertyParty, propose, secondToReview } from './scenes'

const e2e = inject('e2e')
const HOME = `${e2e.appUrl}/#/pages/index/index`

/**
 * 首页 knows who I am without a card scanned on this device (GET /me/home): my community, my grid and its grid worker,
 * how I am known here, my 待办 with counts (a tap opens the page that does it), my grid's services, and for the
 * committee, which serves every grid, a choice of grid kept on the device.
 */
describe('首页: my grid, my 待办 and my services', () => {
  let browser: Browser
  let communityName = ''
  let polling = ''

  beforeAll(async () => {
    browser = await launch()
    communityName = (await api('GET', `/cards/${e2e.cardCode}`)).body.communityName as string
    const party = await demoToken('partyHousehold')
    const rep = await demoToken('representative')
    const head = await demoToken('buildingHead')
    const neighbours = []
    for (const [i, room] of ['301', '302', '401'].entries())
      neighbours.push((await freshResident(`e2e-home-${i}`, '1', room)).token)
    // 陈志强's proposals for 1号楼: one put to a vote (刘芳's household has not voted), one awaiting the committee's
    // review (刘芳 has not seconded it), one still collecting seconds.
    polling = await propose(party, '1号楼门口加装无障碍坡道')
    await secondToReview(polling, [head, rep, ...neighbours])
    await acceptAndOpenPoll(polling)
    const waiting = await propose(party, '1号楼楼顶防水维修')
    await secondToReview(waiting, [head, ...neighbours])
    await propose(party, '1号楼信报箱更换')
  })
  afterAll(async () => {
    await browser?.close()
  })

  const phone = () => browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 })
  const todo = (page: Page, key: string) => shown(page).locator(`.home-todo--${key.replace('.', '-')}`)
  const countOf = async (page: Page, key: string) =>
    Number(await todo(page, key).locator('.home-todo-count').textContent())

  it('logged out it says what the app is and offers 登录; after login a resident sees their grid, roles, 待办 and services', async () => {
    const context = await phone()
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto(HOME)
    await shown(page).locator('.home-login').waitFor({ timeout: 30_000 })
    expect(await shown(page).locator('.home-login-card').textContent()).toContain('网格连心')
    // Nothing scanned on this device: how to find the card, no grid.
    expect(await shown(page).locator('.home-grid-name').count()).toBe(0)
    await page.screenshot({ path: join(ARTIFACTS, 'home-logged-out.png'), fullPage: true })

    await shown(page).locator('.home-login').click()
    await pickIdentity(page, 'representative')
    const home = shown(page)
    await expect.poll(() => home.locator('.home-grid-name').textContent(), { timeout: 30_000 }).toBe(e2e.gridName)
    expect(await home.locator('.home-community').textContent()).toBe(communityName)
    expect(await home.locator('.home-grid-worker').textContent()).toContain('李红梅')
    expect(await home.locator('.home-role').allTextContents()).toContain('户代表 · 1号楼1单元101室')
    expect(await home.locator('.home-user').textContent()).toContain('刘芳')
    // The services of the grid, each a tile.
    expect(await home.locator('.home-service').count()).toBeGreaterThanOrEqual(4)
    for (const key of ['matters', 'wishes', 'volunteer', 'points'])
      expect(await home.locator(`.home-service--${key}`).getAttribute('role')).toBe('link')
    // 待办: the poll to vote in and the proposal to second, with counts.
    await expect.poll(() => countOf(page, 'deliberation.vote')).toBeGreaterThanOrEqual(1)
    expect(await countOf(page, 'deliberation.second')).toBeGreaterThanOrEqual(1)
    const votes = await countOf(page, 'deliberation.vote')
    if (votes === 1)
      expect(await todo(page, 'deliberation.vote').locator('.home-todo-hint').textContent()).toBe(
        '1号楼门口加装无障碍坡道',
      )
    await page.screenshot({ path: join(ARTIFACTS, 'home-representative.png'), fullPage: true })

    // Tapping 待投票 opens the matter (one poll) or the 议事 list (several).
    await todo(page, 'deliberation.vote').click()
    if (votes === 1) {
      await shown(page).locator('.poll-section').waitFor({ timeout: 15_000 })
      expect(page.url()).toContain(`matterId=${polling}`)
    } else await shown(page).locator('.matter-card').first().waitFor({ timeout: 15_000 })
    // The services open their pages: 议事 is a tab.
    await page.goto(HOME)
    await shown(page).locator('.home-service--matters').click({ timeout: 30_000 })
    await shown(page).locator('.matter-card').first().waitFor({ timeout: 15_000 })
    expect(errors).toEqual([])
    await context.close()
  })

  it('the committee sees 待审议 with its count, opens the review queue, and picks a grid that stays picked', async () => {
    const context = await phone()
    await seedDevice(context, { session: await demoSession('committee'), privacy: true })
    const page = await context.newPage()
    await page.goto(HOME)
    await expect.poll(() => countOf(page, 'deliberation.review'), { timeout: 30_000 }).toBeGreaterThanOrEqual(1)
    expect(await shown(page).locator('.home-role').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('两委')]),
    )
    // The community's three grids to choose from; choosing one shows it, and it is still chosen after a reload.
    const chips = shown(page).locator('.home-grid-chip')
    expect(await chips.count()).toBe(3)
    await chips.filter({ hasText: '第二网格' }).click()
    await expect.poll(() => shown(page).locator('.home-grid-name').textContent(), { timeout: 15_000 }).toBe('第二网格')
    expect(await chips.filter({ hasText: '第二网格' }).getAttribute('aria-checked')).toBe('true')
    await page.screenshot({ path: join(ARTIFACTS, 'home-committee.png'), fullPage: true })
    await page.reload()
    await expect.poll(() => shown(page).locator('.home-grid-name').textContent(), { timeout: 30_000 }).toBe('第二网格')

    await todo(page, 'deliberation.review').click()
    await shown(page).locator(`.review-item`).first().waitFor({ timeout: 15_000 })
    expect(await shown(page).locator('.review-item').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('1号楼楼顶防水维修')]),
    )
    await context.close()
  })

  it('a resident without a household is asked to bind it, through the card last opened on this device', async () => {
    const session = (await api('POST', '/auth/login', undefined, { code: 'e2e-home-unbound' })).body
    const context = await phone()
    await seedDevice(context, { session, privacy: true })
    const page = await context.newPage()
    await page.goto(HOME)
    const home = shown(page)
    await home.locator('.home-bind').waitFor({ timeout: 30_000 })
    expect(await home.locator('.home-grid-name').count()).toBe(0)
    expect(await home.locator('.home-todos-empty').count()).toBe(1)
    // No card opened here yet: H5 has no scanner, so it says where the card is.
    expect(await home.locator('.home-bind-scan-hint').count()).toBe(1)
    await page.screenshot({ path: join(ARTIFACTS, 'home-unbound.png'), fullPage: true })

    // Once the card in the lobby has been opened, 首页 offers to bind a room of that grid.
    await page.goto(`${e2e.appUrl}/#/pages/grid/index?scene=${e2e.cardCode}`)
    await shown(page).locator('.grid-name').first().waitFor({ timeout: 30_000 })
    await page.goto(HOME)
    const bind = shown(page).locator('.home-bind-household')
    await expect.poll(() => bind.textContent(), { timeout: 30_000 }).toContain(e2e.gridName)
    await page.screenshot({ path: join(ARTIFACTS, 'home-unbound-card.png'), fullPage: true })
    await bind.click()
    await shown(page).locator('.bind-submit').waitFor({ timeout: 15_000 })
    await context.close()
  })

  it('a building head sees 待审核绑定 and opens the queue; 阳光物业’s 孙经理 sees the matter handed to it as 待办理', async () => {
    // ── A newcomer asks to bind a room of 1号楼: 王建国, its head, has it in his 待办.
    const newcomer = (await api('POST', '/auth/login', undefined, { code: 'e2e-home-newcomer' })).body
    const asked = await api('POST', '/bindings', newcomer.token, {
      buildingId: e2e.buildingIds[0],
      unit: '1',
      room: '501',
    })
    expect(asked.status).toBe(201)
    const headContext = await phone()
    await seedDevice(headContext, { session: await demoSession('buildingHead'), privacy: true })
    const head = await headContext.newPage()
    await head.goto(HOME)
    await expect.poll(() => countOf(head, 'bindings.pending'), { timeout: 30_000 }).toBeGreaterThanOrEqual(1)
    expect(await shown(head).locator('.home-role').allTextContents()).toContain('1号楼楼长')
    await todo(head, 'bindings.pending').click()
    await shown(head).locator(`.binding-item[data-request-id="${asked.body.requestId}"]`).waitFor({ timeout: 15_000 })
    await headContext.close()

    // ── A matter accepted for 阳光物业, put to a short poll that passes, and resolved naming 阳光物业.
    const party = await demoToken('partyHousehold')
    const committee = await demoToken('committee')
    const voters = [await demoToken('representative'), await demoToken('buildingHead')]
    for (const [i, room] of ['501', '502'].entries())
      voters.push((await freshResident(`e2e-home-voter-${i}`, '2', room)).token)
    const title = '1号楼电梯厅照明维修'
    const matterId = await propose(party, title)
    await secondToReview(matterId, voters)
    const property = await propertyParty(committee)
    expect(
      (
        await api('POST', `/matters/${matterId}/review`, committee, {
          decision: 'accept',
          triage: 'small',
          responsibleParty: property,
        })
      ).status,
    ).toBe(200)
    const closesAt = Date.now() + 8_000
    const opened = await api('POST', `/matters/${matterId}/poll`, await demoToken('buildingHead'), {
      options: ['同意', '不同意'],
      opensAt: new Date().toISOString(),
      closesAt: new Date(closesAt).toISOString(),
      secret: false,
      rule: { minTurnout: 0.1, passShare: 0.5, passOption: 0 },
    })
    expect(opened.status).toBe(201)
    for (const token of voters)
      expect((await api('POST', `/polls/${opened.body.poll.pollId}/votes`, token, { option: 0 })).status).toBe(201)
    await new Promise((r) => setTimeout(r, Math.max(0, closesAt - Date.now() + 500)))
    // The scheduler's handler, in-process against the stack's table, at a moment past the close (this poll only is due).
    Object.assign(process.env, e2e.env)
    const { handler: tick } = await import('../../functions/src/handlers/tick')
    expect(
      (await tick({ time: new Date(closesAt + 60_000).toISOString() })).ran['deliberation.pollClose'],
    ).toBeGreaterThanOrEqual(1)
    const pmToken = await demoToken('propertyManager')
    const reportsBefore = async () =>
      ((await api('GET', '/me/home', pmToken)).body.todos as { key: string; count: number }[]).find(
        (t) => t.key === 'deliberation.report',
      )?.count ?? 0
    const before = await reportsBefore()
    const resolved = await api('POST', `/matters/${matterId}/resolution`, committee, {
      responsibleParty: property,
      tasks: ['更换电梯厅灯具'],
      dueDate: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
    })
    expect(resolved.status).toBe(200)

    // ── 孙经理, who acts for 阳光物业: 待办理 names the matter, and the tap opens its 报告办结 form.
    const pmContext = await phone()
    await seedDevice(pmContext, { session: await demoSession('propertyManager'), privacy: true })
    const pm = await pmContext.newPage()
    await pm.goto(HOME)
    // One more than before the resolution (other browser tests may have handed 阳光物业 matters too).
    await expect.poll(() => countOf(pm, 'deliberation.report'), { timeout: 30_000 }).toBe(before + 1)
    expect(await shown(pm).locator('.home-role').allTextContents()).toContain('阳光物业')
    const hints = await todo(pm, 'deliberation.report').locator('.home-todo-hint').textContent()
    if ((await countOf(pm, 'deliberation.report')) === 1) {
      expect(hints).toBe(title)
      await todo(pm, 'deliberation.report').click()
      // 报告办结 itself: the resolution's tasks and the form.
      await shown(pm).locator('.report-submit').waitFor({ timeout: 15_000 })
      expect(await shown(pm).locator('.report-task').allTextContents()).toEqual(
        expect.arrayContaining([expect.stringContaining('更换电梯厅灯具')]),
      )
      expect(pm.url()).toContain(`matterId=${matterId}`)
    }
    await pm.screenshot({ path: join(ARTIFACTS, 'home-propertyManager.png'), fullPage: true })
    await pmContext.close()
  })

  for (const mode of ['normal', 'care'] as const) {
    it(
      `${mode} mode: 首页 of a resident, the committee and a visitor meets the minimums`,
      { timeout: 120_000 },
      async () => {
        const findings: string[] = []
        const check = async (who: string | undefined, ready: string) => {
          const context: BrowserContext = await phone()
          await seedDevice(context, {
            ...(who ? { session: await demoSession(who) } : {}),
            privacy: true,
            care: mode === 'care',
          })
          const page = await context.newPage()
          await page.goto(HOME)
          await shown(page).locator(ready).first().waitFor({ timeout: 30_000 })
          expect(
            await shown(page)
              .locator('.page')
              .first()
              .evaluate((el) => getComputedStyle(el).fontSize),
          ).toBe(mode === 'care' ? '19px' : '17px')
          await page.screenshot({ path: join(ARTIFACTS, `home-${who ?? 'visitor'}-${mode}.png`), fullPage: true })
          // The page scrolls inside Taro's container: the lower cards on their own.
          for (const part of ['home-todos', 'home-services', 'home-staff'])
            if ((await shown(page).locator(`.${part}`).count()) > 0)
              await shown(page)
                .locator(`.${part}`)
                .screenshot({ path: join(ARTIFACTS, `home-${who ?? 'visitor'}-${mode}-${part.slice(5)}.png`) })
          for (const v of await measure(page, mode === 'care' ? CARE : NORMAL))
            findings.push(`${who ?? 'visitor'}: [${v.rule}] ${v.element} — ${v.detail}`)
          await context.close()
        }
        await check('representative', '.home-todo')
        await check('committee', '.home-grid-chip')
        await check('gridWorker', '.home-grid-name')
        await check(undefined, '.home-login')
        expect(findings).toEqual([])
      },
    )
  }
})
