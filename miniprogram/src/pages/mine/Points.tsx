import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { Me } from '@contracts/identity'
import { LinkRow } from '../../components/LinkRow'
import { useAsync } from '../../components/useAsync'
import { getMyPoints, getPointsStaff } from '../../services/api/pointsBank'
import { withQuery } from '../../services/nav'

/* The points subpackage's pages, by URL: the main package does not import a subpackage's code. */
const P = '/packages/points/pages'
const go = (page: string, communityId?: string) =>
  void Taro.navigateTo({ url: withQuery(`${P}/${page}/index`, { communityId }) })

/** 积分银行 on 我的: my points (balance shown) for a resident; the staff's entries where they work the points bank. */
export function Points({ user, shown }: { user: Me; shown: number }) {
  const resident = user.households.length > 0
  const mine = useAsync(() => getMyPoints(), [shown], resident && shown > 0)
  const staff = useAsync(() => getPointsStaff(), [shown], user.grants.length > 0 && shown > 0)
  const places = staff.data?.items ?? []
  if (!resident && places.length === 0) return null
  return (
    <View className="card mine-points">
      <View className="card__title">
        <Text className="card__title-text">积分银行</Text>
      </View>
      {resident && (
        <LinkRow
          className="mine-points-link"
          title="我的积分"
          sub={
            mine.data ? `现有 ${mine.data.balance} 分 · 积分存折、积分超市、我的兑换` : '积分存折、积分超市、我的兑换'
          }
          onClick={() => go('index')}
        />
      )}
      {places.map((p) => (
        <View key={p.communityId}>
          {p.pickup && (
            <LinkRow
              className="mine-verify-link"
              title="兑换核销"
              sub={`${p.communityName} · 扫码或输入领取码发放`}
              onClick={() => go('verify', p.communityId)}
            />
          )}
          {p.award && (
            <LinkRow
              className="mine-award-link"
              title="积分发放"
              sub={`${p.communityName} · 按规则为居民发放积分`}
              onClick={() => go('award', p.communityId)}
            />
          )}
          {p.ledger && (
            <LinkRow
              className="mine-ledger-link"
              title="积分台账"
              sub={`${p.communityName} · 每笔积分的来去，可导出Excel`}
              onClick={() => go('ledger', p.communityId)}
            />
          )}
          {p.admin && (
            <LinkRow
              className="mine-items-link"
              title="商品管理"
              sub={`${p.communityName} · 积分超市的商品、库存、限兑`}
              onClick={() => go('items', p.communityId)}
            />
          )}
          {p.admin && (
            <LinkRow
              className="mine-budget-link"
              title="积分预算与对账"
              sub={`${p.communityName} · 预算充值、对账与防篡改校验`}
              onClick={() => go('budget', p.communityId)}
            />
          )}
          {p.admin && (
            <LinkRow
              className="mine-rules-link"
              title="积分规则"
              sub={`${p.communityName} · 可获得积分的事项、上限、有效期`}
              onClick={() => go('rules', p.communityId)}
            />
          )}
        </View>
      ))}
    </View>
  )
}
