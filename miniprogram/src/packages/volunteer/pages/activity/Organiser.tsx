import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { Activity } from '@contracts/volunteering'
import { LinkRow } from '../../../../components/LinkRow'
import { withQuery } from '../../../../services/nav'
import { VPAGES } from '../../lib/nav'

/** The organiser's (and the community's leads') tools for this activity, as `can` says. */
export function Organiser({ a }: { a: Activity }) {
  if (!a.can.includes('manage')) return null
  const go = (page: string) => void Taro.navigateTo({ url: withQuery(page, { activityId: a.activityId }) })
  return (
    <View className="card organiser-tools">
      <View className="card__title">
        <View className="card__title-text">组织者</View>
      </View>
      {a.can.includes('showCode') && (
        <LinkRow
          className="sitecode-link"
          title="现场签到码"
          sub="全屏显示，每30秒更换，志愿者扫码签到签退"
          onClick={() => go(VPAGES.siteCode)}
        />
      )}
      <LinkRow
        className="attendance-link"
        title={a.status === 'confirmed' ? '签到名单（已确认）' : '签到名单与确认时长'}
        sub="查看签到签退时间，代签到，活动结束后确认时长"
        onClick={() => go(VPAGES.attendance)}
      />
    </View>
  )
}
