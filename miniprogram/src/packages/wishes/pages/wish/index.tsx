import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { Wish } from '@contracts/microWishes'
import { Id } from '@contracts/common'
import { Screen } from '../../../../components/Screen'
import { ResultPage } from '../../../../components/ResultPage'
import { Loading } from '../../../../components/StateView'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { useShown } from '../../../../components/useShown'
import { getWish } from '../../../../services/api/microWishes'
import { PAGES, goBackOrHome } from '../../../../services/nav'
import { prefetchSubscriptions } from '../../../../services/subscribe'
import { Actions } from './Actions'
import { Head } from './Head'
import { ClaimPart, ContactPart, FulfilmentPart, StaffPart } from './Parts'
import { Timeline } from './Timeline'
import { ReportSheet } from '../../../../components/moderation'
import { useWishReport } from './Report'
import './index.scss'

const toWall = () => void Taro.redirectTo({ url: PAGES.wishWall })

/**
 * A wish's page: what is wished and for whom (姓**), where it stands, what the caller may do now (exactly the
 * server's `can`), and, for whom it concerns, the rest — the contact for the claimant, the check for the staff.
 */
export default function WishPage() {
  const { params } = useRouter()
  const wishId = String(params.wishId ?? '')
  const valid = Id.safeParse(wishId).success
  const loggedIn = useRequireLogin(valid)
  const shown = useShown()
  const loaded = useAsync(() => getWish(wishId), [wishId, shown], valid && loggedIn && shown > 0)
  const [wish, setWish] = useState<Wish>()
  useEffect(() => {
    if (loaded.data) setWish(loaded.data)
  }, [loaded.data])
  useEffect(() => prefetchSubscriptions(wish?.communityId), [wish?.communityId])
  usePullDownRefresh(() => {
    loaded.reload()
    void Taro.stopPullDownRefresh()
  })

  const screen = (content: JSX.Element) => <Screen className="wish-page">{content}</Screen>
  if (!valid)
    return screen(
      <ResultPage
        className="wish-missing"
        title="没有找到这个心愿"
        text="这个链接缺少心愿编号，请从心愿墙上打开。"
        primary={{ text: '去心愿墙', onClick: toWall }}
      />,
    )
  if (!loggedIn) return screen(<Loading text="请先登录…" />)
  if (!wish) {
    if (loaded.error && !loaded.loading) {
      const gone = loaded.errorCode === 'wish.notFound'
      return screen(
        <ResultPage
          className={`wish-error ${gone ? 'wish-missing' : ''}`}
          title={gone ? '没有找到这个心愿' : '心愿加载失败'}
          text={loaded.error}
          primary={
            gone
              ? { text: '去心愿墙', onClick: toWall }
              : { text: '重试', onClick: loaded.reload, className: 'error-state__retry' }
          }
          secondary={{ text: '返回', onClick: goBackOrHome, className: 'result-back' }}
        />,
      )
    }
    return screen(<Loading />)
  }
  return <Loaded wish={wish} created={params.created === '1'} onChange={setWish} />
}

/** The wish as loaded; a wish whose text enough neighbours just reported leaves this page at once. */
function Loaded({ wish, created, onChange }: { wish: Wish; created: boolean; onChange: (w: Wish) => void }) {
  const r = useWishReport(wish)
  if (r.isGone(r.keys.body))
    return (
      <Screen className="wish-page">
        <ResultPage
          kind="info"
          className="wish-reported"
          title="已举报，这个心愿已隐藏"
          text="多位居民举报了这个心愿，它已从心愿墙上隐藏，由社区两委核实处理。谢谢您。"
        />
      </Screen>
    )
  return (
    <Screen className="wish-page">
      {created && wish.status === 'awaitingVetting' && (
        <View className="alert alert--ok wish-posted">心愿已提交，网格员核实后会发布到心愿墙，结果会通知您。</View>
      )}
      <Head wish={wish} r={r} />
      <ContactPart wish={wish} />
      <Actions wish={wish} onChange={onChange} />
      <ClaimPart wish={wish} />
      <FulfilmentPart wish={wish} r={r} />
      <StaffPart wish={wish} />
      <Timeline wish={wish} />
      <ReportSheet report={r.report} />
    </Screen>
  )
}
