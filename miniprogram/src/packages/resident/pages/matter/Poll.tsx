import { View, Text } from '@tarojs/components'
import type { Matter } from '@contracts/deliberation'
import { percent, ruleSentence } from '../../../../components/matter'
import { formatTime } from '../../../../lib/time'
import { MetaRow } from './Head'
import { useNoVoteReason } from './eligibility'
import type { Vote } from './VoteSheet'

/**
 * 民主表决: the options, when it opens and closes, how it is counted, how many have voted; what this household
 * did (本户已投票, and in a named poll 本户投了“…”); at close the result. The vote itself is the bar's button and the sheet.
 */
export function Poll({ matter, vote }: { matter: Matter; vote: Vote }) {
  const poll = matter.poll!
  const stateText = poll.state === 'scheduled' ? '未开始' : poll.state === 'open' ? '投票中' : '已截止'
  const voted = poll.myHouseholdVoted === true || vote.done !== undefined
  const canVote = matter.can.includes('vote') && poll.state === 'open' && !voted
  const noVote = useNoVoteReason(matter, poll.state === 'open' && !voted && !canVote)
  const mine = poll.myHouseholdOption !== undefined ? poll.options[poll.myHouseholdOption] : undefined
  const result = poll.result

  return (
    <View className="card poll-section" data-poll-id={poll.pollId}>
      <View className="card__title">
        <Text className="card__title-text">民主表决</Text>
        <Text className={`badge ${poll.state === 'open' ? '' : 'badge--grey'} poll-state poll-state--${poll.state}`}>
          {stateText}
        </Text>
      </View>
      <View className="poll-options">
        {poll.options.map((o, i) => (
          <View key={i} className={`poll-option ${poll.myHouseholdOption === i ? 'is-mine' : ''}`}>
            <Text className="poll-option__name">
              {i + 1}. {o}
            </Text>
            {result && (
              <Text className="poll-option__count poll-result-count">
                {result.counts[i] ?? 0} 户
                {result.ballots > 0 ? `（${percent((result.counts[i] ?? 0) / result.ballots)}）` : ''}
              </Text>
            )}
          </View>
        ))}
      </View>
      <View className="meta">
        <MetaRow label="开始" value={formatTime(poll.opensAt)} className="poll-opens" />
        <MetaRow label="截止" value={formatTime(poll.closesAt)} className="poll-closes" />
        <MetaRow label="方式" value={poll.secret ? '无记名投票' : '记名投票'} className="poll-secret" />
        <MetaRow label="选民" value={`开票时范围内 ${poll.electorate} 户（已冻结）`} className="poll-electorate" />
        <MetaRow label="规则" value={ruleSentence(poll)} className="poll-rule" />
        {poll.votedHouseholds !== undefined && (
          <MetaRow label="已投" value={`${poll.votedHouseholds} 户`} className="poll-voted" />
        )}
      </View>
      <Text className="poll-change-rule">{poll.changeRule}</Text>

      {result && (
        <View className={`poll-result ${result.passed ? 'poll-result--passed' : 'poll-result--failed'}`}>
          <Text className="poll-result__verdict">{result.passed ? '表决通过' : '表决未通过'}</Text>
          <Text className="poll-result__detail">
            {result.ballots}/{poll.electorate} 户参与，参与率 {percent(result.turnout)}；“
            {poll.options[poll.rule.passOption]}”占 {percent(result.passShareReached)}
          </Text>
        </View>
      )}

      {vote.done !== undefined && (
        <View className="vote-done">
          <Text className="vote-done__title">✓ 投票成功</Text>
          <Text className="vote-done__text">本户已投“{vote.done}”。一户一票，投出后不可更改。</Text>
        </View>
      )}
      {vote.done === undefined && voted && (
        <View className="poll-mine">
          <Text className="badge badge--green poll-my-voted">本户已投票</Text>
          {mine !== undefined && <Text className="poll-my-option">本户投了“{mine}”</Text>}
        </View>
      )}
      {vote.error && !vote.open && <Text className="field-error vote-error">{vote.error}</Text>}
      {canVote && <Text className="poll-how">请点页面底部的「为本户投票」。</Text>}
      {noVote && <Text className="muted poll-not-eligible">{noVote}</Text>}
    </View>
  )
}
