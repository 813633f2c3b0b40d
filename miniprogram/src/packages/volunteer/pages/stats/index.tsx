import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Screen } from '../../../../components/Screen'
import { ErrorState, Loading } from '../../../../components/StateView'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { a11y } from '../../../../lib/a11y'
import { getStats } from '../../../../services/api/volunteering'
import { BarChart } from '../../../../components/BarChart'
import { currentQuarter, hours } from '../../lib/labels'
import { Exports } from './Exports'
import '../../components/volunteer.scss'
import './index.scss'

const pct = (r?: number) => (r === undefined ? '—' : `${Math.round(r * 1000) / 10}%`)
/** This quarter, the last one, and this year. */
const periods = () => {
  const q = currentQuarter()
  const [y, n] = [Number(q.slice(0, 4)), Number(q.slice(-1))]
  const last = n === 1 ? `${y - 1}-Q4` : `${y}-Q${n - 1}`
  return [
    { key: q, label: '本季度' },
    { key: last, label: '上季度' },
    { key: String(y), label: '本年' },
  ]
}

/** The community's roll-up for a period: totals, 报到率 and 服务完成率, month by month, by unit and by person; exports. */
export default function StatsPage() {
  const { communityId = '' } = useRouter().params
  const loggedIn = useRequireLogin()
  const choices = periods()
  const [period, setPeriod] = useState(choices[0]!.key)
  const s = useAsync(
    () => getStats({ scope: 'community', id: communityId, period }),
    [communityId, period],
    loggedIn && Boolean(communityId),
  )
  const t = s.data?.totals
  return (
    <Screen className="stats-page">
      <View className="volunteer-tabs" {...a11y('tablist')}>
        {choices.map((p) => (
          <View
            key={p.key}
            className={`volunteer-tab stats-period ${period === p.key ? 'is-active' : ''}`}
            {...a11y('tab', { selected: period === p.key })}
            onClick={() => setPeriod(p.key)}
          >
            <Text>{p.label}</Text>
          </View>
        ))}
      </View>
      {!s.data && s.loading ? (
        <Loading />
      ) : !s.data || !t ? (
        <ErrorState message={s.error ?? '加载失败'} onRetry={s.reload} />
      ) : (
        <View>
          <View className="card stats-totals">
            {[
              ['服务时长', hours(t.minutes), 'stats-hours'],
              ['服务人次', String(t.services), 'stats-services'],
              ['活动场次', String(t.activities), 'stats-activities'],
              ['已报到党员', String(t.members), 'stats-members'],
              ['报到率', pct(t.reportRate), 'stats-report-rate'],
              ['服务完成率', pct(t.serviceRate), 'stats-service-rate'],
            ].map(([label, value, cls]) => (
              <View key={label} className="stats-totals__item">
                <Text className={`stats-totals__value ${cls}`}>{value}</Text>
                <Text className="stats-totals__label">{label}</Text>
              </View>
            ))}
          </View>
          <View className="card">
            <View className="card__title">
              <Text className="card__title-text">每月服务时长</Text>
            </View>
            <BarChart
              className="stats-chart-months"
              title="每月服务时长"
              bars={s.data.series.map((m) => ({
                label: `${Number(m.period.slice(5))}月`,
                value: m.minutes,
                text: hours(m.minutes),
              }))}
            />
          </View>
          <View className="card">
            <View className="card__title">
              <Text className="card__title-text">按报到单位</Text>
            </View>
            <BarChart
              className="stats-chart-units"
              title="按报到单位的服务时长"
              bars={s.data.units.map((u) => ({
                label: `${u.name}（${u.servingMembers}/${u.members}人参与）`,
                value: u.minutes,
                text: hours(u.minutes),
              }))}
            />
          </View>
          <View className="card">
            <View className="card__title">
              <Text className="card__title-text">按个人</Text>
            </View>
            {s.data.people.map((p) => (
              <View key={p.userId} className="row stats-person">
                <View className="row__main">
                  <Text className="row__title">{p.name}</Text>
                  <Text className="row__sub">
                    {p.unitName ?? '居民志愿者'} · {p.services} 次 · {p.points} 积分
                  </Text>
                </View>
                <Text className="stats-person__hours">{hours(p.minutes)}</Text>
              </View>
            ))}
          </View>
          <Exports communityId={communityId} period={period} units={s.data.units} />
        </View>
      )}
    </Screen>
  )
}
