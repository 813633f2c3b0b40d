import Taro, { useRouter } from '@tarojs/taro'
import type { DeliberationSettings, Matter } from '@contracts/deliberation'
import type { Me } from '@contracts/identity'
import { Screen } from '../../../../components/Screen'
import { ResultPage } from '../../../../components/ResultPage'
import { Loading } from '../../../../components/StateView'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { getDeliberationSettings, getMatter } from '../../../../services/api/deliberation'
import { getMe } from '../../../../services/api/identity'
import { PAGES, goBackOrHome } from '../../../../services/nav'
import { ProposeForm } from './ProposeForm'
import './index.scss'

interface FormData {
  me: Me
  settings: DeliberationSettings
  matter?: Matter
}

/**
 * 居民提议: a resident proposes a matter for their building, compound or community, with a category from the
 * community's 六议 list, a title, text and up to nine photos. With `matterId` it revises a returned matter.
 */
export default function ProposePage() {
  const { params } = useRouter()
  const matterId = params.matterId ? String(params.matterId) : undefined
  const loggedIn = useRequireLogin()

  const data = useAsync<FormData | null>(
    async () => {
      const [me, matter] = await Promise.all([getMe(), matterId ? getMatter(matterId) : Promise.resolve(undefined)])
      const communityId = matter?.communityId ?? me.households[0]?.communityId
      if (!communityId) return null
      const settings = await getDeliberationSettings(communityId)
      return { me, settings, ...(matter ? { matter } : {}) }
    },
    [matterId],
    loggedIn,
  )

  const screen = (content: JSX.Element) => <Screen className="propose-page">{content}</Screen>
  if (!loggedIn) return screen(<Loading text="请先登录…" />)
  if (data.loading && data.data === undefined) return screen(<Loading />)
  if (data.data === undefined) {
    return screen(
      <ResultPage
        className="propose-load-error"
        title="无法打开提议表"
        text={data.error}
        primary={{ text: '重试', onClick: data.reload, className: 'error-state__retry' }}
        secondary={{ text: '返回', onClick: goBackOrHome }}
      />,
    )
  }
  if (!data.data) {
    return screen(
      <ResultPage
        kind="info"
        className="propose-unbound"
        title="请先绑定房屋"
        text="只有绑定了房屋的居民才能就本楼、本小区或本社区的事务提议。扫描楼道里的网格连心服务卡即可申请绑定。"
        primary={{
          text: '去绑定房屋',
          onClick: () => void Taro.navigateTo({ url: PAGES.bind }),
          className: 'propose-bind-link',
        }}
        secondary={{ text: '返回', onClick: goBackOrHome }}
      />,
    )
  }
  if (data.data.matter && !data.data.matter.can.includes('revise')) {
    return screen(
      <ResultPage
        className="propose-denied"
        title="无法修改"
        text="只有提议人可以修改被退回的议题"
        secondary={{ text: '返回', onClick: goBackOrHome }}
      />,
    )
  }
  return screen(<ProposeForm me={data.data.me} settings={data.data.settings} matter={data.data.matter} />)
}
