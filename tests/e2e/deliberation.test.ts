import { join } from 'node:path'
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { ARTIFACTS, launch, api, demoToken, shown, answerConsent, pickIdentity } from './browser'

const e2e = inject('e2e')

/** A 1×1 red PNG: the photo the representative attaches. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
)

const TITLE = '1号楼单元门禁维修'
const TEXT = '1号楼1单元的门禁坏了两周，陌生人随意进出，老人孩子不安全，建议尽快维修并更换门禁卡。'
const COMMENT = '同意尽快修，费用从公共收益里出。'

describe('five-step deliberation in the browser: propose, second, review, poll, vote, comment, result, resolution, rating', () => {
  let browser: Browser
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []

  /** A person in a browser of their own, logged in as a demo identity on the login page, landing on `redirect`. */
  const personAt = async (key: string, redirect: string) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })
    contexts.push(context)
    const page = await context.newPage()
    page.on('pageerror', (e) => pageErrors.push(`${key}: ${String(e)}`))
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(`${key} console: ${m.text()}`)
    })
    await page.goto(`${e2e.appUrl}/#/pages/login/index?redirect=${encodeURIComponent(redirect)}`)
    await pickIdentity(page, key)
    return page
  }

  beforeAll(async () => {
    browser = await launch()
  })
  afterAll(async () => {
    for (const c of contexts) await c.close()
    await browser?.close()
  })

  it(
    "takes a building-scope matter from proposal through a closed poll to the households' rating",
    { timeout: 240_000 },
    async () => {
      // ── 居民提议: 刘芳 (representative of 1号楼1单元101) proposes from the 议事 tab, with one photo.
      const rep = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })
      rep.on('pageerror', (e) => pageErrors.push(`representative: ${String(e)}`))
      rep.on('console', (m) => {
        if (m.type() === 'error') pageErrors.push(`representative console: ${m.text()}`)
      })
      await rep.goto(`${e2e.appUrl}/#/pages/matters/index`)
      await shown(rep).locator('.matters-login-button').click({ timeout: 30_000 })
      await pickIdentity(rep, 'representative')
      await shown(rep).locator('.propose-button').click({ timeout: 15_000 })

      const form = shown(rep)
      await form.locator('.propose-scope--building').click({ timeout: 15_000 })
      // The 六议 are the choices; the 六不议 are information (哪些事不议？), each with its reason, and 联系网格员 where
      // the reason sends the resident to mediation.
      expect(await form.locator('.propose-category--private-disputes').count()).toBe(0)
      await form.locator('.propose-excluded-toggle').click()
      const privateDisputes = form.locator('.propose-excluded-item--private-disputes')
      await expect.poll(() => privateDisputes.textContent()).toContain('个人私事和私人纠纷不属于公共议事范围')
      expect(await privateDisputes.locator('.propose-contact-grid').count()).toBe(1)
      await form.locator('.propose-title input').fill(TITLE)
      await form.locator('.propose-text textarea').fill(TEXT)
      // Submitting without a category says so at the field, and sends nothing.
      await form.locator('.propose-submit').click()
      await expect.poll(() => form.locator('.field-error--categoryId').textContent()).toContain('请选择议题类别')

      await form.locator('.propose-category--shared-facilities').click()
      // The field's error goes as soon as the field is valid.
      await expect.poll(() => form.locator('.field-error--categoryId').count()).toBe(0)
      const chooser = rep.waitForEvent('filechooser')
      await form.locator('.propose-photo-add').click()
      await (await chooser).setFiles({ name: 'door.png', mimeType: 'image/png', buffer: PNG })
      await expect.poll(() => form.locator('.propose-photo[data-state="done"]').count(), { timeout: 15_000 }).toBe(1)
      // Nothing typed was lost on the refused submit.
      expect(await form.locator('.propose-title input').inputValue()).toBe(TITLE)
      await rep.screenshot({ path: join(ARTIFACTS, 'deliberation-propose.png'), fullPage: true })
      await form.locator('.propose-submit').click()
      // The stand-in for WeChat's subscribe sheet: she agrees to hear how her matter goes.
      await answerConsent(rep, true)

      await expect.poll(() => shown(rep).locator('.matter-title').textContent(), { timeout: 15_000 }).toBe(TITLE)
      const matterId = /matterId=([0-9A-Za-z]+)/.exec(rep.url())?.[1] ?? ''
      expect(matterId).not.toBe('')
      const page = shown(rep)
      await expect.poll(() => page.locator('.matter-status').textContent()).toBe('征集附议')
      await expect.poll(() => page.locator('.matter-seconds').textContent()).toContain('0/3')
      await expect.poll(() => page.locator('.matter-photo').count()).toBe(1)
      await expect.poll(() => page.locator('.timeline-entry').first().textContent()).toContain('刘芳')
      expect(await page.locator('.withdraw-button').count()).toBe(1)
      expect(await page.locator('.second-button').count()).toBe(0) // not for one's own matter

      // It is listed in the 议事 tab (one step back: the form gave its place to the matter page), under 居民提议 and 我的提议.
      await rep.goBack()
      const card = () => shown(rep).locator(`.matter-card[data-matter-id="${matterId}"]`)
      await expect.poll(() => card().textContent(), { timeout: 15_000 }).toContain(TITLE)
      expect(await card().textContent()).toContain('附议 0/3')
      expect(await card().textContent()).toContain('1号楼')
      await shown(rep).locator('.matters-filter--propose').click()
      await expect.poll(() => card().count()).toBe(1)
      await shown(rep).locator('.matters-filter--consult').click()
      await expect.poll(() => card().count()).toBe(0)
      await shown(rep).locator('.matters-filter--all').click()
      await shown(rep).locator('.matters-mine').click()
      await expect.poll(() => card().count()).toBe(1)
      await rep.screenshot({ path: join(ARTIFACTS, 'deliberation-list.png'), fullPage: true })
      await card().click()
      await expect.poll(() => shown(rep).locator('.matter-title').textContent(), { timeout: 15_000 }).toBe(TITLE)

      // ── 附议: the seeded community needs 3 seconds (the default). Two come through the UI (陈志强 and 王建国,
      // both living in 1号楼); the third from a neighbour in 1单元102 who logs in, binds and seconds through the API.
      const neighbour = (await api('POST', '/auth/login', undefined, { code: 'e2e-deliberation-neighbour' })).body
        .token as string
      const asked = await api('POST', '/bindings', neighbour, {
        buildingId: e2e.buildingIds[0],
        unit: '1',
        room: '102',
      })
      expect(asked.status).toBe(201)
      const headToken = await demoToken('buildingHead')
      expect(
        (await api('POST', `/bindings/${asked.body.requestId}/decision`, headToken, { decision: 'approve' })).status,
      ).toBe(200)
      expect((await api('POST', `/matters/${matterId}/seconds`, neighbour)).status).toBe(200)

      const party = await personAt('partyHousehold', `/packages/resident/pages/matter/index?matterId=${matterId}`)
      await shown(party).locator('.second-button').click({ timeout: 15_000 })
      await expect
        .poll(() => shown(party).locator('.matter-seconds').textContent(), { timeout: 15_000 })
        .toContain('2/3 人（您已附议）')
      // 附议 became 已附议: no live button left that would answer 409.
      await expect.poll(() => shown(party).locator('.seconded-mark').textContent()).toContain('已附议')
      expect(await shown(party).locator('.second-button').count()).toBe(0)

      const head = await personAt('buildingHead', `/packages/resident/pages/matter/index?matterId=${matterId}`)
      await shown(head).locator('.second-button').click({ timeout: 15_000 })
      await expect
        .poll(() => shown(head).locator('.matter-status').textContent(), { timeout: 15_000 })
        .toBe('待两委审议')

      // ── 两委审议: 周书记 accepts it in the review queue as a 小事 for the property company.
      const committee = await personAt('committee', '/packages/staff/pages/review/index')
      const item = shown(committee).locator(`.review-item[data-matter-id="${matterId}"]`)
      await expect.poll(() => item.textContent(), { timeout: 15_000 }).toContain(TITLE)
      // The queue shows what was proposed: its text and its photo.
      await expect.poll(() => item.locator('.review-item__text').textContent()).toBe(TEXT)
      expect(await item.locator('.review-item__photo').count()).toBe(1)
      await item.locator('.review-accept').click()
      // Nothing is preselected: confirming at once asks for the triage and the party, each at its field.
      await item.locator('.review-accept-confirm').click()
      await expect.poll(() => item.locator('.field-error--triage').textContent()).toContain('请选择三事分流')
      await expect.poll(() => item.locator('.field-error--responsibleParty').textContent()).toContain('请从名录中选择')
      await item.locator('.review-triage--small').click()
      // The party is picked from the community's 责任方名录, grouped by kind.
      await item.locator('.party-picker__group--property .party-option', { hasText: '阳光物业' }).click()
      await expect.poll(() => item.locator('.field-error').count()).toBe(0)
      await committee.screenshot({ path: join(ARTIFACTS, 'deliberation-review.png'), fullPage: true })
      await item.locator('.review-accept-confirm').click()
      await expect
        .poll(() => shown(committee).locator(`.review-item[data-matter-id="${matterId}"]`).count(), { timeout: 15_000 })
        .toBe(0)
      const accepted = (await api('GET', `/matters/${matterId}`, headToken)).body
      expect(accepted).toMatchObject({
        status: 'awaitingPoll',
        triage: 'small',
        responsibleParty: { kind: 'property', name: '阳光物业' },
      })

      // ── 民主商议: the building head opens the poll from the matter page (同意/不同意 by default, closing in 3 days).
      await head.reload()
      await shown(head).locator('.open-poll-button').click({ timeout: 15_000 })
      const pollForm = shown(head)
      await expect.poll(() => pollForm.locator('.poll-option-input input').count(), { timeout: 15_000 }).toBe(2)
      expect(await pollForm.locator('.poll-option-input input').nth(0).inputValue()).toBe('同意')
      expect(await pollForm.locator('.poll-option-input input').nth(1).inputValue()).toBe('不同意')
      const closesAt = Date.parse((await pollForm.locator('.poll-closes-at').getAttribute('data-closes-at')) ?? '')
      expect(closesAt - Date.now()).toBeGreaterThan(2.9 * 24 * 3600 * 1000)
      // 24 households in 1号楼; three will vote: a 10% turnout floor lets the poll pass.
      await pollForm.locator('.poll-min-turnout input').fill('10')
      await head.screenshot({ path: join(ARTIFACTS, 'deliberation-open-poll.png'), fullPage: true })
      await pollForm.locator('.poll-submit').click()
      await expect
        .poll(() => shown(head).locator('.poll-section').textContent(), { timeout: 15_000 })
        .toContain('投票中')
      expect(await shown(head).locator('.poll-electorate').textContent()).toContain('24 户')
      expect(await shown(head).locator('.poll-rule').textContent()).toContain('10%')

      // ── The representative votes for household 101; the vote cannot be changed.
      await rep.reload()
      const poll = shown(rep).locator('.poll-section')
      // The vote is the bottom bar's main action; it opens the sheet.
      await shown(rep).locator('.vote-button').click({ timeout: 15_000 })
      await shown(rep).locator('.vote-option--0').click()
      expect(await shown(rep).locator('.vote-sheet').textContent()).toContain('投出后不可更改')
      await shown(rep).locator('.vote-confirm').click()
      await answerConsent(rep, false)
      await expect.poll(() => poll.locator('.vote-done').textContent(), { timeout: 15_000 }).toContain('本户已投“同意”')
      await expect.poll(() => shown(rep).locator('.vote-button').count()).toBe(0)
      await rep.screenshot({ path: join(ARTIFACTS, 'deliberation-voted.png'), fullPage: true })
      const pollId = (await api('GET', `/matters/${matterId}`, headToken)).body.poll.pollId as string
      const again = await api('POST', `/polls/${pollId}/votes`, await demoToken('representative'), { option: 1 })
      expect(again.status).toBe(409)
      expect(again.body.error).toMatchObject({ code: 'vote.already', message: '本户已投票，一户一票，投出后不可更改' })
      await rep.reload()
      await expect
        .poll(() => shown(rep).locator('.poll-my-voted').textContent(), { timeout: 15_000 })
        .toBe('本户已投票')

      // Two more households (201 and 602) vote through the API.
      expect(
        (await api('POST', `/polls/${pollId}/votes`, await demoToken('partyHousehold'), { option: 0 })).status,
      ).toBe(201)
      expect((await api('POST', `/polls/${pollId}/votes`, headToken, { option: 0 })).status).toBe(201)

      // ── Comments during the poll: the representative writes one, the building head sees it.
      const comments = shown(rep).locator('.comments-section')
      await comments.locator('.comment-input textarea').fill(COMMENT)
      await comments.locator('.comment-submit').click()
      await expect
        .poll(() => comments.locator('.comment-item').last().textContent(), { timeout: 15_000 })
        .toContain(COMMENT)
      await head.reload()
      await expect
        .poll(() => shown(head).locator('.comment-item').last().textContent(), { timeout: 15_000 })
        .toContain('刘芳')

      // ── The poll closes: the scheduler's handler, run in-process against the stack's table at a moment past the close.
      Object.assign(process.env, e2e.env)
      const { handler: tick } = await import('../../functions/src/handlers/tick')
      const ran = await tick({ time: new Date(closesAt + 60_000).toISOString() })
      expect(ran.ran['deliberation.pollClose']).toBeGreaterThanOrEqual(1)

      await rep.reload()
      const result = shown(rep).locator('.poll-result')
      await expect.poll(() => result.textContent(), { timeout: 15_000 }).toContain('表决通过')
      expect(await result.textContent()).toContain('3/24 户参与')
      expect(await shown(rep).locator('.poll-result-count').first().textContent()).toContain('3 户')
      expect(await shown(rep).locator('.matter-status').textContent()).toBe('待形成决议')
      // Every step on the timeline with who did it: proposed (刘芳), seconds reached, accepted (周书记), poll opened (王建国), closed.
      const timeline = (await shown(rep).locator('.timeline-entry').allTextContents()).join('\n')
      expect(await shown(rep).locator('.timeline-entry').count()).toBeGreaterThanOrEqual(5)
      for (const who of ['刘芳', '周书记', '王建国']) expect(timeline).toContain(who)
      await rep.screenshot({ path: join(ARTIFACTS, 'deliberation-result.png'), fullPage: true })

      const closed = (await api('GET', `/matters/${matterId}`, headToken)).body
      expect(closed).toMatchObject({
        status: 'awaitingResolution',
        poll: { state: 'closed', result: { counts: [3, 0], ballots: 3, passed: true } },
      })

      // ── 协同决议: the committee records the resolution from the matter page, then reports it done.
      await committee.goto(`${e2e.appUrl}/#/packages/resident/pages/matter/index?matterId=${matterId}`)
      await shown(committee).locator('.resolve-button').click({ timeout: 15_000 })
      // The party chosen in review is marked, not preselected: the committee picks it again on purpose.
      const suggested = shown(committee).locator('.party-option', { hasText: '两委审议时选定' })
      await expect.poll(() => suggested.textContent(), { timeout: 15_000 }).toContain('阳光物业')
      expect(await shown(committee).locator('.party-option.is-active').count()).toBe(0)
      await suggested.click()
      await shown(committee).locator('.resolution-task-input input').first().fill('更换1单元门禁主机并补发门禁卡')
      await shown(committee).locator('.resolution-submit').click()
      await expect
        .poll(() => shown(committee).locator('.resolution-section').textContent(), { timeout: 15_000 })
        .toContain('更换1单元门禁主机并补发门禁卡')
      await shown(committee).locator('.report-button').click({ timeout: 15_000 })
      await shown(committee).locator('.report-note-input textarea').fill('门禁主机已更换，住户已领取新门禁卡。')
      await shown(committee).locator('.report-submit').click()
      await expect
        .poll(() => shown(committee).locator('.report-section').textContent(), { timeout: 15_000 })
        .toContain('门禁主机已更换')

      // ── 大众评议: the representative rates it for household 101.
      await rep.reload()
      const evaluation = shown(rep).locator('.evaluation-section')
      await evaluation.locator('.rating-option--satisfied').click({ timeout: 15_000 })
      await evaluation.locator('.rating-submit').click()
      await expect.poll(() => evaluation.locator('.rating-done').textContent(), { timeout: 15_000 }).toContain('满意')
      await rep.screenshot({ path: join(ARTIFACTS, 'deliberation-rated.png'), fullPage: true })
      const rated = (await api('GET', `/matters/${matterId}`, await demoToken('representative'))).body
      expect(rated).toMatchObject({
        status: 'evaluating',
        resolution: { tasks: ['更换1单元门禁主机并补发门禁卡'] },
        evaluation: { myHouseholdRated: true },
      })

      expect(pageErrors).toEqual([])
    },
  )
})
