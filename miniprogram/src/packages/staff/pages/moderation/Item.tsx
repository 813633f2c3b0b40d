import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Image, Textarea } from '@tarojs/components'
import type { QueueItem } from '@contracts/moderation'
import { reportReasonLabels } from '@contracts/moderation'
import { Button } from '../../../../components/ui/Button'
import { a11y } from '../../../../lib/a11y'
import { formatTime } from '../../../../lib/time'
import { decideContent } from '../../../../services/api/moderation'
import { ApiError, messageOf } from '../../../../services/http'

const stateLabels = { review: '微信内容安全要求人工复审', reported: '被举报，已先隐藏' } as const

/** One held item: what it is and why it waits, then 恢复显示 or 移除 with the reason (kept on the record). */
export function Item({ item, onDone }: { item: QueueItem; onDone: (contentKey: string) => void }) {
  const [mode, setMode] = useState<'restore' | 'remove'>()
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const open = (m: typeof mode) => {
    setMode(m)
    setReason('')
    setError(undefined)
  }
  const submit = async () => {
    if (!mode || busy) return
    if (!reason.trim()) {
      setError('请说明处理理由')
      return
    }
    setBusy(true)
    setError(undefined)
    try {
      await decideContent(item.contentKey, mode, reason.trim())
      void Taro.showToast({ title: mode === 'restore' ? '已恢复显示' : '已移除', icon: 'success' })
      onDone(item.contentKey)
    } catch (e) {
      if (e instanceof ApiError && e.code === 'moderation.notPending') {
        void Taro.showToast({ title: '已由他人处理', icon: 'none' })
        onDone(item.contentKey)
        return
      }
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className={`moderation-item moderation-item--${item.state}`} data-content-key={item.contentKey}>
      <View
        className="moderation-item__head"
        {...a11y('link', { label: `查看所在页面：${item.subject.title}` })}
        onClick={() => void Taro.navigateTo({ url: `/${item.subject.page}` })}
      >
        <Text className="moderation-item__title">{item.subject.title}</Text>
        <Text className="moderation-item__open">查看 ›</Text>
      </View>
      <Text className="badge badge--orange moderation-item__state">{stateLabels[item.state]}</Text>
      <Text className="moderation-item__meta">
        {item.kind === 'photo' ? '照片' : '文字'} · {item.authorName} · {formatTime(item.queuedAt)}
      </Text>
      {item.reports > 0 && (
        <Text className="moderation-item__meta moderation-item-reports">
          {item.reports} 人举报：{item.reasons.map((r) => reportReasonLabels[r]).join('、')}
        </Text>
      )}
      {item.text !== undefined && <Text className="moderation-item__text moderation-item-text">{item.text}</Text>}
      {item.photoUrl && (
        <Image
          className="moderation-item__photo moderation-item-photo"
          src={item.photoUrl}
          mode="aspectFit"
          onClick={() => void Taro.previewImage({ current: item.photoUrl!, urls: [item.photoUrl!] })}
        />
      )}
      {mode && (
        <Textarea
          className="field__textarea moderation-reason"
          placeholder={mode === 'restore' ? '恢复显示的理由，如：内容正常，属于正当意见' : '移除的理由，发布人可以看到'}
          maxlength={200}
          value={reason}
          onInput={(e) => setReason(e.detail.value)}
        />
      )}
      {error && <Text className="field-error moderation-item-error">{error}</Text>}
      <View className="moderation-item__actions">
        {mode ? (
          <>
            <Button kind="plain" small className="moderation-cancel" onClick={() => setMode(undefined)}>
              取消
            </Button>
            <Button
              small
              busy={busy}
              className={`moderation-confirm moderation-${mode}-confirm`}
              onClick={() => void submit()}
            >
              {mode === 'restore' ? '确认恢复' : '确认移除'}
            </Button>
          </>
        ) : (
          <>
            <Button kind="ghost" small className="moderation-remove" onClick={() => open('remove')}>
              移除
            </Button>
            <Button small className="moderation-restore" onClick={() => open('restore')}>
              恢复显示
            </Button>
          </>
        )}
      </View>
    </View>
  )
}
