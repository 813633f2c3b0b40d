import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { ContentModeration, ReportReason, ReportSubjectKind } from '@contracts/moderation'
import { reportReasonLabels, reportReasons } from '@contracts/moderation'
import { Button } from './ui/Button'
import { LinkRow } from './LinkRow'
import { useAsync } from './useAsync'
import { a11y } from '../lib/a11y'
import { moderationQueue, reportContent } from '../services/api/moderation'
import { messageOf } from '../services/http'
import { PAGES, withQuery } from '../services/nav'
import './moderation.scss'

/** The honest mark on a held or removed item its writer (or the staff) sees: 审核中，仅自己可见, 已被社区移除：理由. */
export function ModerationNote({ moderation, className = '' }: { moderation?: ContentModeration; className?: string }) {
  if (!moderation) return null
  return (
    <Text className={`moderation-note moderation-note--${moderation.state} ${className}`}>
      {moderation.label}
      {moderation.reason ? `：${moderation.reason}` : ''}
    </Text>
  )
}

/** What a report is about: where it was seen and the content's key. */
export interface ReportTarget {
  subject: { kind: ReportSubjectKind; id: string }
  contentKey: string
  /** 评论 / 照片 / 心愿 / 感谢信: said in the sheet's title. */
  what: string
}

/** A report in progress: the sheet open for one target, the reason chosen, the send and how it went. */
export function useReport(onHidden?: (contentKey: string) => void) {
  const [target, setTarget] = useState<ReportTarget>()
  const [reason, setReason] = useState<ReportReason>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const open = (t: ReportTarget) => {
    setTarget(t)
    setReason(undefined)
    setError(undefined)
  }
  const close = () => {
    if (!busy) setTarget(undefined)
  }
  const confirm = async () => {
    if (!target || !reason || busy) return
    setBusy(true)
    setError(undefined)
    try {
      const res = await reportContent(target.subject, target.contentKey, reason)
      setTarget(undefined)
      void Taro.showToast({ title: res.already ? '您已举报过，谢谢' : '已举报，社区会尽快处理', icon: 'none' })
      if (res.hidden) onHidden?.(target.contentKey)
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return { target, open, close, reason, setReason, busy, error, confirm }
}
export type Report = ReturnType<typeof useReport>

/** 举报: why (one reason), what happens next, 取消 and 确认举报. */
export function ReportSheet({ report }: { report: Report }) {
  if (!report.target) return null
  return (
    <View className="sheet report-sheet" {...a11y('dialog', { label: `举报${report.target.what}` })}>
      <View className="sheet__mask" onClick={report.close} />
      <View className="sheet__panel">
        <Text className="sheet__title">举报这条{report.target.what}</Text>
        <Text className="sheet__sub">请选择举报理由。多位居民举报后内容会先隐藏，由社区两委核实处理。</Text>
        <View {...a11y('radiogroup', { label: '举报理由' })}>
          {reportReasons.map((r) => (
            <View
              key={r}
              className={`report-reason report-reason--${r} ${report.reason === r ? 'is-active' : ''}`}
              {...a11y('radio', { checked: report.reason === r })}
              onClick={() => report.setReason(r)}
            >
              <View className="report-reason__radio" />
              <Text>{reportReasonLabels[r]}</Text>
            </View>
          ))}
        </View>
        {report.error && <Text className="field-error report-error">{report.error}</Text>}
        <View className="sheet__actions">
          <Button kind="plain" className="report-cancel" disabled={report.busy} onClick={report.close}>
            取消
          </Button>
          <Button
            className="report-confirm"
            disabled={!report.reason}
            busy={report.busy}
            onClick={() => void report.confirm()}
          >
            {report.reason ? '确认举报' : '请先选择理由'}
          </Button>
        </View>
      </View>
    </View>
  )
}

/** The entry to 内容审核 for the committee and the admin, with how many items wait (a failure only hides the count). */
export function ModerationLink({
  communityId,
  name,
  className,
  card,
}: {
  communityId: string
  name: string
  className: string
  card?: boolean
}) {
  const queue = useAsync(() => moderationQueue(communityId), [communityId])
  const total = queue.data?.counts.total ?? 0
  return (
    <LinkRow
      className={className}
      card={card}
      title="内容审核"
      sub={`${name} · 待审核和被举报的评论、照片`}
      badge={total > 0 && <Text className="badge moderation-pending-count">{total}</Text>}
      onClick={() => void Taro.navigateTo({ url: withQuery(PAGES.moderation, { communityId }) })}
    />
  )
}
