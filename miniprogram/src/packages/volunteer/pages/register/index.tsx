import { useRouter } from '@tarojs/taro'
import { Screen } from '../../../../components/Screen'
import { Loading } from '../../../../components/StateView'
import { ResultPage } from '../../../../components/ResultPage'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { communityOf } from '../../../../components/matter'
import { getMe } from '../../../../services/api/identity'
import { getMyRegistration, listUnits } from '../../../../services/api/volunteering'
import { goBackOrHome } from '../../../../services/nav'
import { RegisterForm } from './RegisterForm'
import './index.scss'

/** 双报到 for in-service party members (unit and home community), or a resident volunteer's registration. */
export default function RegisterPage() {
  const params = useRouter().params
  const loggedIn = useRequireLogin()
  const data = useAsync(
    async () => {
      const [me, { registration }] = await Promise.all([getMe(), getMyRegistration()])
      const communityId = params.communityId || registration?.communityId || communityOf(me)
      const units = communityId ? (await listUnits(communityId)).items : []
      return { me, registration, communityId, units }
    },
    [params.communityId],
    loggedIn,
  )
  if (!data.data && data.loading)
    return (
      <Screen className="register-page">
        <Loading />
      </Screen>
    )
  if (!data.data)
    return (
      <Screen className="register-page">
        <ResultPage
          className="error-state"
          title="加载失败"
          text={data.error ?? ''}
          primary={{ text: '重试', onClick: data.reload }}
        />
      </Screen>
    )
  if (!data.data.communityId)
    return (
      <Screen className="register-page">
        <ResultPage
          kind="info"
          title="请先确定您的社区"
          text="请扫描楼道里的网格连心服务卡，从网格页面进入「志愿活动」后再登记。"
          secondary={{ text: '返回', onClick: goBackOrHome }}
        />
      </Screen>
    )
  return (
    <Screen className="register-page">
      <RegisterForm
        communityId={data.data.communityId}
        registration={data.data.registration}
        units={data.data.units}
        name={data.data.me.displayName}
      />
    </Screen>
  )
}
