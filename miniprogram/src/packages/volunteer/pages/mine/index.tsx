import { View, Text } from '@tarojs/components'
import { Screen } from '../../../../components/Screen'
import { Empty, ErrorState, Loading } from '../../../../components/StateView'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { useShown } from '../../../../components/useShown'
import { myRecords } from '../../../../services/api/volunteering'
import { hours } from '../../lib/labels'
import { RecordItem } from './RecordItem'
import './index.scss'

const statusText = { pending: '待答复', accepted: '已更正', refused: '未同意' } as const

/** 我的服务: my hours and the points they brought, each 平台记录, and my correction requests. */
export default function MyServicePage() {
  const loggedIn = useRequireLogin()
  const shown = useShown()
  const data = useAsync(() => myRecords(), [shown], loggedIn && shown > 0)
  return (
    <Screen className="mine-service-page">
      {!data.data && data.loading ? (
        <Loading />
      ) : !data.data ? (
        <ErrorState message={data.error ?? '加载失败'} onRetry={data.reload} />
      ) : (
        <View>
          <View className="card service-totals">
            <View className="service-totals__item">
              <Text className="service-totals__value service-total-hours">{hours(data.data.minutes)}</Text>
              <Text className="service-totals__label">服务时长</Text>
            </View>
            <View className="service-totals__item">
              <Text className="service-totals__value service-total-points">{data.data.points}</Text>
              <Text className="service-totals__label">获得积分</Text>
            </View>
            <View className="service-totals__item">
              <Text className="service-totals__value">
                {data.data.records.filter((r) => r.kind === 'service' && r.minutes > 0).length}
              </Text>
              <Text className="service-totals__label">服务次数</Text>
            </View>
          </View>
          <View className="card">
            <View className="card__title">
              <Text className="card__title-text">服务记录</Text>
              <Text className="card__hint">平台记录</Text>
            </View>
            {data.data.records.length === 0 && (
              <Empty
                className="service-records-empty"
                text="还没有服务记录。参加活动并由组织者确认后，记录会出现在这里。"
              />
            )}
            {data.data.records.map((r) => (
              <RecordItem
                key={r.recordId}
                r={r}
                asked={data.data!.corrections.some(
                  (c) => c.recordId === (r.adjusts ?? r.recordId) && c.status === 'pending',
                )}
                onAsked={data.reload}
              />
            ))}
          </View>
          {data.data.corrections.length > 0 && (
            <View className="card">
              <View className="card__title">
                <Text className="card__title-text">我的更正申请</Text>
              </View>
              {data.data.corrections.map((c) => (
                <View key={c.requestId} className="row correction-status">
                  <View className="row__main">
                    <Text className="row__title">
                      {c.activityTitle} <Text className="badge badge--soft">{statusText[c.status]}</Text>
                    </Text>
                    <Text className="row__sub">{c.answer ? `答复：${c.answer}` : c.text}</Text>
                  </View>
                </View>
              ))}
            </View>
          )}
        </View>
      )}
    </Screen>
  )
}
