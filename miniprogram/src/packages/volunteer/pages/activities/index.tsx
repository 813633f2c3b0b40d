import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { Me } from '@contracts/identity'
import type { Registration } from '@contracts/volunteering'
import { Screen } from '../../../../components/Screen'
import { Empty, ErrorState, Loading } from '../../../../components/StateView'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { useShown } from '../../../../components/useShown'
import { a11y } from '../../../../lib/a11y'
import { getMe } from '../../../../services/api/identity'
import { getMyRegistration, listActivities } from '../../../../services/api/volunteering'
import { ActivityCard } from '../../components/ActivityCard'
import { Entries } from './Entries'
import '../../components/volunteer.scss'
import './index.scss'

type When = 'upcoming' | 'past' | 'mine'
const tabs: { key: When; label: string }[] = [
  { key: 'upcoming', label: '近期活动' },
  { key: 'mine', label: '我报名的' },
  { key: 'past', label: '已结束' },
]

/** 志愿活动: the community's activities (from the grid card, 首页, or a link with communityId), the caller's sign-ups, and the ways in. */
export default function ActivitiesPage() {
  const router = useRouter()
  const loggedIn = useRequireLogin()
  const shown = useShown()
  const [when, setWhen] = useState<When>('upcoming')
  const q = { communityId: router.params.communityId, gridId: router.params.gridId }
  const data = useAsync<{
    me: Me
    registration: Registration | null
    communityId?: string
    items: Awaited<ReturnType<typeof listActivities>>['items']
  }>(
    async () => {
      const [me, reg, list] = await Promise.all([getMe(), getMyRegistration(), listActivities({ ...q, when })])
      return {
        me,
        registration: reg.registration,
        communityId: list.communityId ?? q.communityId ?? reg.registration?.communityId,
        items: list.items,
      }
    },
    [when, shown, q.communityId, q.gridId],
    loggedIn && shown > 0,
  )
  usePullDownRefresh(() => {
    data.reload()
    void Taro.stopPullDownRefresh()
  })

  return (
    <Screen className="activities-page">
      {data.data && (
        <Entries me={data.data.me} registration={data.data.registration} communityId={data.data.communityId} />
      )}
      <View className="volunteer-tabs" {...a11y('tablist')}>
        {tabs.map((t) => (
          <View
            key={t.key}
            className={`volunteer-tab volunteer-tab--${t.key} ${when === t.key ? 'is-active' : ''}`}
            {...a11y('tab', { selected: when === t.key })}
            onClick={() => setWhen(t.key)}
          >
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
      {!data.data && data.loading ? (
        <Loading />
      ) : !data.data ? (
        <ErrorState message={data.error ?? '加载失败'} onRetry={data.reload} />
      ) : data.data.items.length === 0 ? (
        <Empty
          className="activities-empty"
          text={
            when === 'mine'
              ? '您还没有报名活动'
              : when === 'past'
                ? '还没有结束的活动'
                : '暂时没有可报名的活动，社区发布后会显示在这里'
          }
        />
      ) : (
        data.data.items.map((a) => <ActivityCard key={a.activityId} a={a} />)
      )}
      {data.data && <Text className="muted activities-hint">下拉可刷新</Text>}
    </Screen>
  )
}
