import { View, Text } from '@tarojs/components'
import { activityStatusLabels, categoryLabels, type Activity } from '@contracts/volunteering'
import { formatTime } from '../../../../lib/time'
import { timeRange } from '../../lib/labels'

const Row = ({ k, v, className = '' }: { k: string; v: string; className?: string }) => (
  <View className={`kv ${className}`}>
    <Text className="kv__key">{k}</Text>
    <Text className="kv__value">{v}</Text>
  </View>
)

/** What the activity is: the facts a volunteer decides on, in large type. */
export function Info({ a }: { a: Activity }) {
  return (
    <View className="card activity-info">
      <View className="activity-info__head">
        <Text className="activity-title">{a.title}</Text>
        <Text className={`activity-status activity-status--${a.status}`}>{activityStatusLabels[a.status]}</Text>
      </View>
      {a.cancelled && (
        <View className="alert alert--grey activity-cancelled">
          活动已取消：{a.cancelled.reason}（{a.cancelled.byName}，{formatTime(a.cancelled.at)}）
        </View>
      )}
      <Row className="activity-time" k="时间" v={timeRange(a)} />
      <Row className="activity-place" k="地点" v={a.place.name} />
      <Row
        className="activity-places"
        k="名额"
        v={`已报名 ${a.placed}/${a.capacity}${a.waiting ? `，候补 ${a.waiting} 人` : ''}`}
      />
      <Row k="报名截止" v={formatTime(a.signUpDeadline)} />
      <Row k="类别" v={categoryLabels[a.category]} />
      <Row k="对象" v={a.audience === 'members' ? '仅限在职党员' : '在职党员和居民志愿者'} />
      <Row className="activity-points" k="积分" v={a.pointsPerHour > 0 ? `每小时 ${a.pointsPerHour} 分` : '不计积分'} />
      <Row k="组织者" v={a.unit ? `${a.organiser.name}（${a.unit.name}）` : a.organiser.name} />
      <Text className="activity-description">{a.description}</Text>
      <Text className="muted activity-rule">
        时长认定：按签到签退与活动时间重合的部分，以{a.rule.unitMinutes}分钟为单位向下取整；在场不足
        {Math.round(a.rule.attendanceShare * 100)}%不计；每天最多
        {a.rule.dailyCapHours}小时。未签退的按活动结束时间计。
      </Text>
    </View>
  )
}
