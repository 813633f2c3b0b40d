import { useRouter } from '@tarojs/taro'
import { Screen } from '../../../../components/Screen'
import { Loading } from '../../../../components/StateView'
import { ResultPage } from '../../../../components/ResultPage'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { listUnits } from '../../../../services/api/volunteering'
import { PublishForm } from './PublishForm'
import '../../components/volunteer.scss'

/** 需求发布: the committee, a grid worker or a unit's liaison publishes an activity for the community. */
export default function PublishPage() {
  const { communityId = '' } = useRouter().params
  const loggedIn = useRequireLogin()
  const units = useAsync(() => listUnits(communityId), [communityId], loggedIn && Boolean(communityId))
  if (!communityId)
    return (
      <Screen className="publish-page">
        <ResultPage title="请从志愿活动页进入" text="缺少社区信息" />
      </Screen>
    )
  if (!units.data && units.loading)
    return (
      <Screen className="publish-page">
        <Loading />
      </Screen>
    )
  return (
    <Screen className="publish-page">
      <PublishForm communityId={communityId} units={units.data?.items ?? []} />
    </Screen>
  )
}
