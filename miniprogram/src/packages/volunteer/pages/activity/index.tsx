import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { Activity } from '@contracts/volunteering'
import { Screen } from '../../../../components/Screen'
import { Loading } from '../../../../components/StateView'
import { ResultPage } from '../../../../components/ResultPage'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { useShown } from '../../../../components/useShown'
import { getActivity } from '../../../../services/api/volunteering'
import { goBackOrHome } from '../../../../services/nav'
import { prefetchSubscriptions } from '../../../../services/subscribe'
import { Info } from './Info'
import { MyActions } from './MyActions'
import { Organiser } from './Organiser'
import '../../components/volunteer.scss'
import './index.scss'

/** An activity: what, when, where, places; the caller's sign-up with 报名 / 取消 / 签到 / 签退; the organiser's tools. */
export default function ActivityPage() {
  const { activityId = '' } = useRouter().params
  const loggedIn = useRequireLogin()
  const shown = useShown()
  const loaded = useAsync(
    () => getActivity(activityId),
    [activityId, shown],
    loggedIn && shown > 0 && Boolean(activityId),
  )
  const [a, setA] = useState<Activity>()
  useEffect(() => {
    if (loaded.data) setA(loaded.data)
  }, [loaded.data])
  useEffect(() => {
    if (a) prefetchSubscriptions(a.communityId)
  }, [a])

  if (!activityId)
    return (
      <Screen className="activity-page">
        <ResultPage title="没有找到活动" text="链接不完整，请从活动列表打开" />
      </Screen>
    )
  if (!a && loaded.loading)
    return (
      <Screen className="activity-page">
        <Loading />
      </Screen>
    )
  if (!a)
    return (
      <Screen className="activity-page">
        <ResultPage
          className="error-state"
          title="无法打开活动"
          text={loaded.error ?? '加载失败'}
          primary={
            loaded.errorCode === 'activity.notFound'
              ? undefined
              : { text: '重试', onClick: loaded.reload, className: 'error-state__retry' }
          }
          secondary={{ text: '返回', onClick: goBackOrHome, className: 'result-back' }}
        />
      </Screen>
    )
  return (
    <Screen className="activity-page">
      {/* Signed up: what to do now (签到, 签退) comes first (by CSS order, so the message just shown stays); otherwise what the activity is. */}
      <View className="activity-body">
        <Info a={a} />
        <MyActions a={a} onChange={setA} />
      </View>
      <Organiser a={a} onChange={setA} />
    </Screen>
  )
}
