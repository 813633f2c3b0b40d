import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { Me } from '@contracts/identity'
import { LinkRow } from '../../components/LinkRow'
import { reviewPlaces } from '../../components/me'
import { reviewCommunities } from '../../components/matter'
import { ModerationLink } from '../../components/moderation'
import { PAGES, withQuery } from '../../services/nav'

/**
 * 工作台: the staff pages that have no other way in (两委审议 and 议事规则 are in 我的), whether or not anything waits
 * there now — the counts are in 待办; 内容审核 has no 待办 line, so it brings its own count. 心愿统计 for the
 * committee, the admin and the grid workers, of the community 首页 is about (`communityId`).
 */
export function StaffEntries({ me, communityId }: { me: Me; communityId?: string }) {
  const reviewer = reviewPlaces(me).length > 0
  const worker = me.grants.some((g) => g.role === 'gridWorker')
  const committees = reviewCommunities(me)
  const figuresOf =
    committees.find((c) => c.communityId === communityId)?.communityId ??
    (worker ? communityId : undefined) ??
    committees[0]?.communityId
  if (!reviewer && !worker && committees.length === 0) return null
  return (
    <View className="card home-staff">
      <View className="card__title">
        <Text className="card__title-text">工作台</Text>
      </View>
      {reviewer && (
        <LinkRow
          className="staff-approvals-link"
          title="绑定审核"
          sub="审核居民的房屋绑定申请"
          onClick={() => void Taro.navigateTo({ url: PAGES.approvals })}
        />
      )}
      {worker && (
        <LinkRow
          className="home-wish-queue-link"
          title="心愿审核"
          sub="核实居民的微心愿，处理异议，代居民发布"
          onClick={() => void Taro.navigateTo({ url: PAGES.wishQueue })}
        />
      )}
      {figuresOf && (
        <LinkRow
          className="home-wish-figures-link"
          title="心愿统计"
          sub="提交、认领、实现多少，按网格和报到单位"
          onClick={() => void Taro.navigateTo({ url: withQuery(PAGES.wishFigures, { communityId: figuresOf }) })}
        />
      )}
      {committees.map((c) => (
        <ModerationLink
          key={c.communityId}
          communityId={c.communityId}
          name={c.name}
          className="home-moderation-link"
        />
      ))}
    </View>
  )
}
