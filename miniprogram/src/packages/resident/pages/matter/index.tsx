import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import type { Matter } from '@contracts/deliberation'
import { ratingLabels, statusLabels, stepLabels, stepOf, triageLabels } from '@contracts/deliberation'
import { errorMessage } from '@contracts/errors'
import type { Me } from '@contracts/identity'
import { ErrorState, Empty, Loading } from '../../../../components/StateView'
import { useAsync } from '../../../../components/useAsync'
import { useShown } from '../../../../components/useShown'
import { PhotoList } from '../../../../components/photos'
import { SubscribeBar } from '../../../../components/SubscribeBar'
import { formatDate, formatTime } from '../../../../lib/time'
import { FIVE_STEPS, percent, ruleSentence, statusTone } from '../../../../components/matter'
import {
  addComment,
  answerBodySchema,
  answerEscalation,
  castVote,
  commentBodySchema,
  getMatter,
  listComments,
  rateMatter,
  secondMatter,
  withdrawMatter,
  type RatingValue,
} from '../../../../services/api/deliberation'
import { getMe } from '../../../../services/api/identity'
import { ApiError, messageOf } from '../../../../services/http'
import { PAGES, currentUrl, withQuery } from '../../../../services/nav'
import { isLoggedIn } from '../../../../services/session'
import { requestConsent } from '../../../../services/subscribe'
import { newClientId } from '../../../../services/clientId'
import './index.scss'

const partyKinds = { property: '物业', community: '社区', department: '职能部门' } as const

/**
 * The matter page: where the matter is in the five steps, everything recorded on the way (the timeline), and
 * what the caller may do now, exactly as the server's `can` says.
 */
export default function MatterPage() {
  const { params } = useRouter()
  const matterId = String(params.matterId ?? '')
  const created = params.created === '1'
  const loggedIn = isLoggedIn()
  const shown = useShown()
  useEffect(() => {
    if (!loggedIn) void Taro.redirectTo({ url: withQuery(PAGES.login, { redirect: currentUrl() }) })
  }, [loggedIn])

  const loaded = useAsync(() => getMatter(matterId), [matterId, shown], loggedIn && shown > 0)
  const [matter, setMatter] = useState<Matter>()
  useEffect(() => {
    if (loaded.data) setMatter(loaded.data)
  }, [loaded.data])
  usePullDownRefresh(() => {
    loaded.reload()
    void Taro.stopPullDownRefresh()
  })

  if (!loggedIn) return <Loading text="请先登录…" />
  if (!matter) {
    if (loaded.error) {
      return (
        <View className="page">
          <ErrorState message={loaded.error} onRetry={loaded.errorCode === 'matter.notFound' ? undefined : loaded.reload} />
        </View>
      )
    }
    return <Loading />
  }
  return <MatterView matter={matter} created={created} onChange={setMatter} reload={loaded.reload} />
}

interface ViewProps {
  matter: Matter
  created: boolean
  onChange: (m: Matter) => void
  reload: () => void
}

function MatterView({ matter, created, onChange, reload }: ViewProps) {
  const can = (action: string) => matter.can.includes(action)
  const [busy, setBusy] = useState<string>()
  const [actionError, setActionError] = useState<string>()

  const act = async (name: string, run: () => Promise<Matter>) => {
    if (busy) return
    setBusy(name)
    setActionError(undefined)
    try {
      onChange(await run())
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) setActionError(messageOf(e))
    } finally {
      setBusy(undefined)
    }
  }

  const withdraw = async () => {
    const { confirm } = await Taro.showModal({
      title: '撤回提议',
      content: '撤回后议题将关闭，不能恢复。确定撤回吗？',
      confirmText: '撤回',
      confirmColor: '#c0392b',
    })
    if (confirm) await act('withdraw', () => withdrawMatter(matter.matterId))
  }
  const open = (path: string) => void Taro.navigateTo({ url: withQuery(path, { matterId: matter.matterId, communityId: matter.communityId }) })

  const step = stepOf[matter.status]
  const stepIndex = step === 'closed' ? FIVE_STEPS.length : FIVE_STEPS.indexOf(step)
  const hasActions = ['second', 'withdraw', 'revise', 'accept', 'openPoll', 'resolve', 'report'].some(can)

  return (
    <View className="page matter-page">
      {created && (
        <View className="alert alert--ok propose-success">
          提议已提交{matter.status === 'seconding' ? `，需 ${matter.secondsNeeded} 位居民附议后转两委审议` : '，等待两委审议'}
        </View>
      )}

      <View className="card matter-head">
        <View className="matter-head__top">
          <Text className="matter-head__title matter-title">{matter.title}</Text>
          <Text className={`badge badge--${statusTone(matter.status)} matter-status`}>{statusLabels[matter.status]}</Text>
        </View>
        <View className="steps matter-steps">
          {FIVE_STEPS.map((s, i) => (
            <View key={s} className={`steps__item matter-step matter-step--${s} ${i < stepIndex ? 'is-done' : i === stepIndex ? 'is-current' : ''}`}>
              <View className="steps__dot">{i < stepIndex ? '✓' : i + 1}</View>
              <Text className="steps__label">{stepLabels[s]}</Text>
            </View>
          ))}
        </View>
        <View className="meta">
          <MetaRow label="范围" value={matter.scope.name} className="matter-scope" />
          <MetaRow label="类别" value={matter.categoryName} className="matter-category" />
          <MetaRow label="提议人" value={`${matter.proposerName} · ${formatTime(matter.createdAt)}`} className="matter-proposer" />
          {matter.triage && <MetaRow label="分流" value={triageLabels[matter.triage]} className="matter-triage" />}
          {matter.responsibleParty && (
            <MetaRow label="责任方" value={`${partyKinds[matter.responsibleParty.kind]} · ${matter.responsibleParty.name}`} className="matter-responsible" />
          )}
          {matter.status === 'seconding' && (
            <MetaRow
              label="附议"
              value={`${matter.secondsCount}/${matter.secondsNeeded} 人${matter.iSeconded ? '（您已附议）' : ''}`}
              className="matter-seconds"
            />
          )}
        </View>
        <Text className="matter-head__text matter-text">{matter.text}</Text>
        <PhotoList photos={matter.photos} className="matter-photo" />
        {matter.returnNote && matter.status === 'returned' && <View className="alert matter-return-note">两委退回意见：{matter.returnNote}</View>}
        {matter.closedReason && <View className="alert alert--grey matter-closed-reason">{matter.closedReason}</View>}
      </View>

      <SubscribeBar topics={['progress', 'community']} communityId={matter.communityId} />

      {hasActions && (
        <View className="card matter-actions">
          {actionError && <Text className="field-error action-error">{actionError}</Text>}
          <View className="matter-actions__row">
            {can('second') && (
              <View
                className={`btn btn--primary btn--small second-button ${busy ? 'btn--loading' : ''}`}
                onClick={() => void act('second', () => secondMatter(matter.matterId))}
              >
                {busy === 'second' ? '提交中…' : '附议'}
              </View>
            )}
            {can('revise') && (
              <View className="btn btn--primary btn--small revise-button" onClick={() => open(PAGES.propose)}>
                修改后重新提交
              </View>
            )}
            {can('withdraw') && (
              <View className={`btn btn--ghost btn--small withdraw-button ${busy ? 'btn--loading' : ''}`} onClick={() => void withdraw()}>
                {busy === 'withdraw' ? '撤回中…' : '撤回'}
              </View>
            )}
            {can('accept') && (
              <View className="btn btn--primary btn--small review-link" onClick={() => open(PAGES.reviewQueue)}>
                去审议
              </View>
            )}
            {can('openPoll') && (
              <View className="btn btn--primary btn--small open-poll-button" onClick={() => open(PAGES.openPoll)}>
                发起表决
              </View>
            )}
            {can('resolve') && (
              <View className="btn btn--primary btn--small resolve-button" onClick={() => open(PAGES.resolution)}>
                形成决议
              </View>
            )}
            {can('report') && (
              <View className="btn btn--primary btn--small report-button" onClick={() => open(PAGES.report)}>
                报告办结
              </View>
            )}
          </View>
        </View>
      )}

      {matter.escalation && <Escalation matter={matter} onChange={onChange} />}
      {matter.poll && <Poll matter={matter} reload={reload} />}
      {matter.resolution && <ResolutionCard matter={matter} />}
      {matter.report && <ReportCard matter={matter} />}
      {matter.evaluation && <EvaluationCard matter={matter} reload={reload} />}
      <Comments matter={matter} />
      <Timeline matter={matter} />
    </View>
  )
}

function MetaRow({ label, value, className }: { label: string; value: string; className: string }) {
  return (
    <View className={`meta__row ${className}`}>
      <Text className="meta__label">{label}</Text>
      <Text className="meta__value">{value}</Text>
    </View>
  )
}

function Escalation({ matter, onChange }: { matter: Matter; onChange: (m: Matter) => void }) {
  const e = matter.escalation!
  const [answer, setAnswer] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const submit = async () => {
    if (busy) return
    setError(undefined)
    const parsed = answerBodySchema.safeParse({ answer })
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? '请填写答复内容')
      return
    }
    setBusy(true)
    try {
      onChange(await answerEscalation(matter.matterId, parsed.data.answer))
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="card escalation-section">
      <View className="card__title">
        <Text className="card__title-text">街道吹哨 · 部门报到</Text>
        {e.overdue && <Text className="badge escalation-overdue">已超期</Text>}
        {e.answeredAt && <Text className="badge badge--green escalation-answered">已答复</Text>}
      </View>
      <Text className="muted escalation-deadline">答复期限：{formatTime(e.deadline)}</Text>
      {e.answer && (
        <View className="escalation-answer">
          <Text className="escalation-answer__text">{e.answer}</Text>
          {e.answeredAt && <Text className="muted">{formatTime(e.answeredAt)}</Text>}
        </View>
      )}
      {matter.can.includes('answerEscalation') && (
        <View className="escalation-form">
          <Textarea
            className="field__textarea escalation-answer-input"
            placeholder="记录职能部门的答复（1–1000字）"
            maxlength={1000}
            value={answer}
            onInput={(ev) => setAnswer(ev.detail.value)}
          />
          {error && <Text className="field-error escalation-error">{error}</Text>}
          <View className={`btn btn--primary btn--small escalation-answer-submit ${busy ? 'btn--loading' : ''}`} onClick={() => void submit()}>
            {busy ? '提交中…' : '记录答复'}
          </View>
        </View>
      )}
    </View>
  )
}

const inScope = (matter: Matter, h: Me['households'][number]) =>
  matter.scope.type === 'building'
    ? h.buildingId === matter.scope.id
    : matter.scope.type === 'compound'
      ? h.compoundId === matter.scope.id
      : h.communityId === matter.scope.id

/**
 * Why the caller has no vote or rating here, when `can` (the server's own checks) leaves it out: a member of a
 * household in scope who is not its representative, or someone who lives outside the scope.
 */
function useNoVoteReason(matter: Matter, needed: boolean): string | undefined {
  const me = useAsync(getMe, [], needed)
  if (!needed) return undefined
  return me.data?.households.some((h) => inScope(matter, h)) ? errorMessage('vote.notRepresentative') : '由范围内各户的户代表投票、评议'
}

function Poll({ matter, reload }: { matter: Matter; reload: () => void }) {
  const poll = matter.poll!
  const [voting, setVoting] = useState(false)
  const [choice, setChoice] = useState<number>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [done, setDone] = useState<string>()

  const stateText = poll.state === 'scheduled' ? '未开始' : poll.state === 'open' ? '投票中' : '已截止'
  const voted = poll.myHouseholdVoted === true || done !== undefined
  const canVote = matter.can.includes('vote') && poll.state === 'open' && !voted
  const noVote = useNoVoteReason(matter, poll.state === 'open' && !voted && !canVote)

  const confirm = async () => {
    if (busy || choice === undefined) return
    setBusy(true)
    setError(undefined)
    // Within the tap (WeChat's rule for its subscribe dialog): ask to hear the result; the vote does not wait for it.
    requestConsent(['community'], matter.communityId)
    try {
      await castVote(poll.pollId, choice)
      setDone(poll.options[choice])
      setVoting(false)
      reload()
    } catch (e) {
      setError(messageOf(e))
      // Already voted (another member of the household, or another device): close the sheet, say why, and show the household's vote.
      if (e instanceof ApiError && e.code === 'vote.already') {
        setVoting(false)
        reload()
      }
    } finally {
      setBusy(false)
    }
  }

  const result = poll.result
  return (
    <View className="card poll-section" data-poll-id={poll.pollId}>
      <View className="card__title">
        <Text className="card__title-text">民主表决</Text>
        <Text className={`badge ${poll.state === 'open' ? '' : 'badge--grey'} poll-state poll-state--${poll.state}`}>{stateText}</Text>
      </View>
      <View className="poll-options">
        {poll.options.map((o, i) => (
          <View key={i} className="poll-option">
            <Text className="poll-option__name">
              {i + 1}. {o}
            </Text>
            {result && (
              <Text className="poll-option__count poll-result-count">
                {result.counts[i] ?? 0} 户{result.ballots > 0 ? `（${percent((result.counts[i] ?? 0) / result.ballots)}）` : ''}
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
        {poll.votedHouseholds !== undefined && <MetaRow label="已投" value={`${poll.votedHouseholds} 户`} className="poll-voted" />}
      </View>
      <Text className="poll-change-rule">{poll.changeRule}</Text>

      {result && (
        <View className={`poll-result ${result.passed ? 'poll-result--passed' : 'poll-result--failed'}`}>
          <Text className="poll-result__verdict">{result.passed ? '表决通过' : '表决未通过'}</Text>
          <Text className="poll-result__detail">
            {result.ballots}/{poll.electorate} 户参与，参与率 {percent(result.turnout)}；“{poll.options[poll.rule.passOption]}”占{' '}
            {percent(result.passShareReached)}
          </Text>
        </View>
      )}

      {done !== undefined && (
        <View className="vote-done">
          <Text className="vote-done__title">✓ 投票成功</Text>
          <Text className="vote-done__text">本户已投“{done}”。一户一票，投出后不可更改。</Text>
        </View>
      )}
      {done === undefined && voted && <Text className="badge badge--green poll-my-voted">本户已投票</Text>}
      {error && !voting && <Text className="field-error vote-error">{error}</Text>}
      {canVote && (
        <View
          className="btn btn--primary btn--block vote-button"
          onClick={() => {
            setError(undefined)
            setVoting(true)
          }}
        >
          为本户投票
        </View>
      )}
      {noVote && <Text className="muted poll-not-eligible">{noVote}</Text>}

      {voting && (
        <View className="sheet vote-sheet">
          <View className="sheet__mask" onClick={() => !busy && setVoting(false)} />
          <View className="sheet__panel">
            <Text className="sheet__title">为本户投票</Text>
            <Text className="sheet__sub">{matter.title}</Text>
            {poll.options.map((o, i) => (
              <View key={i} className={`vote-option vote-option--${i} ${choice === i ? 'is-active' : ''}`} onClick={() => setChoice(i)}>
                <View className="vote-option__radio" />
                <Text>{o}</Text>
              </View>
            ))}
            <View className="alert vote-warning">{poll.changeRule}请确认后再投出。</View>
            {error && <Text className="field-error vote-error">{error}</Text>}
            <View className="sheet__actions">
              <View className="btn btn--plain btn--small vote-cancel" onClick={() => !busy && setVoting(false)}>
                取消
              </View>
              <View
                className={`btn btn--primary btn--small vote-confirm ${choice === undefined || busy ? 'btn--disabled' : ''}`}
                onClick={() => void confirm()}
              >
                {busy ? '提交中…' : choice === undefined ? '请选择' : `确认投“${poll.options[choice]}”`}
              </View>
            </View>
          </View>
        </View>
      )}
    </View>
  )
}

function ResolutionCard({ matter }: { matter: Matter }) {
  const r = matter.resolution!
  return (
    <View className="card resolution-section">
      <View className="card__title">
        <Text className="card__title-text">协同决议（公示）</Text>
        {r.round > 1 && <Text className="card__hint">第 {r.round} 轮</Text>}
      </View>
      <View className="meta">
        <MetaRow label="责任方" value={`${partyKinds[r.responsibleParty.kind]} · ${r.responsibleParty.name}`} className="resolution-party" />
        <MetaRow label="完成期限" value={formatDate(r.dueDate)} className="resolution-due" />
        <MetaRow label="公示时间" value={formatTime(r.publishedAt)} className="resolution-published" />
      </View>
      <View className="tasks">
        {r.tasks.map((t, i) => (
          <Text key={i} className="tasks__item resolution-task">
            {i + 1}. {t}
          </Text>
        ))}
      </View>
    </View>
  )
}

function ReportCard({ matter }: { matter: Matter }) {
  const r = matter.report!
  return (
    <View className="card report-section">
      <View className="card__title">
        <Text className="card__title-text">办结报告</Text>
        <Text className="card__hint">{formatTime(r.at)}</Text>
      </View>
      <Text className="matter-head__text report-note">{r.note}</Text>
      <PhotoList photos={r.photos} className="report-photo" />
    </View>
  )
}

const RATINGS: RatingValue[] = ['satisfied', 'basic', 'unsatisfied']

function EvaluationCard({ matter, reload }: { matter: Matter; reload: () => void }) {
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
      {rated && <Text className="badge badge--green rating-done">{done ? `本户已评议：${ratingLabels[done]}` : '本户已评议'}</Text>}
      {canRate && (
        <View className="rating-form">
          <View className="rating-options">
            {RATINGS.map((r) => (
              <View key={r} className={`chip rating-option rating-option--${r} ${choice === r ? 'is-active' : ''}`} onClick={() => setChoice(r)}>
                {ratingLabels[r]}
              </View>
            ))}
          </View>
          <Text className="muted">由户代表为本户评议，每户一次。</Text>
          {error && <Text className="field-error rating-error">{error}</Text>}
          <View className={`btn btn--primary btn--block rating-submit ${!choice || busy ? 'btn--disabled' : ''}`} onClick={() => void submit()}>
            {busy ? '提交中…' : '提交评议'}
          </View>
        </View>
      )}
    </View>
  )
}

function Comments({ matter }: { matter: Matter }) {
  const list = useAsync(async () => (await listComments(matter.matterId)).items, [matter.matterId])
  const [added, setAdded] = useState<{ commentId: string; authorName: string; text: string; at: string }[]>([])
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  // One id per draft: a retried post adds the comment once; the next draft gets a new one.
  const [commentId, setCommentId] = useState(newClientId)
  const canComment = matter.can.includes('comment')

  const submit = async () => {
    if (busy) return
    setError(undefined)
    const parsed = commentBodySchema.safeParse({ commentId, text })
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? '请输入内容')
      return
    }
    setBusy(true)
    try {
      const c = await addComment(matter.matterId, commentId, parsed.data.text)
      setAdded((all) => [...all, c])
      setText('')
      setCommentId(newClientId())
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  const known = new Set((list.data ?? []).map((c) => c.commentId))
  const items = [...(list.data ?? []), ...added.filter((c) => !known.has(c.commentId))]
  return (
    <View className="card comments-section">
      <View className="card__title">
        <Text className="card__title-text">议事讨论</Text>
        {!list.loading && !list.error && <Text className="card__hint">{items.length} 条</Text>}
      </View>
      {list.loading ? (
        <Loading />
      ) : list.error ? (
        <ErrorState message={list.error} onRetry={list.reload} />
      ) : items.length === 0 ? (
        <Empty className="comments-empty" text="还没有人发表意见" />
      ) : (
        items.map((c) => (
          <View key={c.commentId} className="comment-item">
            <View className="comment-item__head">
              <Text className="comment-item__author">{c.authorName}</Text>
              <Text className="comment-item__time">{formatTime(c.at)}</Text>
            </View>
            <Text className="comment-item__text">{c.text}</Text>
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
          <View className={`btn btn--primary btn--small comment-submit ${busy ? 'btn--loading' : ''}`} onClick={() => void submit()}>
            {busy ? '发送中…' : '发表意见'}
          </View>
        </View>
      )}
    </View>
  )
}

function Timeline({ matter }: { matter: Matter }) {
  const entries = [...matter.timeline].reverse()
  return (
    <View className="card timeline">
      <View className="card__title">
        <Text className="card__title-text">办理过程</Text>
        <Text className="card__hint">{entries.length} 条记录</Text>
      </View>
      {entries.length === 0 && <Empty text="暂无记录" />}
      {entries.map((t, i) => (
        <View key={`${t.at}-${i}`} className={`timeline-entry timeline-entry--${t.action}`}>
          <View className="timeline-entry__dot" />
          <View className="timeline-entry__body">
            <View className="timeline-entry__head">
              <Text className="timeline-entry__label">{t.label}</Text>
              <Text className="timeline-entry__status">{statusLabels[t.status]}</Text>
            </View>
            <Text className="timeline-entry__who">
              {t.actorName} · {formatTime(t.at)}
            </Text>
            {t.note && <Text className="timeline-entry__note">{t.note}</Text>}
          </View>
        </View>
      ))}
    </View>
  )
}
