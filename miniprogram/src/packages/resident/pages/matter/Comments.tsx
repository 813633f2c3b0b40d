import { useState } from 'react'
import { View, Text, Textarea } from '@tarojs/components'
import type { Comment, Matter } from '@contracts/deliberation'
import { SubmitButton } from '../../../../components/ui/Button'
import { ErrorState, Empty, Loading } from '../../../../components/StateView'
import { useAsync } from '../../../../components/useAsync'
import { useSubmit, zodFieldErrors } from '../../../../components/useSubmit'
import { whoActed } from '../../../../components/Timeline'
import { formatTime } from '../../../../lib/time'
import { a11y } from '../../../../lib/a11y'
import { addComment, commentBodySchema, listComments } from '../../../../services/api/deliberation'
import { newClientId } from '../../../../services/clientId'
import { ModerationNote, ReportSheet, useReport } from '../../../../components/moderation'
import { contentKeys } from '../../../../services/api/moderation'
import { getSession } from '../../../../services/session'

/** 议事讨论: the comments, and for those who may comment the box to add one. */
export function Comments({ matter }: { matter: Matter }) {
  const list = useAsync(async () => (await listComments(matter.matterId)).items, [matter.matterId])
  const [added, setAdded] = useState<Comment[]>([])
  const [text, setText] = useState('')
  // One id per draft: a retried post adds the comment once; the next draft gets a new one.
  const [commentId, setCommentId] = useState(newClientId)
  const form = useSubmit<'text'>({
    validate: () => zodFieldErrors(commentBodySchema.safeParse({ commentId, text }).error),
    values: { text },
  })
  const canComment = matter.can.includes('comment')
  const me = getSession()?.userId
  // 举报: a comment that enough neighbours reported disappears from this page at once.
  const [gone, setGone] = useState<string[]>([])
  const report = useReport((key) => setGone((all) => [...all, key]))

  const submit = () =>
    form.submit(async () => {
      const c = await addComment(matter.matterId, commentId, commentBodySchema.parse({ commentId, text }).text)
      setAdded((all) => [...all, c])
      setText('')
      setCommentId(newClientId())
    })

  const known = new Set((list.data ?? []).map((c) => c.commentId))
  const items = [...(list.data ?? []), ...added.filter((c) => !known.has(c.commentId))].filter(
    (c) => !gone.includes(contentKeys.comment(matter.matterId, c.commentId)),
  )
  const error = form.errors.text ?? form.formError
  return (
    <View className="card comments-section">
      <View className="card__title">
        <Text className="card__title-text">议事讨论</Text>
        {list.data && <Text className="card__hint">{items.length} 条</Text>}
      </View>
      {list.loading && !list.data ? (
        <Loading />
      ) : !list.data ? (
        <ErrorState message={list.error ?? '加载失败'} onRetry={list.reload} />
      ) : items.length === 0 ? (
        <Empty className="comments-empty" text="还没有人发表意见" />
      ) : (
        items.map((c) => (
          <View
            key={c.commentId}
            className={`comment-item ${c.moderation ? `is-${c.moderation.state}` : ''}`}
            data-comment-id={c.commentId}
          >
            <View className="comment-item__head">
              <Text className="comment-item__author">
                {whoActed({ actorName: c.authorName, actorRole: c.authorRole })}
              </Text>
              <Text className="comment-item__time">{formatTime(c.at)}</Text>
              {!c.moderation && c.authorId !== me && (
                <Text
                  className="report-link comment-report"
                  {...a11y('button', { label: `举报${c.authorName}的评论` })}
                  onClick={() =>
                    report.open({
                      subject: { kind: 'matter', id: matter.matterId },
                      contentKey: contentKeys.comment(matter.matterId, c.commentId),
                      what: '评论',
                    })
                  }
                >
                  举报
                </Text>
              )}
            </View>
            <ModerationNote moderation={c.moderation} className="comment-moderation" />
            {c.text && <Text className="comment-item__text">{c.text}</Text>}
          </View>
        ))
      )}
      {canComment && (
        <View className="comment-form">
          <Textarea
            className="field__textarea comment-input"
            placeholder="发表您的意见（最多500字）"
            maxlength={500}
            value={text}
            onInput={(e) => setText(e.detail.value)}
          />
          {error && <Text className="field-error comment-error">{error}</Text>}
          <SubmitButton
            submitting={form.submitting}
            busyText="发送中…"
            className="comment-submit"
            onClick={() => void submit()}
          >
            发表意见
          </SubmitButton>
        </View>
      )}
      <ReportSheet report={report} />
    </View>
  )
}
