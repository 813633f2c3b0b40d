import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { Matter } from '@contracts/deliberation'
import { Id } from '@contracts/common'
import { Screen } from '../../../../components/Screen'
import { ResultPage } from '../../../../components/ResultPage'
import { Loading } from '../../../../components/StateView'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { useShown } from '../../../../components/useShown'
import { getMatter } from '../../../../services/api/deliberation'
import { PAGES, goBackOrHome, goHome } from '../../../../services/nav'
import { ActionBar } from './ActionBar'
import { Actions } from './Actions'
import { Comments } from './Comments'
import { Escalation } from './Escalation'
import { Evaluation } from './Evaluation'
import { Head } from './Head'
import { Poll } from './Poll'
import { ReportCard, ResolutionCard } from './Records'
import { Timeline } from './Timeline'
import { VoteSheet, useVote } from './VoteSheet'
import { matterPath, shareTitle } from './share'
import './index.scss'

const toMatters = () => void Taro.switchTab({ url: PAGES.matters })

/**
 * The matter page: where the matter is in the five steps, everything recorded on the way (the timeline), and
 * what the caller may do now, exactly as the server's `can` says — the main action in the bar at the bottom.
 * Opened from a shared card or a message it may be the first page: every way out works from there too.
 */
export default function MatterPage() {
  const { params } = useRouter()
  const matterId = String(params.matterId ?? '')
  const created = params.created === '1'
  const valid = Id.safeParse(matterId).success
  const loggedIn = useRequireLogin(valid)
  const shown = useShown()

  const loaded = useAsync(() => getMatter(matterId), [matterId, shown], valid && loggedIn && shown > 0)
  const [matter, setMatter] = useState<Matter>()
  useEffect(() => {
    if (loaded.data) setMatter(loaded.data)
  }, [loaded.data])
  usePullDownRefresh(() => {
    loaded.reload()
    void Taro.stopPullDownRefresh()
  })
  // A card for the building's WeChat group, titled by what the matter needs (请帮忙附议 / 请为本户投票 / 请为本户评议).
  useShareAppMessage(() =>
    matter
      ? { title: shareTitle(matter), path: matterPath(matter.matterId) }
      : { title: '网格连心 · 小区议事', path: PAGES.matters },
  )

  const screen = (content: JSX.Element) => <Screen className="matter-page">{content}</Screen>
  if (!valid) {
    return screen(
      <ResultPage
        className="matter-missing"
        title="没有找到这个议题"
        text="这个链接缺少议题编号，可能没有复制完整。请从「议事」里找到这个议题再打开。"
        primary={{ text: '去议事列表', onClick: toMatters, className: 'matter-missing-list' }}
        secondary={{ text: '返回首页', onClick: goHome, className: 'matter-missing-home' }}
      />,
    )
  }
  if (!loggedIn) return screen(<Loading text="请先登录…" />)
  if (!matter) {
    if (loaded.error && !loaded.loading) {
      const gone = loaded.errorCode === 'matter.notFound'
      return screen(
        <ResultPage
          className={`matter-error ${gone ? 'matter-missing' : ''}`}
          title={gone ? '没有找到这个议题' : '议题加载失败'}
          text={loaded.error}
          primary={
            gone
              ? { text: '去议事列表', onClick: toMatters, className: 'matter-missing-list' }
              : { text: '重试', onClick: loaded.reload, className: 'error-state__retry' }
          }
          secondary={{ text: '返回', onClick: goBackOrHome, className: 'result-back' }}
        />,
      )
    }
    return screen(<Loading />)
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
  const vote = useVote(matter, reload)
  const [rated, setRated] = useState(false)
  // The 提议已提交 banner is about the moment of proposing: gone after anything else happens here, and never on a closed matter.
  const [acted, setActed] = useState(false)
  const change = (m: Matter) => {
    setActed(true)
    onChange(m)
  }
  const showCreated = created && !acted && (matter.status === 'seconding' || matter.status === 'awaitingReview')

  return (
    <Screen
      className="matter-page"
      bottomBar={
        <ActionBar
          matter={matter}
          onChange={change}
          reload={reload}
          onVote={vote.start}
          voted={vote.done !== undefined}
          rated={rated}
        />
      }
    >
      {showCreated && (
        <View className="alert alert--ok propose-success">
          提议已提交
          {matter.status === 'seconding' ? `，需 ${matter.secondsNeeded} 位居民附议后转两委审议` : '，等待两委审议'}
        </View>
      )}
      <Head matter={matter} />
      <Actions matter={matter} onChange={change} />
      {matter.escalation && <Escalation matter={matter} onChange={change} />}
      {matter.poll && <Poll matter={matter} vote={vote} />}
      {matter.resolution && <ResolutionCard matter={matter} />}
      {matter.report && <ReportCard matter={matter} />}
      {matter.evaluation && <Evaluation matter={matter} reload={reload} onRated={() => setRated(true)} />}
      <Comments matter={matter} />
      <Timeline matter={matter} />
      <VoteSheet matter={matter} vote={vote} />
    </Screen>
  )
}
