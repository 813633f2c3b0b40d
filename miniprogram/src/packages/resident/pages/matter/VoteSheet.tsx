import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { Matter } from '@contracts/deliberation'
import { Button } from '../../../../components/ui/Button'
import { a11y } from '../../../../lib/a11y'
import { castVote } from '../../../../services/api/deliberation'
import { ApiError, messageOf } from '../../../../services/http'
import { requestConsent } from '../../../../services/subscribe'

/** The household's vote on this page: the sheet open or not, the option chosen, the vote sent and how it went. */
export function useVote(matter: Matter, reload: () => void) {
  const poll = matter.poll
  const [open, setOpen] = useState(false)
  const [choice, setChoice] = useState<number>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  /** The option just cast here. */
  const [done, setDone] = useState<string>()

  const start = () => {
    setError(undefined)
    setOpen(true)
  }
  const close = () => {
    if (!busy) setOpen(false)
  }
  const confirm = async () => {
    if (!poll || busy || choice === undefined) return
    setBusy(true)
    setError(undefined)
    // Within the tap (WeChat's rule for its subscribe dialog): ask to hear the result; the vote does not wait for it.
    requestConsent(['community'], matter.communityId)
    try {
      await castVote(poll.pollId, choice)
      setDone(poll.options[choice])
      setOpen(false)
      reload()
    } catch (e) {
      setError(messageOf(e))
      // Already voted (another member of the household, or another device): close the sheet, say why, and show the household's vote.
      if (e instanceof ApiError && e.code === 'vote.already') {
        setOpen(false)
        reload()
      }
    } finally {
      setBusy(false)
    }
  }
  return { open, start, close, choice, setChoice, busy, error, done, confirm }
}

export type Vote = ReturnType<typeof useVote>

/** 为本户投票: the options as large radio rows, the irreversible-vote warning, 取消 and 确认投“…”. */
export function VoteSheet({ matter, vote }: { matter: Matter; vote: Vote }) {
  const poll = matter.poll
  if (!poll || !vote.open) return null
  return (
    <View className="sheet vote-sheet" {...a11y('dialog', { label: '为本户投票' })}>
      <View className="sheet__mask" onClick={vote.close} />
      <View className="sheet__panel">
        <Text className="sheet__title">为本户投票</Text>
        <Text className="sheet__sub">{matter.title}</Text>
        <View {...a11y('radiogroup', { label: '表决选项' })}>
          {poll.options.map((o, i) => (
            <View
              key={i}
              className={`vote-option vote-option--${i} ${vote.choice === i ? 'is-active' : ''}`}
              {...a11y('radio', { checked: vote.choice === i })}
              onClick={() => vote.setChoice(i)}
            >
              <View className="vote-option__radio" />
              <Text>{o}</Text>
            </View>
          ))}
        </View>
        <View className="alert alert--warning vote-warning">{poll.changeRule}请确认后再投出。</View>
        {vote.error && <Text className="field-error vote-error">{vote.error}</Text>}
        <View className="sheet__actions">
          <Button kind="plain" className="vote-cancel" disabled={vote.busy} onClick={vote.close}>
            取消
          </Button>
          <Button
            className="vote-confirm"
            disabled={vote.choice === undefined}
            busy={vote.busy}
            onClick={() => void vote.confirm()}
          >
            {vote.choice === undefined ? '请先选择' : `确认投“${poll.options[vote.choice]}”`}
          </Button>
        </View>
      </View>
    </View>
  )
}
