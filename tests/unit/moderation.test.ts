import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { seenAs, type ContentRecord } from '../../functions/src/domain/moderation/model'
import { pushSignature, answerPushCheck } from '../../functions/src/domain/moderation/push'
import { heldText, replacedText, screenText } from '../../functions/src/domain/moderation/screen'
import type { ContentSafety } from '../../functions/src/domain/moderation/ports'
import { DomainError } from '../../functions/src/domain/shared/errors'
import type { Actor } from '../../functions/src/domain/identity/actor'

const record = (state: ContentRecord['state'], decision?: ContentRecord['decision']): ContentRecord => ({
  contentKey: 'matter:M:comment:C',
  kind: 'text',
  communityId: 'C1',
  placePath: 'street:S/community:C1/compound:P/building:B',
  subject: { kind: 'matter', id: 'M', title: 't', page: 'p' },
  authorId: 'U1',
  authorName: '居民',
  state,
  reports: 0,
  reasons: [],
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  version: 1,
  ...(decision ? { decision } : {}),
})
const neighbour = { isAuthor: false, isStaff: false }
const writer = { isAuthor: true, isStaff: false }
const staff = { isAuthor: false, isStaff: true }

describe('who sees held content (seenAs)', () => {
  it('shows content never held, pending, passed or restored to everyone, unmarked', () => {
    for (const r of [undefined, record('pending'), record('passed'), record('restored')])
      for (const v of [neighbour, writer, staff]) expect(seenAs(r, v)).toEqual({ show: true })
  })
  it('hides held content from neighbours entirely, shows it marked to its writer and the staff', () => {
    for (const state of ['review', 'reported'] as const) {
      expect(seenAs(record(state), neighbour)).toEqual({ show: false })
      expect(seenAs(record(state), writer)).toMatchObject({ show: true, moderation: { state } })
      expect(seenAs(record(state), staff)).toMatchObject({
        show: true,
        moderation: { state, label: expect.stringContaining('待审核') },
      })
    }
    expect(seenAs(record('review'), writer).moderation?.label).toBe('审核中，仅自己可见')
  })
  it('tells the writer of removed content why, shows it to the staff only, and a blocked photo to nobody', () => {
    const removed = record('removed', { outcome: 'remove', byId: 'K', byName: '周书记', at: 'x', reason: '人身攻击' })
    expect(seenAs(removed, neighbour)).toEqual({ show: false })
    expect(seenAs(removed, writer)).toEqual({
      show: false,
      moderation: { state: 'removed', label: '已被社区移除', reason: '人身攻击' },
    })
    expect(seenAs(removed, staff).show).toBe(true)
    for (const v of [neighbour, writer, staff]) expect(seenAs(record('blocked'), v).show).toBe(false)
  })
})

describe('the message push signature', () => {
  it('is sha1 of the sorted token, timestamp and nonce, as WeChat documents it', () => {
    const expected = createHash('sha1').update(['1409735669', '1450386016', 'token'].sort().join('')).digest('hex')
    expect(pushSignature('token', '1409735669', '1450386016')).toBe(expected)
  })
  it('answers the console’s check only when signed with the configured token', () => {
    const q = { timestamp: '1', nonce: '2', echostr: 'e' }
    expect(answerPushCheck({ pushToken: 'tok' }, { ...q, signature: pushSignature('tok', '1', '2') })).toBe('e')
    expect(() => answerPushCheck({ pushToken: 'tok' }, { ...q, signature: pushSignature('other', '1', '2') })).toThrow(
      DomainError,
    )
    // No token configured: nothing can be verified, nothing is taken.
    expect(() => answerPushCheck({ pushToken: '' }, { ...q, signature: pushSignature('', '1', '2') })).toThrow(
      DomainError,
    )
  })
})

describe('screening a text', () => {
  const actor = { user: { openid: 'o1' }, principal: { userId: 'U1', displayName: '居民' } } as unknown as Actor
  const safety = (verdicts: Record<string, 'pass' | 'review' | 'risky'>): ContentSafety => ({
    checkText: async ({ content }) => ({
      suggest: verdicts[content] ?? 'pass',
      label: verdicts[content] === 'risky' ? 20003 : 100,
    }),
    submitPhoto: async () => ({ traceId: 't' }),
  })
  const code = async (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: DomainError) => ({ code: e.code, paths: e.details?.map((d) => d.path) }),
    )

  it('refuses a risky part naming its field, holds a review, passes the rest', async () => {
    const deps = { safety: safety({ bad: 'risky', doubt: 'review' }) }
    expect(
      await code(
        screenText(
          deps,
          actor,
          [
            { field: 'body.title', text: 'ok' },
            { field: 'body.text', text: 'bad' },
          ],
          'forum',
        ),
      ),
    ).toEqual({ code: 'content.risky', paths: ['body.text'] })
    expect(await screenText(deps, actor, [{ field: 'body.text', text: 'doubt' }], 'comment')).toMatchObject({
      verdict: 'review',
    })
    expect(await screenText(deps, actor, [{ field: 'body.text', text: 'fine' }], 'comment')).toEqual({
      verdict: 'pass',
    })
  })
  it('refuses when the writer has no openid to check with (nothing unchecked is published)', async () => {
    const anonymous = { ...actor, user: {} } as unknown as Actor
    expect(
      await code(screenText({ safety: safety({}) }, anonymous, [{ field: 'body.text', text: 'x' }], 'comment')),
    ).toMatchObject({
      code: 'content.checkUnavailable',
    })
  })
  it('writes a hold only for a review; a passing revision ends the older hold', () => {
    const draft = {
      contentKey: 'k',
      kind: 'text' as const,
      communityId: 'C',
      placePath: 'p',
      subject: { kind: 'matter', id: 'M', title: 't', page: 'p' },
      authorId: 'U',
      authorName: 'n',
    }
    expect(heldText({ verdict: 'pass' }, draft, 'at')).toEqual([])
    expect(heldText({ verdict: 'review', label: 20003 }, draft, 'at')).toMatchObject([
      { put: { state: 'review', queuedAt: 'at', contentKey: 'k' } },
    ])
    expect(replacedText({ verdict: 'pass' }, draft, 'at')).toEqual([{ clear: 'k' }])
  })
})
