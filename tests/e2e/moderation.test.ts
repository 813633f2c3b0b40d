import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { ulid } from 'ulid'
import { ARTIFACTS, launch, api, demoToken, pickIdentity, shown } from './browser'

const e2e = inject('e2e')
const matterUrl = (matterId: string) => `/packages/resident/pages/matter/index?matterId=${matterId}`

describe('content safety in the browser: a risky comment refused at its field, 举报 a comment, the committee’s queue decides', () => {
  let browser: Browser
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []
  const tokens: Record<string, string> = {}

  const watch = (page: Page, who: string) => {
    page.on('pageerror', (e) => pageErrors.push(`${who}: ${String(e)}`))
    page.on('console', (m) => {
      // The refused risky comment is a 422 on purpose; Chromium logs every 4xx response as a console error.
      if (m.type() === 'error' && !/status of 422/.test(m.text())) pageErrors.push(`${who} console: ${m.text()}`)
    })
    return page
  }
  /** A person in a browser of their own, logged in as a demo identity (after the privacy notice, if it shows), landing on `redirect`. */
  const personAt = async (key: string, redirect: string) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })
    contexts.push(context)
    const page = watch(await context.newPage(), key)
    await page.goto(`${e2e.appUrl}/#/pages/login/index?redirect=${encodeURIComponent(redirect)}`)
    await pickIdentity(page, key)
    return page
  }

  beforeAll(async () => {
    browser = await launch()
    for (const key of ['representative', 'committee', 'buildingHead', 'partyHousehold', 'communityAdmin'])
      tokens[key] = await demoToken(key)
    // One report hides a comment in this test (the community's setting; set back afterwards).
    expect(
      (
        await api('PUT', `/communities/${e2e.communityId}/moderation-settings`, tokens.communityAdmin, {
          reportsToHide: 1,
        })
      ).status,
    ).toBe(200)
  })
  afterEach(() => {
    expect(pageErrors).toEqual([])
  })
  afterAll(async () => {
    await api('PUT', `/communities/${e2e.communityId}/moderation-settings`, tokens.communityAdmin, { reportsToHide: 3 })
    for (const c of contexts) await c.close()
    await browser?.close()
  })

  it('refuses a risky comment with the API’s message at the field; a reported comment is hidden, then removed from the committee’s queue with a reason', async () => {
    const made = await api('POST', '/matters', tokens.representative, {
      matterId: ulid(),
      scope: { type: 'building', id: e2e.buildingIds[0] },
      categoryId: 'environment-order',
      title: '楼下垃圾桶清运不及时',
      text: '1号楼楼下的垃圾桶经常满了没人清运，夏天气味很大，建议物业每天早晚各清运一次。',
    })
    expect(made.status).toBe(201)
    const matterId = made.body.matterId as string
    const abusive = await api('POST', `/matters/${matterId}/comments`, tokens.partyHousehold, {
      commentId: ulid(),
      text: '物业都是骗子，什么都不干',
    })
    expect(abusive.status).toBe(201)
    const key = `matter:${matterId}:comment:${abusive.body.commentId}`

    // 王建国 (a neighbour in 1号楼) on the matter page: a risky comment is refused at the box with the API's message.
    const head = await personAt('buildingHead', matterUrl(matterId))
    const page = shown(head)
    await page.locator('.comment-item').first().waitFor()
    await page.locator('.comment-input textarea').fill('这是一条违规测试评论')
    await page.locator('.comment-submit').click()
    await expect.poll(() => page.locator('.comment-error').textContent()).toContain('违规信息')
    expect(await page.locator('.comment-item').count()).toBe(1)

    // 举报: the reason sheet, then the comment leaves his page.
    const item = page.locator(`.comment-item[data-comment-id="${abusive.body.commentId}"]`)
    await item.locator('.comment-report').click()
    await head.locator('.report-sheet .report-reason--abuse').click()
    await head.locator('.report-sheet .report-confirm').click()
    await expect.poll(() => item.count()).toBe(0)
    await head.screenshot({ path: join(ARTIFACTS, 'moderation-reported.png') })
    // Its writer still sees it, marked; the proposer does not.
    const own = (await api('GET', `/matters/${matterId}/comments`, tokens.partyHousehold)).body.items
    expect(own.find((c: any) => c.commentId === abusive.body.commentId).moderation.label).toContain('仅自己可见')
    expect((await api('GET', `/matters/${matterId}/comments`, tokens.representative)).body.items).toEqual([])

    // 周书记: 首页 shows 内容审核 with the count; the queue shows the comment with its report; he removes it with a reason.
    const committee = await personAt('committee', '/pages/index/index')
    const home = shown(committee)
    const link = home.locator('.home-moderation-link')
    await expect.poll(() => link.locator('.moderation-pending-count').count(), { timeout: 20_000 }).toBe(1)
    await link.click()
    const queue = shown(committee)
    const queued = queue.locator(`.moderation-item[data-content-key="${key}"]`)
    await queued.waitFor()
    expect(await queued.locator('.moderation-item-text').textContent()).toContain('物业都是骗子')
    expect(await queued.locator('.moderation-item-reports').textContent()).toContain('辱骂攻击')
    await committee.screenshot({ path: join(ARTIFACTS, 'moderation-queue-item.png') })
    await queued.locator('.moderation-remove').click()
    await queued.locator('.moderation-remove-confirm').click()
    await expect.poll(() => queued.locator('.moderation-item-error').textContent()).toContain('理由')
    await queued.locator('.moderation-reason textarea').fill('人身攻击，违反居民公约')
    await queued.locator('.moderation-remove-confirm').click()
    await expect.poll(() => queued.count()).toBe(0)
    await expect.poll(() => queue.locator(`.moderation-decision[data-content-key="${key}"]`).count()).toBe(1)
    expect(await queue.locator(`.moderation-decision[data-content-key="${key}"]`).textContent()).toContain(
      '人身攻击，违反居民公约',
    )
    await committee.screenshot({ path: join(ARTIFACTS, 'moderation-queue.png') })

    // On the record, and what its writer is told.
    const log = (await api('GET', `/communities/${e2e.communityId}/moderation-decisions`, tokens.committee)).body.items
    expect(log[0]).toMatchObject({
      contentKey: key,
      outcome: 'remove',
      byName: '周书记',
      reason: '人身攻击，违反居民公约',
    })
    const after = (await api('GET', `/matters/${matterId}/comments`, tokens.partyHousehold)).body.items
    expect(after[0].moderation).toMatchObject({ state: 'removed', reason: '人身攻击，违反居民公约' })
  })

  it('lets the community admin set how many reports hide an item, on the same page', async () => {
    const admin = await personAt(
      'communityAdmin',
      `/packages/staff/pages/moderation/index?communityId=${e2e.communityId}`,
    )
    const page = shown(admin)
    const input = page.locator('.moderation-threshold-input input')
    await expect.poll(() => input.inputValue(), { timeout: 20_000 }).toBe('1')
    await input.fill('0')
    await page.locator('.moderation-threshold-save').click()
    await expect.poll(() => page.locator('.moderation-threshold-error').count()).toBe(1)
    await input.fill('4')
    await page.locator('.moderation-threshold-save').click()
    await expect
      .poll(
        async () =>
          (await api('GET', `/communities/${e2e.communityId}/moderation-settings`, tokens.communityAdmin)).body
            .reportsToHide,
      )
      .toBe(4)
  })
})
