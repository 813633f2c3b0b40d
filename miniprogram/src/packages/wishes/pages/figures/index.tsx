import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Screen } from '../../../../components/Screen'
import { ResultPage } from '../../../../components/ResultPage'
import { Loading } from '../../../../components/StateView'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { wishFigures } from '../../../../services/api/microWishes'
import { goBackOrHome } from '../../../../services/nav'
import { Breakdown, Outcome, Totals } from './Sections'
import '../../components/wishes.scss'
import './index.scss'

/**
 * 心愿统计, for the community's staff (committee, admin, its grid workers): the totals, the fulfilment rate and the
 * days from publication to fulfilment in words, then by grid and by 报到单位. Anyone else is told so, with 返回.
 */
export default function FiguresPage() {
  const { communityId = '' } = useRouter().params
  const loggedIn = useRequireLogin(Boolean(communityId))
  const f = useAsync(() => wishFigures(communityId), [communityId], loggedIn && Boolean(communityId))
  usePullDownRefresh(() => {
    f.reload()
    void Taro.stopPullDownRefresh()
  })
  const screen = (content: JSX.Element) => <Screen className="figures-page">{content}</Screen>
  if (!communityId)
    return screen(<ResultPage className="figures-missing" title="缺少社区" text="请从首页的工作台打开心愿统计。" />)
  if (!loggedIn || (f.loading && !f.data)) return screen(<Loading />)
  if (!f.data) {
    const forbidden = f.errorCode === 'auth.forbidden'
    return screen(
      <ResultPage
        className={forbidden ? 'figures-forbidden' : 'figures-error'}
        kind={forbidden ? 'info' : 'error'}
        title={forbidden ? '仅社区工作人员可查看' : '统计加载失败'}
        text={forbidden ? '心愿统计供社区两委、社区管理员和本社区的网格员查看。' : f.error}
        {...(forbidden
          ? {}
          : {
              primary: { text: '重试', onClick: f.reload, className: 'error-state__retry' },
              secondary: { text: '返回', onClick: goBackOrHome, className: 'result-back' },
            })}
      />,
    )
  }
  const d = f.data
  return screen(
    <>
      <Totals row={d.community} />
      <Outcome row={d.community} />
      <Breakdown
        title="按网格"
        className="figures-grids"
        rows={d.grids.map((g) => ({ ...g, name: g.gridName }))}
        empty="还没有网格的心愿"
        withPosted
      />
      <Breakdown
        title="按报到单位"
        className="figures-units"
        rows={d.units.map((u) => ({ ...u, name: u.unitName }))}
        empty="还没有报到单位的党员认领心愿"
        withPosted={false}
      />
    </>,
  )
}
