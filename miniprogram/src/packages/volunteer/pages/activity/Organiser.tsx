import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { Activity } from '@contracts/volunteering'
import { LinkRow } from '../../../../components/LinkRow'
import { Button } from '../../../../components/ui/Button'
import { withQuery } from '../../../../services/nav'
import { VPAGES } from '../../lib/nav'
import { CancelSheet } from './CancelSheet'

/** The organiser's (and the community's leads') tools for this activity, as `can` says; 取消活动 before the start. */
export function Organiser({ a, onChange }: { a: Activity; onChange: (a: Activity) => void }) {
  const [cancelling, setCancelling] = useState(false)
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
        sub={
          a.can.includes('signUpFor')
            ? '代报名、代签到，查看签到签退时间，活动结束后确认时长'
            : '查看签到签退时间，代签到，活动结束后确认时长'
        }
        onClick={() => go(VPAGES.attendance)}
      />
      {a.can.includes('cancelActivity') && (
        <Button block kind="ghost" className="cancel-activity-open" onClick={() => setCancelling(true)}>
          取消活动
        </Button>
      )}
      {cancelling && (
        <CancelSheet
          a={a}
          onClose={() => setCancelling(false)}
          onDone={(next) => {
            setCancelling(false)
            onChange(next)
          }}
        />
      )}
    </View>
  )
}
