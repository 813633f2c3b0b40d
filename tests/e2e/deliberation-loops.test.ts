import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { ulid } from 'ulid'
import { errorCatalog } from '../../contracts/errors'
import { ARTIFACTS, launch, api, demoToken, shown, answerConsent, pickIdentity } from './browser'
import { freshResident, propertyParty } from './scenes'

const e2e = inject('e2e')

const TEXT = '1号楼楼道照明灯多处不亮，晚上上下楼看不清台阶，老人容易摔倒，建议更换为声控感应灯。'
const matterUrl = (matterId: string) => `/packages/resident/pages/matter/index?matterId=${matterId}`

describe('deliberation loops in the browser: return and revise, reject, withdraw, one household one vote', () => {
  let browser: Browser
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []
  const tokens: Record<string, string> = {}
  let neighbour = ''

  const watch = (page: Page, who: string) => {
    page.on('pageerror', (e) => pageErrors.push(`${who}: ${String(e)}`))
    page.on('console', (m) => {
      // The refused second vote is a 409 on purpose; Chromium logs every 4xx response as a console error.
      if (m.type() === 'error' && !/status of 409/.test(m.text())) pageErrors.push(`${who} console: ${m.text()}`)
    })
    return page
  }
  const newContext = async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })
    contexts.push(context)
    return context
  }
  /** A person in a browser of their own, logged in as a demo identity on the login page, landing on `redirect`. */
  const personAt = async (key: string, redirect: string) => {
    const page = watch(await (await newContext()).newPage(), key)
    await page.goto(`${e2e.appUrl}/#/pages/login/index?redirect=${encodeURIComponent(redirect)}`)
    await pickIdentity(page, key)
    return page
  }

  /** A building-scope proposal through the API (the UI path of proposing is covered by the first test and below). */
  const propose = async (key: string, title: string) => {
    const made = await api('POST', '/matters', tokens[key], {
      matterId: ulid(),
      scope: { type: 'building', id: e2e.buildingIds[0] },
      categoryId: 'shared-facilities',
      title,
      text: TEXT,
    })
    expect(made.status).toBe(201)
    return made.body.matterId as string
  }
  /**
   * The seeded community needs 3 seconds (附议). Here all three come through the API (the first browser test
   * clicks 附议 itself): 王建国 (1-602), 陈志强 (2-201) and a fresh neighbour in 2-301, minus whoever proposed.
   */
  const secondToReview = async (matterId: string, proposer: string) => {
    const seconders = [tokens.buildingHead!, tokens.partyHousehold!, neighbour, tokens.representative!]
      .filter((t) => t !== tokens[proposer])
      .slice(0, 3)
    for (const t of seconders) expect((await api('POST', `/matters/${matterId}/seconds`, t)).status).toBe(200)
    expect((await api('GET', `/matters/${matterId}`, tokens.committee)).body.status).toBe('awaitingReview')
  }

  beforeAll(async () => {
    browser = await launch()
    for (const key of ['representative', 'committee', 'buildingHead', 'partyHousehold'])
      tokens[key] = await demoToken(key)
    neighbour = (await freshResident('e2e-loops-neighbour', '2', '301')).token
  })
  afterEach(() => {
    expect(pageErrors).toEqual([])
  })
  afterAll(async () => {
    for (const c of contexts) await c.close()
    await browser?.close()
  })

  // 刘芳 and 周书记 keep one browser each across the tests; a test that runs alone logs them in itself.
  let repPage: Page | undefined
  let committeePage: Page | undefined
  const reviewQueue = '/packages/staff/pages/review/index'
  const asRepresentative = async () => (repPage ??= await personAt('representative', '/pages/matters/index'))
  const asCommittee = async () => (committeePage ??= await personAt('committee', reviewQueue))

  it('returns a proposal with a note; the proposer revises it from the matter page and it goes back to review', async () => {
    const title = '1号楼楼道照明改造'
    const revised = '1号楼楼道照明更换声控灯'
    const note = '请写明需要更换的楼层和大致数量，便于物业估算费用。'

    // 刘芳 proposes from the 议事 tab, as in the first test, but with no photo.
    const rep = (repPage = watch(await (await newContext()).newPage(), 'representative'))
    await rep.goto(`${e2e.appUrl}/#/pages/matters/index`)
    await shown(rep).locator('.matters-login-button').click({ timeout: 30_000 })
    await pickIdentity(rep, 'representative')
    await shown(rep).locator('.propose-button').click({ timeout: 15_000 })
    const form = shown(rep)
    await form.locator('.propose-scope--building').click({ timeout: 15_000 })
    await form.locator('.propose-category--shared-facilities').click()
    await form.locator('.propose-title input').fill(title)
    await form.locator('.propose-text textarea').fill(TEXT)
    await form.locator('.propose-submit').click()
    await answerConsent(rep, false)
    await expect.poll(() => shown(rep).locator('.matter-title').textContent(), { timeout: 15_000 }).toBe(title)
    const matterId = /matterId=([0-9A-Za-z]+)/.exec(rep.url())?.[1] ?? ''
    expect(matterId).not.toBe('')
    await expect.poll(() => shown(rep).locator('.matter-status').textContent()).toBe('征集附议')
    await secondToReview(matterId, 'representative')

    // ── 周书记 returns it from the review queue with a note.
    const committee = (committeePage = await personAt('committee', reviewQueue))
    const item = shown(committee).locator(`.review-item[data-matter-id="${matterId}"]`)
    await expect.poll(() => item.textContent(), { timeout: 15_000 }).toContain(title)
    await item.locator('.review-return').click()
    // An empty note is refused before anything is sent.
    await item.locator('.review-return-confirm').click()
    await expect.poll(() => item.locator('.review-item-error').textContent()).toBe('请说明需要修改的地方')
    await item.locator('.review-return-note textarea').fill(note)
    await committee.screenshot({ path: join(ARTIFACTS, 'loops-review-return.png'), fullPage: true })
    await item.locator('.review-return-confirm').click()
    await expect
      .poll(() => shown(committee).locator(`.review-item[data-matter-id="${matterId}"]`).count(), { timeout: 15_000 })
      .toBe(0)
    expect((await api('GET', `/matters/${matterId}`, tokens.representative)).body).toMatchObject({
      status: 'returned',
      returnNote: note,
    })

    // ── The proposer sees 退回修改 and the note, and 修改 opens the form prefilled, with the note above it.
    await rep.reload()
    await expect.poll(() => shown(rep).locator('.matter-status').textContent(), { timeout: 15_000 }).toBe('退回修改')
    expect(await shown(rep).locator('.matter-return-note').textContent()).toContain(note)
    expect(await shown(rep).locator('.matter-step--propose').getAttribute('class')).toContain('is-current')
    expect(await shown(rep).locator('.timeline-entry--return .timeline-entry__note').textContent()).toBe(note)
    expect(await shown(rep).locator('.timeline-entry--return .timeline-entry__who').textContent()).toContain('周书记')
    await rep.screenshot({ path: join(ARTIFACTS, 'loops-returned.png'), fullPage: true })
    await shown(rep).locator('.revise-button').click()

    const revise = shown(rep)
    await expect.poll(() => revise.locator('.propose-return-note').textContent(), { timeout: 15_000 }).toContain(note)
    expect(await revise.locator('.propose-title input').inputValue()).toBe(title)
    expect(await revise.locator('.propose-text textarea').inputValue()).toBe(TEXT)
    expect(await revise.locator('.propose-scope-fixed').textContent()).toBe('1号楼')
    expect(await revise.locator('.propose-category--shared-facilities').getAttribute('class')).toContain('is-active')
    await revise.locator('.propose-title input').fill(revised)
    await revise.locator('.propose-text textarea').fill(`${TEXT}需更换1至6层共12盏。`)
    await rep.screenshot({ path: join(ARTIFACTS, 'loops-revise.png'), fullPage: true })
    await revise.locator('.propose-submit').click()
    await answerConsent(rep, false)

    // Back on the matter page: waiting for review again, under the new title, with both steps on the timeline.
    await expect.poll(() => shown(rep).locator('.matter-title').textContent(), { timeout: 15_000 }).toBe(revised)
    await expect.poll(() => shown(rep).locator('.matter-status').textContent()).toBe('待两委审议')
    expect(await shown(rep).locator('.matter-return-note').count()).toBe(0)
    expect(await shown(rep).locator('.matter-text').textContent()).toContain('共12盏')
    const actions = await shown(rep)
      .locator('.timeline-entry')
      .evaluateAll((els) => els.map((e) => [...e.classList].find((c) => c.startsWith('timeline-entry--'))))
    // Newest first: revised, returned, seconds reached, proposed.
    expect(actions.slice(0, 2)).toEqual(['timeline-entry--revise', 'timeline-entry--return'])
    expect(await shown(rep).locator('.timeline-entry--revise .timeline-entry__who').textContent()).toContain('刘芳')
    expect(await shown(rep).locator('.revise-button').count()).toBe(0)
    await rep.screenshot({ path: join(ARTIFACTS, 'loops-revised.png'), fullPage: true })
    expect((await api('GET', `/matters/${matterId}`, tokens.committee)).body).toMatchObject({
      status: 'awaitingReview',
      title: revised,
    })

    // The committee finds it in the queue again, under its new title.
    await committee.reload()
    await expect
      .poll(() => shown(committee).locator(`.review-item[data-matter-id="${matterId}"]`).textContent(), {
        timeout: 15_000,
      })
      .toContain(revised)
  })

  it('rejects a proposal with a reason; the proposer sees 不予受理 and why', async () => {
    const title = '1号楼天台加装私人晾衣架'
    const reason = '天台属于消防通道，不得加装固定设施，请通过物业申请公共晾晒区。'
    const matterId = await propose('representative', title)
    await secondToReview(matterId, 'representative')

    const [rep, committee] = [await asRepresentative(), await asCommittee()]
    await committee.goto(`${e2e.appUrl}/#${reviewQueue}`)
    await committee.reload()
    const item = shown(committee).locator(`.review-item[data-matter-id="${matterId}"]`)
    await expect.poll(() => item.textContent(), { timeout: 15_000 }).toContain(title)
    await item.locator('.review-reject').click()
    await item.locator('.review-reject-reason textarea').fill(reason)
    await item.locator('.review-reject-confirm').click()
    await expect
      .poll(() => shown(committee).locator(`.review-item[data-matter-id="${matterId}"]`).count(), { timeout: 15_000 })
      .toBe(0)

    // 刘芳 finds it in the 议事 tab under 已办结, marked 不予受理, and opens it.
    await rep.goto(`${e2e.appUrl}/#/pages/matters/index`)
    await shown(rep).locator('.matters-filter--closed').click({ timeout: 15_000 })
    const card = shown(rep).locator(`.matter-card[data-matter-id="${matterId}"]`)
    await expect.poll(() => card.locator('.matter-card__status').textContent(), { timeout: 15_000 }).toBe('不予受理')
    await card.click()
    await expect.poll(() => shown(rep).locator('.matter-title').textContent(), { timeout: 15_000 }).toBe(title)
    expect(await shown(rep).locator('.matter-status').textContent()).toBe('不予受理')
    expect(await shown(rep).locator('.matter-closed-reason').textContent()).toContain(reason)
    expect(await shown(rep).locator('.timeline-entry--reject .timeline-entry__note').textContent()).toBe(reason)
    // Closed: nothing left to do. The steps say where it stopped and how: 居民提议 done, 两委审议 ended 不予受理, the rest not reached.
    expect(await shown(rep).locator('.matter-actions').count()).toBe(0)
    expect(await shown(rep).locator('.matter-step.is-done').count()).toBe(1)
    expect(await shown(rep).locator('.matter-step--propose').getAttribute('class')).toContain('is-done')
    expect(await shown(rep).locator('.matter-step--review').getAttribute('class')).toContain('is-ended')
    expect(await shown(rep).locator('.matter-step--review .matter-step__end').textContent()).toBe('不予受理')
    expect(await shown(rep).locator('.matter-step.is-skipped').count()).toBe(3)
    // The list card says the same: ended, not 已办结.
    await rep.goBack()
    await expect
      .poll(() => card.locator('.matter-card__progress').textContent(), { timeout: 15_000 })
      .toBe('已结束：不予受理')
    await card.click()
    await expect.poll(() => shown(rep).locator('.matter-title').textContent(), { timeout: 15_000 }).toBe(title)
    await rep.screenshot({ path: join(ARTIFACTS, 'loops-rejected.png'), fullPage: true })
    expect((await api('GET', `/matters/${matterId}`, tokens.representative)).body).toMatchObject({
      status: 'rejected',
      closedReason: reason,
    })
  })

  it('lets the proposer withdraw a matter while it collects seconds', async () => {
    const title = '1号楼门口增设快递柜'
    const matterId = await propose('representative', title)
    expect((await api('POST', `/matters/${matterId}/seconds`, tokens.partyHousehold)).status).toBe(200)

    const rep = await asRepresentative()
    // From the 议事 tab's 居民提议 filter (seconding matters), to the matter page.
    await rep.goto(`${e2e.appUrl}/#/pages/matters/index`)
    const card = () => shown(rep).locator(`.matter-card[data-matter-id="${matterId}"]`)
    await shown(rep).locator('.matters-filter--propose').click({ timeout: 15_000 })
    await expect.poll(() => card().textContent(), { timeout: 15_000 }).toContain('附议 1/3')
    await card().click()
    await expect.poll(() => shown(rep).locator('.matter-title').textContent(), { timeout: 15_000 }).toBe(title)
    await expect.poll(() => shown(rep).locator('.matter-status').textContent()).toBe('征集附议')

    // Cancelling the confirmation changes nothing; confirming closes the matter.
    await shown(rep).locator('.withdraw-button').click()
    await rep.locator('.taro-model__cancel').click()
    await expect.poll(() => rep.locator('.taro-modal__content:visible').count()).toBe(0)
    expect(await shown(rep).locator('.matter-status').textContent()).toBe('征集附议')
    await shown(rep).locator('.withdraw-button').click()
    await expect.poll(() => rep.locator('.taro-modal__text:visible').textContent()).toContain('不能恢复')
    await rep.screenshot({ path: join(ARTIFACTS, 'loops-withdraw-confirm.png') })
    await rep.locator('.taro-model__confirm').click()
    await expect.poll(() => shown(rep).locator('.matter-status').textContent(), { timeout: 15_000 }).toBe('已撤回')
    expect(await shown(rep).locator('.matter-closed-reason').textContent()).toContain('提议人撤回')
    expect(await shown(rep).locator('.timeline-entry').first().getAttribute('class')).toContain(
      'timeline-entry--withdraw',
    )
    expect(await shown(rep).locator('.withdraw-button').count()).toBe(0)
    // The steps: withdrawn while collecting seconds, so 居民提议 ended 已撤回 and nothing after it was reached.
    expect(await shown(rep).locator('.matter-step--propose').getAttribute('class')).toContain('is-ended')
    expect(await shown(rep).locator('.matter-step--propose .matter-step__end').textContent()).toBe('已撤回')
    expect(await shown(rep).locator('.matter-step.is-done').count()).toBe(0)
    expect(await shown(rep).locator('.matter-step.is-skipped').count()).toBe(4)
    await rep.screenshot({ path: join(ARTIFACTS, 'loops-withdrawn.png'), fullPage: true })
    expect((await api('GET', `/matters/${matterId}`, tokens.representative)).body.status).toBe('withdrawn')
    expect((await api('POST', `/matters/${matterId}/seconds`, tokens.buildingHead)).body.error.code).toBe(
      'matter.wrongStep',
    )

    // Back on the list (reloaded when shown): gone from 居民提议, listed under 已办结 as 已撤回.
    await rep.goBack()
    await expect.poll(() => card().count(), { timeout: 15_000 }).toBe(0)
    await shown(rep).locator('.matters-filter--closed').click()
    await expect.poll(() => card().locator('.matter-card__status').textContent(), { timeout: 15_000 }).toBe('已撤回')
    expect(await card().locator('.matter-card__progress').textContent()).toBe('已结束：已撤回')
  })

  it('takes one vote per household: a stale second page is refused with the reason; a member who is not the representative cannot vote', async () => {
    const title = '1号楼电梯加装空调'
    // 陈志强 proposes; seconds, acceptance and the poll through the API (the first test clicks through them).
    const matterId = await propose('partyHousehold', title)
    await secondToReview(matterId, 'partyHousehold')
    const accepted = await api('POST', `/matters/${matterId}/review`, tokens.committee, {
      decision: 'accept',
      triage: 'small',
      responsibleParty: await propertyParty(tokens.committee!),
    })
    expect(accepted.status).toBe(200)
    const opened = await api('POST', `/matters/${matterId}/poll`, tokens.buildingHead, {
      options: ['同意', '不同意'],
      opensAt: new Date().toISOString(),
      closesAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      secret: false,
      rule: { minTurnout: 0.1, passShare: 0.5, passOption: 0 },
    })
    expect(opened.status).toBe(201)
    const pollId = opened.body.poll.pollId as string

    // A second member of 刘芳's household 1-101 (a fresh WeChat user, bound through the API). The H5 login page
    // offers only demo identities, so their session goes into storage the way the app keeps it.
    const member = await freshResident('e2e-loops-member-101', '1', '101')
    const me = (await api('GET', '/me', member.token)).body
    expect(me.households).toEqual([expect.objectContaining({ room: '101', isRepresentative: false })])
    const memberContext = await newContext()
    await memberContext.addInitScript({
      content: `localStorage.setItem('gridlink.session', ${JSON.stringify(JSON.stringify({ data: member }))})`,
    })
    const memberPage = watch(await memberContext.newPage(), 'member')
    await memberPage.goto(`${e2e.appUrl}/#${matterUrl(matterId)}`)
    const memberPoll = shown(memberPage).locator('.poll-section')
    await expect.poll(() => memberPoll.locator('.poll-state').textContent(), { timeout: 15_000 }).toBe('投票中')
    // Only the representative votes for the household: no vote button, and the page says why.
    await expect
      .poll(() => memberPoll.locator('.poll-not-eligible').textContent(), { timeout: 15_000 })
      .toBe(errorCatalog['vote.notRepresentative'].message)
    expect(await shown(memberPage).locator('.vote-button').count()).toBe(0)
    await memberPage.screenshot({ path: join(ARTIFACTS, 'loops-member.png'), fullPage: true })
    const refused = await api('POST', `/polls/${pollId}/votes`, member.token, { option: 1 })
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'vote.notRepresentative' } } })

    // 刘芳 has the matter open on two devices (two browsers, each logged in); both offer the vote.
    const first = await personAt('representative', matterUrl(matterId))
    const second = await personAt('representative', matterUrl(matterId))
    const poll1 = shown(first).locator('.poll-section')
    const poll2 = shown(second).locator('.poll-section')
    await expect.poll(() => shown(first).locator('.vote-button').count(), { timeout: 15_000 }).toBe(1)
    await expect.poll(() => shown(second).locator('.vote-button').count(), { timeout: 15_000 }).toBe(1)

    await shown(first).locator('.vote-button').click()
    await shown(first).locator('.vote-option--0').click()
    await shown(first).locator('.vote-confirm').click()
    await answerConsent(first, false)
    await expect.poll(() => poll1.locator('.vote-done').textContent(), { timeout: 15_000 }).toContain('本户已投“同意”')

    // The stale page still shows the button; voting there is refused with the API's reason, and the page then shows the household has voted.
    await shown(second).locator('.vote-button').click()
    await shown(second).locator('.vote-option--1').click()
    await shown(second).locator('.vote-confirm').click()
    await answerConsent(second, false)
    await expect
      .poll(() => poll2.locator('.vote-error').textContent(), { timeout: 15_000 })
      .toBe(errorCatalog['vote.already'].message)
    await expect.poll(() => poll2.locator('.poll-my-voted').textContent(), { timeout: 15_000 }).toBe('本户已投票')
    expect(await shown(second).locator('.vote-button').count()).toBe(0)
    expect(await shown(second).locator('.vote-sheet').count()).toBe(0) // the sheet closed: nothing left to confirm
    await second.screenshot({ path: join(ARTIFACTS, 'loops-vote-refused.png'), fullPage: true })
    await second.reload()
    await expect
      .poll(() => shown(second).locator('.poll-my-voted').textContent(), { timeout: 15_000 })
      .toBe('本户已投票')
    expect(await shown(second).locator('.vote-button').count()).toBe(0)

    // The other member of 1-101 sees that the household has voted.
    await memberPage.reload()
    await expect
      .poll(() => shown(memberPage).locator('.poll-my-voted').textContent(), { timeout: 15_000 })
      .toBe('本户已投票')
    expect(await shown(memberPage).locator('.poll-not-eligible').count()).toBe(0)

    // One ballot for 1-101, the first one: a further attempt through the API is refused the same way.
    const again = await api('POST', `/polls/${pollId}/votes`, tokens.representative, { option: 1 })
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'vote.already' } } })
  })
})
