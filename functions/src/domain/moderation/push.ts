import { createHash, timingSafeEqual } from 'node:crypto'
import { fail } from '../shared/errors'
import { isShown, labelNames, type ContentDecision, type ContentRecord, type Suggest, type Verdict } from './model'
import type { ModerationDeps } from './ports'

/** WeChat signs every push: sha1 of the token, timestamp and nonce, sorted and joined (消息推送 → 验证消息来自微信服务器). */
export const pushSignature = (token: string, timestamp: string, nonce: string) =>
  createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex')

const verify = (
  deps: Pick<ModerationDeps, 'pushToken'>,
  q: { signature: string; timestamp: string; nonce: string },
) => {
  const expected = Buffer.from(deps.pushToken ? pushSignature(deps.pushToken, q.timestamp, q.nonce) : '')
  const given = Buffer.from(q.signature.toLowerCase())
  // No token configured: nothing can be verified, so nothing is taken.
  if (!deps.pushToken || expected.length !== given.length || !timingSafeEqual(expected, given))
    fail('wechat.badSignature')
}

/** The console's check of the server URL: a correctly signed GET gets its echostr back. */
export const answerPushCheck = (
  deps: Pick<ModerationDeps, 'pushToken'>,
  q: { signature: string; timestamp: string; nonce: string; echostr: string },
) => {
  verify(deps, q)
  return q.echostr
}

const WECHAT = { byId: 'wechat', byName: '微信内容安全' }

/**
 * A verdict of mediaCheckAsync on a photo we sent. pass: shown (as it already was); review: held until the staff
 * decide; risky: blocked everywhere it appears, on the record as decided by WeChat. A check WeChat could not make
 * (errcode ≠ 0) is held for a person: nothing silently passes. A verdict arriving twice changes nothing.
 */
export const applyPhotoVerdict = async (deps: ModerationDeps, traceId: string, verdict: Verdict) => {
  // WeChat may answer before the trace is written (it is written right after mediaCheckAsync returns): wait briefly.
  let contentKey = await deps.moderation.contentOfTrace(traceId)
  for (let wait = 0; !contentKey && wait < 3; wait++) {
    await new Promise((r) => setTimeout(r, 300))
    contentKey = await deps.moderation.contentOfTrace(traceId)
  }
  if (!contentKey) return false
  for (let attempt = 0; attempt < 5; attempt++) {
    const record = await deps.moderation.get(contentKey)
    if (!record || record.verdict?.traceId === traceId) return false
    const at = deps.now().toISOString()
    const base: ContentRecord = {
      ...record,
      verdict: { ...verdict, traceId, at },
      updatedAt: at,
      version: record.version + 1,
    }
    let next: ContentRecord = base
    let decision: ContentDecision | undefined
    if (verdict.suggest === 'pass') next = { ...base, state: record.state === 'pending' ? 'passed' : record.state }
    else if (verdict.suggest === 'review')
      next = isShown(record.state) && record.state !== 'restored' ? { ...base, state: 'review', queuedAt: at } : base
    else if (record.state !== 'removed' && record.state !== 'blocked') {
      decision = {
        outcome: 'block',
        ...WECHAT,
        at,
        reason: `图片未通过内容安全检测${labelNames[verdict.label] ? `（${labelNames[verdict.label]}）` : ''}`,
      }
      const { queuedAt: _q, ...rest } = base
      next = { ...rest, state: 'blocked', decision }
    }
    if ((await deps.moderation.update(record, next, decision)).ok) return true
  }
  return false
}

const suggestOf = (s: unknown): Suggest | undefined => (s === 'pass' || s === 'review' || s === 'risky' ? s : undefined)

/**
 * WeChat's message push (明文模式, JSON): checked against the token, then a `wxa_media_check` event applies its
 * verdict; other events are acknowledged and ignored. WeChat wants `success` back (else it retries three times).
 */
export const receivePush = async (
  deps: ModerationDeps,
  q: { signature: string; timestamp: string; nonce: string },
  body: { Event?: string; trace_id?: string; errcode?: number; result?: { suggest?: string; label?: number } },
) => {
  verify(deps, q)
  if (body.Event === 'wxa_media_check' && body.trace_id) {
    const suggest = suggestOf(body.result?.suggest)
    const verdict: Verdict =
      body.errcode || !suggest
        ? { suggest: 'review', label: body.result?.label ?? 0 }
        : { suggest, label: body.result?.label ?? 100 }
    await applyPhotoVerdict(deps, body.trace_id, verdict)
  }
  return 'success'
}
