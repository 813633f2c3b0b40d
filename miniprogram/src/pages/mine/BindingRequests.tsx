import { View, Text } from '@tarojs/components'
import type { BindingStatus, Me } from '@contracts/identity'
import { Empty } from '../../components/StateView'
import { householdLabel } from '../../components/me'
import { formatTime } from '../../lib/time'

const statusText: Record<BindingStatus, { text: string; tone: string }> = {
  pending: { text: '待审核', tone: 'orange' },
  approved: { text: '已通过', tone: 'green' },
  refused: { text: '已拒绝', tone: 'grey' },
}

/** 绑定申请: each request for a household, its state, and a refusal's reason. */
export function BindingRequests({ user }: { user: Me }) {
  return (
    <View className="card">
      <View className="card__title">
        <Text className="card__title-text">绑定申请</Text>
      </View>
      {user.bindingRequests.length === 0 && <Empty text="暂无绑定申请" />}
      {user.bindingRequests.map((r) => (
        <View key={r.requestId} className={`row mine-binding-request mine-binding-request--${r.status}`}>
          <View className="row__main">
            <Text className="row__title">{householdLabel(r)}</Text>
            <Text className="row__sub">提交于 {formatTime(r.createdAt)}</Text>
            {r.status === 'refused' && r.reason && (
              <Text className="row__sub binding-reason">拒绝理由：{r.reason}</Text>
            )}
          </View>
          <Text className={`badge badge--${statusText[r.status].tone} binding-status binding-status--${r.status}`}>
            {statusText[r.status].text}
          </Text>
        </View>
      ))}
    </View>
  )
}
