import { useRouter } from '@tarojs/taro'
import { Screen } from '../../../../components/Screen'
import { ResultPage } from '../../../../components/ResultPage'
import { Loading } from '../../../../components/StateView'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { getWish, getWishSettings } from '../../../../services/api/microWishes'
import { goBackOrHome } from '../../../../services/nav'
import { DisputeForm } from './DisputeForm'
import { VetForm } from './VetForm'
import '../../components/wishes.scss'

/** The grid worker's desk for one wish: vet a new one (publish, return, refuse), or settle a dispute. */
export default function VetPage() {
  const { params } = useRouter()
  const wishId = String(params.wishId ?? '')
  const loggedIn = useRequireLogin()
  const data = useAsync(
    async () => {
      const wish = await getWish(wishId)
      return { wish, settings: await getWishSettings(wish.communityId) }
    },
    [wishId],
    loggedIn,
  )
  const screen = (content: JSX.Element) => <Screen className="vet-page">{content}</Screen>
  if (!loggedIn || (data.loading && !data.data)) return screen(<Loading />)
  if (!data.data)
    return screen(
      <ResultPage
        className="vet-load-error"
        title="无法打开"
        text={data.error}
        primary={{ text: '重试', onClick: data.reload }}
        secondary={{ text: '返回', onClick: goBackOrHome }}
      />,
    )
  const { wish, settings } = data.data
  if (wish.can.includes('publish')) return screen(<VetForm wish={wish} settings={settings} />)
  if (wish.can.includes('decide')) return screen(<DisputeForm wish={wish} />)
  return screen(
    <ResultPage
      kind="info"
      className="vet-nothing"
      title="无需处理"
      text={`这个心愿现在「${wish.statusLabel}」，不需要您审核或处理。`}
    />,
  )
}
