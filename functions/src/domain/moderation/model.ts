import type {
  ContentModeration,
  ContentState,
  ModerationSettings,
  ReportReason,
} from '../../../../contracts/moderation'

export type { ContentState, ReportReason }

/** WeChat's verdict (msgSecCheck v2 and mediaCheckAsync v2 answer the same way). */
export type Suggest = 'pass' | 'review' | 'risky'
export interface Verdict {
  suggest: Suggest
  /** 100 正常, 10001 广告, 20001 时政, 20002 色情, 20003 辱骂, 20006 违法犯罪, 20008 欺诈, 20012 低俗, 20013 版权, 21000 其他. */
  label: number
  traceId?: string
}

/**
 * WeChat's scenes: 1 资料 (a profile), 2 评论 (a comment), 3 论坛 (a post others read: a proposal, a resolution, a
 * report, a wish), 4 社交日志 (a personal message to others: a thank-you letter).
 */
export const scenes = { profile: 1, comment: 2, forum: 3, social: 4 } as const
export type Scene = keyof typeof scenes

export const labelNames: Record<number, string> = {
  10001: '广告',
  20001: '时政',
  20002: '色情',
  20003: '辱骂',
  20006: '违法犯罪',
  20008: '欺诈',
  20012: '低俗',
  20013: '版权',
  21000: '其他',
}

/** Where a piece of content appears, for the staff's queue: `{ kind: 'matter', id, title, page }`. */
export interface Subject {
  kind: string
  id: string
  title: string
  page: string
}

/** What a capability says about one piece of its content: enough for the queue and for who may decide. */
export interface ContentDraft {
  contentKey: string
  kind: 'text' | 'photo'
  communityId: string
  /** The place it was published for (a building, compound or community path): the committee covering it decides. */
  placePath: string
  subject: Subject
  authorId: string
  authorName: string
  /** The text, for a text (shown to the staff who decide). */
  text?: string
  photoKey?: string
}

export interface ContentDecision {
  outcome: 'restore' | 'remove' | 'block'
  byId: string
  byName: string
  at: string
  reason: string
}

/** The moderation state of one piece of content. Content without one was never held: it is shown. */
export interface ContentRecord extends ContentDraft {
  state: ContentState
  reports: number
  reasons: ReportReason[]
  verdict?: Verdict & { at: string }
  /** When it entered the queue (while held). */
  queuedAt?: string
  decision?: ContentDecision
  createdAt: string
  updatedAt: string
  version: number
}

/** What a capability writes with its own change, in its transaction: a held text, or the end of an older hold. */
export type ContentWrite = { put: ContentRecord } | { clear: string }

export const photoContentKey = (photoKey: string) => `photo:${photoKey}`

export const isHeld = (s: ContentState) => s === 'review' || s === 'reported'
export const isShown = (s: ContentState) => s === 'pending' || s === 'passed' || s === 'restored'

const labels: Record<ContentModeration['state'], string> = {
  review: '审核中，仅自己可见',
  reported: '被举报，待社区处理，仅自己可见',
  removed: '已被社区移除',
  blocked: '未通过内容安全检测，已隐藏',
}
const staffLabels: Record<ContentModeration['state'], string> = {
  review: '待审核（微信内容安全要求人工复审）',
  reported: '待审核（被举报已隐藏）',
  removed: '已移除',
  blocked: '未通过内容安全检测，已隐藏',
}

/**
 * How one piece of content appears to one viewer: shown as it is, shown with a mark (to its writer and to the staff
 * who serve the place, while held or after removal), or not at all. Everyone else never learns a held item exists.
 */
export const seenAs = (
  record: ContentRecord | undefined,
  viewer: { isAuthor: boolean; isStaff: boolean },
): { show: boolean; moderation?: ContentModeration } => {
  if (!record || isShown(record.state)) return { show: true }
  const state = record.state as ContentModeration['state']
  if (!viewer.isAuthor && !viewer.isStaff) return { show: false }
  // A blocked photo is shown to nobody; its writer and the staff are told it is there.
  const moderation: ContentModeration = {
    state,
    label: viewer.isStaff ? staffLabels[state] : labels[state],
    ...(record.decision && state === 'removed' ? { reason: record.decision.reason } : {}),
  }
  return { show: state !== 'blocked' && (state !== 'removed' || viewer.isStaff), moderation }
}

export type { ModerationSettings }
