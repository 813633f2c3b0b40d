import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { Matter } from '@contracts/deliberation'
import { ratingLabels } from '@contracts/deliberation'
import { Button } from '../../../../components/ui/Button'
import { percent } from '../../../../components/matter'
import { a11y } from '../../../../lib/a11y'
import { formatTime } from '../../../../lib/time'
import { rateMatter, type RatingValue } from '../../../../services/api/deliberation'
import { messageOf } from '../../../../services/http'
import { useNoVoteReason } from './eligibility'

const RATINGS: RatingValue[] = ['satisfied', 'basic', 'unsatisfied']

/** 大众评议: the counts so far, and for the household's representative the three choices and 提交评议. */
export function Evaluation({ matter, reload, onRated }: { matter: Matter; reload: () => void; onRated: () => void }) {
  const ev = matter.evaluation!
  const [choice, setChoice] = useState<RatingValue>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [done, setDone] = useState<RatingValue>()
  const rated = ev.myHouseholdRated === true || done !== undefined
  const canRate = matter.can.includes('rate') && !rated
  const noRating = useNoVoteReason(matter, matter.status === 'evaluating' && !rated && !canRate)

  const submit = async () => {
    if (busy || !choice) return
    setBusy(true)
    setError(undefined)
    try {
      await rateMatter(matter.matterId, choice)
      setDone(choice)
      onRated()
      reload()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="card evaluation-section">
      <View className="card__title">
        <Text className="card__title-text">大众评议</Text>
        <Text className="card__hint">截止 {formatTime(ev.closesAt)}</Text>
      </View>
      {ev.counts && (
        <View className="evaluation-result">
          {RATINGS.map((r) => (
            <Text key={r} className={`evaluation-count evaluation-count--${r}`}>
              {ratingLabels[r]} {ev.counts![r]}
            </Text>
          ))}
          {ev.score !== undefined && <Text className="evaluation-score">满意度 {percent(ev.score)}</Text>}
        </View>
      )}
      {noRating && <Text className="muted rating-not-representative">{noRating}</Text>}
      {rated && (
        <Text className="badge badge--green rating-done">
          {done ? `本户已评议：${ratingLabels[done]}` : '本户已评议'}
        </Text>
      )}
      {canRate && (
        <View className="rating-form">
          <View className="rating-options" {...a11y('radiogroup', { label: '评议结果' })}>
            {RATINGS.map((r) => (
              <View
                key={r}
                className={`chip rating-option rating-option--${r} ${choice === r ? 'is-active' : ''}`}
                {...a11y('radio', { checked: choice === r })}
                onClick={() => setChoice(r)}
              >
                <Text>{ratingLabels[r]}</Text>
              </View>
            ))}
          </View>
          <Text className="muted">由户代表为本户评议，每户一次。</Text>
          {error && <Text className="field-error rating-error">{error}</Text>}
          <Button block disabled={!choice} busy={busy} className="rating-submit" onClick={() => void submit()}>
            提交评议
          </Button>
        </View>
      )}
    </View>
  )
}
