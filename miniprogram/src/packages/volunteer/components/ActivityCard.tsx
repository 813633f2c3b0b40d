import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { activityStatusLabels, categoryLabels, type Activity } from '@contracts/volunteering'
import { a11y } from '../../../lib/a11y'
import { withQuery } from '../../../services/nav'
import { myStateLabel, timeRange } from '../lib/labels'
import { VPAGES } from '../lib/nav'

/** One activity in a list: title, status, when and where, places taken, and the caller's own sign-up. */
export function ActivityCard({ a }: { a: Activity }) {
  const mine = myStateLabel(a.me)
  return (
    <View
      className="card activity-card"
      data-activity-id={a.activityId}
      {...a11y('link', {
        label: `${a.title}，${activityStatusLabels[a.status]}，${timeRange(a)}${mine ? `，${mine}` : ''}`,
      })}
      onClick={() => void Taro.navigateTo({ url: withQuery(VPAGES.activity, { activityId: a.activityId }) })}
    >
      <View className="activity-card__head">
        <Text className="activity-card__title">{a.title}</Text>
        <Text className={`activity-status activity-status--${a.status} activity-card__status`}>
          {activityStatusLabels[a.status]}
        </Text>
      </View>
      <Text className="activity-card__line activity-card__time">时间：{timeRange(a)}</Text>
      <Text className="activity-card__line">地点：{a.place.name}</Text>
      <View className="activity-card__foot">
        <Text className="activity-card__places">
          已报名 {a.placed}/{a.capacity}
          {a.waiting > 0 ? ` · 候补 ${a.waiting}` : ''}
        </Text>
        <Text className="activity-card__category">{categoryLabels[a.category]}</Text>
        {mine && <Text className="badge activity-card__mine">{mine}</Text>}
      </View>
    </View>
  )
}
