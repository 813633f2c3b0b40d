import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { ARTIFACTS, launch, api, demoToken, shown, pickIdentity } from './browser'

const e2e = inject('e2e')

/** What the WeChat stand-in was asked to send: the local sink of subscribe messages. */
interface SentMessage {
  touser: string
  template_id: string
  page: string
  data: Record<string, { value: string }>
}
const sentTo = async (openid: string): Promise<SentMessage[]> => {
  const res = await fetch(`${e2e.env.WECHAT_API_BASE}/_sink/subscribe-messages?touser=${encodeURIComponent(openid)}`)
  return ((await res.json()) as { items: SentMessage[] }).items
}

const TITLE = '1号楼自行车棚加装照明'
const TEXT = '1号楼自行车棚晚上没有灯，停车取车都要摸黑，电动车充电也不安全，建议加装感应灯。'
/** 刘芳's openid: the seed gives each demo user `demo-<key>`. */
const REP_OPENID = 'demo-representative'

describe('notifications in the browser: the proposer allows subscribe messages and hears that the matter was returned', () => {
  let browser: Browser
  const pageErrors: string[] = []

  beforeAll(async () => {
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it(
    'asks on 提交提议, counts the 「允许」 on 我的, sends one progress message when the committee returns the matter',
    { timeout: 180_000 },
    async () => {
      const rep = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })
      rep.on('pageerror', (e) => pageErrors.push(`representative: ${String(e)}`))
      rep.on('console', (m) => {
        if (m.type() === 'error') pageErrors.push(`representative console: ${m.text()}`)
      })
      // The scheduler, in-process against the stack's table and WeChat stand-in. Run once first, so that notices other
      // test files left due are sent (or not) now and cannot spend the consent this test gives.
      Object.assign(process.env, e2e.env)
      const { handler: tick } = await import('../../functions/src/handlers/tick')
      await tick({ time: new Date().toISOString() })
      const repToken = await demoToken('representative')
      const before = (await api('GET', '/me/subscriptions', repToken)).body.items as {
        topic: string
        remaining: number
        templateId?: string
      }[]
      const remainingBefore = Object.fromEntries(before.map((i) => [i.topic, i.remaining]))
      // The local stage configures a template for every topic (the stand-in accepts any).
      expect(before.filter((i) => i.templateId).map((i) => i.topic)).toEqual(
        expect.arrayContaining(['progress', 'community']),
      )

      // ── 刘芳 proposes from the 议事 tab, as in the deliberation tests.
      await rep.goto(`${e2e.appUrl}/#/pages/matters/index`)
      await shown(rep).locator('.matters-login-button').click({ timeout: 30_000 })
      await pickIdentity(rep, 'representative')
      await shown(rep).locator('.propose-button').click({ timeout: 15_000 })
      const form = shown(rep)
      await form.locator('.propose-scope--building').click({ timeout: 15_000 })
      await form.locator('.propose-category--shared-facilities').click()
      await form.locator('.propose-title input').fill(TITLE)
      await form.locator('.propose-text textarea').fill(TEXT)
      await form.locator('.propose-submit').click()

      // The H5 stand-in of WeChat's subscribe dialog, opened by the same tap; the matter page waits for the answer.
      // (Taro's `.taro__modal` wrapper has no box of its own: its content is what shows.)
      const modal = rep.locator('.taro-modal__content:visible')
      await expect.poll(() => modal.textContent(), { timeout: 15_000 }).toContain('接收通知？')
      expect(await modal.textContent()).toContain('我的议题进展')
      expect(await modal.textContent()).toContain('议事投票与公示')
      await rep.screenshot({ path: join(ARTIFACTS, 'notifications-consent.png') })
      await rep.locator('.taro-model__confirm').click()
      await expect.poll(() => modal.count()).toBe(0)

      await expect.poll(() => shown(rep).locator('.matter-title').textContent(), { timeout: 15_000 }).toBe(TITLE)
      const matterId = /matterId=([0-9A-Za-z]+)/.exec(rep.url())?.[1] ?? ''
      expect(matterId).not.toBe('')
      // No always-visible counter bar on the matter page: consent is asked at the moments of action, and counted on 我的.
      expect(await shown(rep).locator('.subscribe-remaining').count()).toBe(0)

      // ── 我的: one more of each, recorded by the API.
      const remainingOn = async (topic: string) => {
        const text =
          (await shown(rep).locator(`.subscription-topic--${topic} .subscription-remaining`).textContent()) ?? ''
        return Number(/(\d+)/.exec(text)?.[1] ?? NaN)
      }
      await rep.goto(`${e2e.appUrl}/#/pages/mine/index`)
      await expect.poll(() => remainingOn('progress'), { timeout: 15_000 }).toBe((remainingBefore.progress ?? 0) + 1)
      await expect.poll(() => remainingOn('community')).toBe((remainingBefore.community ?? 0) + 1)
      expect(await remainingOn('progress')).toBeGreaterThanOrEqual(1)
      expect(await shown(rep).locator('.mine-subscriptions').textContent()).toContain('「允许」')
      expect(await shown(rep).locator('.subscribe-more').count()).toBe(1)
      // 刘芳 holds no staff role: no 待办提醒.
      expect(await shown(rep).locator('.subscription-topic--task').count()).toBe(0)
      await rep.screenshot({ path: join(ARTIFACTS, 'notifications-mine.png'), fullPage: true })
      const progressAllowed = await remainingOn('progress')

      // ── Three seconds bring it to review (the seeded community needs 3); the committee returns it with a note.
      const neighbour = (await api('POST', '/auth/login', undefined, { code: 'e2e-notifications-neighbour' })).body
        .token as string
      const asked = await api('POST', '/bindings', neighbour, {
        buildingId: e2e.buildingIds[0],
        unit: '2',
        room: '402',
      })
      expect(asked.status).toBe(201)
      expect(
        (
          await api('POST', `/bindings/${asked.body.requestId}/decision`, await demoToken('buildingHead'), {
            decision: 'approve',
          })
        ).status,
      ).toBe(200)
      for (const t of [await demoToken('buildingHead'), await demoToken('partyHousehold'), neighbour]) {
        expect((await api('POST', `/matters/${matterId}/seconds`, t)).status).toBe(200)
      }
      const committee = await demoToken('committee')
      expect((await api('GET', `/matters/${matterId}`, committee)).body.status).toBe('awaitingReview')
      const note = '请写明车棚需要几盏灯、电源从哪里接。'
      expect((await api('POST', `/matters/${matterId}/review`, committee, { decision: 'return', note })).status).toBe(
        200,
      )

      // ── The scheduler's tick, in-process against the stack's table and WeChat stand-in, sends the queued messages.
      const sentBefore = (await sentTo(REP_OPENID)).length
      await tick({ time: new Date().toISOString() })
      const mine = (await sentTo(REP_OPENID)).slice(sentBefore)
      const progressTemplate = before.find((i) => i.topic === 'progress')!.templateId
      const aboutMatter = mine.filter((m) => m.page.includes(matterId))
      expect(aboutMatter).toEqual(
        expect.arrayContaining([expect.objectContaining({ touser: REP_OPENID, template_id: progressTemplate })]),
      )
      // The page opens the matter in the mini-program.
      expect(aboutMatter.find((m) => m.template_id === progressTemplate)!.page).toMatch(
        /packages\/resident\/pages\/matter\/index\?matterId=/,
      )

      // ── 我的 (reloaded when shown): one progress message fewer.
      await rep.reload()
      await expect.poll(() => remainingOn('progress'), { timeout: 15_000 }).toBe(progressAllowed - 1)
      await rep.screenshot({ path: join(ARTIFACTS, 'notifications-mine-after.png'), fullPage: true })
      expect(pageErrors).toEqual([])
    },
  )
})
