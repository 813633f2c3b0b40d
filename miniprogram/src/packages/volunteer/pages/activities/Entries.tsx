import Taro from '@tarojs/taro'
import { a11y } from '../../../../lib/a11y'
import { View, Text } from '@tarojs/components'
import type { Me } from '@contracts/identity'
import type { Registration } from '@contracts/volunteering'
import { LinkRow } from '../../../../components/LinkRow'
import { withQuery } from '../../../../services/nav'
import { VPAGES } from '../../lib/nav'

const statusText = { pending: '社区审核中', approved: '已通过', refused: '未通过' } as const

/** Who may publish and keep the community's volunteering: its committee and admins, and grid workers. */
export const staffOf = (me: Me, communityId?: string) => {
  const lead = me.grants.some(
    (g) =>
      (g.role === 'committee' || g.role === 'communityAdmin') &&
      ((g.place.type === 'community' && g.place.id === communityId) || g.place.type === 'street'),
  )
  return { lead, publisher: lead || me.grants.some((g) => g.role === 'gridWorker') }
}

/** The caller's registration (or the way to make one), 我的服务, and the staff's entries. */
export function Entries({
  me,
  registration,
  communityId,
}: {
  me: Me
  registration: Registration | null
  communityId?: string
}) {
  const go = (url: string) => void Taro.navigateTo({ url })
  const staff = staffOf(me, communityId)
  const q = { communityId }
  return (
    <View className="activities-entries">
      {registration ? (
        <View className="card volunteer-registration-status">
          <Text className="row__title">
            {registration.kind === 'member' ? `在职党员 · ${registration.unitName ?? ''}` : '居民志愿者'}
            <Text className={`badge registration-status--${registration.status}`}>
              {statusText[registration.status]}
            </Text>
          </Text>
          {registration.status === 'refused' && <Text className="muted">未通过原因：{registration.reason}</Text>}
          <View
            className="link volunteer-register-link"
            {...a11y('link')}
            onClick={() => go(withQuery(VPAGES.register, q))}
          >
            查看或修改登记
          </View>
        </View>
      ) : (
        <LinkRow
          className="volunteer-register-link"
          card
          title="志愿者登记"
          sub="在职党员双报到，或登记为居民志愿者，审核后即可报名"
          onClick={() => go(withQuery(VPAGES.register, q))}
        />
      )}
      <LinkRow
        className="volunteer-mine-link"
        card
        title="我的服务"
        sub="服务时长、服务记录和获得的积分"
        onClick={() => go(VPAGES.mine)}
      />
      {staff.publisher && communityId && (
        <LinkRow
          className="publish-activity-link"
          card
          title="发布活动"
          sub="发布志愿活动或服务需求"
          onClick={() => go(withQuery(VPAGES.publish, q))}
        />
      )}
      {staff.lead && communityId && (
        <View className="card">
          <LinkRow
            className="volunteer-admin-registrations"
            title="登记审核"
            sub="审核双报到和志愿者登记"
            onClick={() => go(withQuery(VPAGES.registrations, q))}
          />
          <LinkRow
            className="volunteer-admin-units"
            title="报到单位"
            sub="与社区结对的机关、企事业单位"
            onClick={() => go(withQuery(VPAGES.units, q))}
          />
          <LinkRow
            className="volunteer-admin-stats"
            title="统计与导出"
            sub="时长、报到率、服务完成率，导出与反馈卡"
            onClick={() => go(withQuery(VPAGES.stats, q))}
          />
        </View>
      )}
    </View>
  )
}
