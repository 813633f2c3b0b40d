import Taro, { useRouter } from '@tarojs/taro'
import { Screen } from '../../../../components/Screen'
import { ResultPage } from '../../../../components/ResultPage'
import { Loading } from '../../../../components/StateView'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { getMe } from '../../../../services/api/identity'
import { getWish, getWishSettings, wishQueue } from '../../../../services/api/microWishes'
import { PAGES, goBackOrHome } from '../../../../services/nav'
import { WishForm } from './WishForm'
import '../../components/wishes.scss'
import './index.scss'

/**
 * 发布心愿: a resident asks for something small for their household; a grid worker posts for a resident of their
 * grid who cannot (`?onBehalf=1`, or anyone serving a grid with no household of their own). With `?wishId=` the
 * poster revises a wish the grid worker returned.
 */
export default function PostPage() {
  const { params } = useRouter()
  const wishId = params.wishId ? String(params.wishId) : undefined
  const loggedIn = useRequireLogin()
  const data = useAsync(
    async () => {
      const [me, wish] = await Promise.all([getMe(), wishId ? getWish(wishId) : Promise.resolve(undefined)])
      const worker = me.grants.some((g) => g.role === 'gridWorker')
      const onBehalf = !wish && worker && (params.onBehalf === '1' || me.households.length === 0)
      const grids = onBehalf ? (await wishQueue()).grids : []
      const communityId = wish?.communityId ?? (onBehalf ? grids[0]?.communityId : me.households[0]?.communityId)
      const settings = communityId ? await getWishSettings(communityId) : undefined
      return { me, wish, onBehalf, grids, communityId, settings }
    },
    [wishId],
    loggedIn,
  )

  const screen = (content: JSX.Element) => <Screen className="post-page">{content}</Screen>
  if (!loggedIn) return screen(<Loading text="请先登录…" />)
  if (data.loading && !data.data) return screen(<Loading />)
  if (!data.data) {
    return screen(
      <ResultPage
        className="post-load-error"
        title="无法打开心愿表"
        text={data.error}
        primary={{ text: '重试', onClick: data.reload, className: 'error-state__retry' }}
        secondary={{ text: '返回', onClick: goBackOrHome }}
      />,
    )
  }
  const d = data.data
  if (d.wish && !d.wish.can.includes('revise'))
    return screen(<ResultPage className="post-denied" title="无法修改" text="只有发布人可以修改被退回的心愿" />)
  if (!d.onBehalf && !d.wish && d.me.households.length === 0) {
    return screen(
      <ResultPage
        kind="info"
        className="post-unbound"
        title="请先绑定房屋"
        text="心愿是为本户发布的：请先绑定您的房屋。行动不便、不会用手机的老人，可以请网格员代为发布。"
        primary={{
          text: '去绑定房屋',
          onClick: () => void Taro.navigateTo({ url: PAGES.bind }),
          className: 'post-bind-link',
        }}
        secondary={{ text: '返回', onClick: goBackOrHome }}
      />,
    )
  }
  return screen(
    <WishForm
      me={d.me}
      wish={d.wish}
      onBehalf={d.onBehalf}
      grids={d.grids}
      communityId={d.communityId}
      openLimit={d.settings?.openLimit}
    />,
  )
}
