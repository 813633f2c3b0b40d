import { View, Text } from '@tarojs/components'
import type { Matter } from '@contracts/deliberation'
import { stepLabels } from '@contracts/deliberation'
import { ENDED_EARLY, stepStates, type StepState } from '../../../../components/matter'
import { a11y, hidden } from '../../../../lib/a11y'

/** 居民提议 → 居民 / 提议: two short lines fit a fifth of a narrow phone at any size. */
const twoLines = (label: string) => (label.length === 4 ? [label.slice(0, 2), label.slice(2)] : [label])

const stateWords: Record<StepState, string> = {
  done: '已完成',
  current: '进行中',
  ended: '',
  upcoming: '未开始',
  skipped: '未进行',
}

/**
 * The five steps and where this matter is in them. One that ended early shows the step it reached and how it
 * ended (已撤回 / 不予受理 / 未通过) with the later steps as not reached — never all five done.
 */
export function Steps({ matter }: { matter: Pick<Matter, 'status' | 'timeline'> }) {
  const ended = ENDED_EARLY[matter.status]
  return (
    <View className="steps matter-steps">
      {stepStates(matter).map(({ step, state }, i) => (
        <View
          key={step}
          className={`steps__item matter-step matter-step--${step} is-${state}`}
          {...a11y('img', {
            label: `第${i + 1}步 ${stepLabels[step]}：${state === 'ended' ? ended : stateWords[state]}`,
          })}
        >
          <View className="steps__dot" {...hidden()}>
            {state === 'done' ? '✓' : state === 'ended' ? '✕' : i + 1}
          </View>
          <View className="steps__label" {...hidden()}>
            {twoLines(stepLabels[step]).map((line) => (
              <Text key={line} className="steps__line">
                {line}
              </Text>
            ))}
          </View>
          {state === 'ended' && ended && (
            <View className="steps__end matter-step__end" {...hidden()}>
              {twoLines(ended).map((line) => (
                <Text key={line} className="steps__line">
                  {line}
                </Text>
              ))}
            </View>
          )}
        </View>
      ))}
    </View>
  )
}
