import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import type { Me } from '@contracts/identity'
import { LinkRow } from './LinkRow'
import { communityOf } from './matter'
import { useAsync } from './useAsync'
import { wishQueue } from '../services/api/microWishes'
import { PAGES, withQuery } from '../services/nav'

/**
 * 首页's entries to micro-wishes (微心愿, packages/wishes): the community's wish wall for anyone with a community,
 * and for a grid worker the wishes waiting for them (to vet, or a dispute) with their number.
 */
export function WishLinks({ me, shown }: { me: Me; shown: number }) {
  const worker = me.grants.some((g) => g.role === 'gridWorker')
  const queue = useAsync(() => wishQueue(), [shown], worker)
  const communityId = communityOf(me) ?? queue.data?.grids[0]?.communityId
  const waiting = queue.data ? queue.data.vetting.length + queue.data.disputes.length : 0
  const member = me.grants.some((g) => g.role === 'inServiceMember')
  return (
    <>
      {worker && (
        <LinkRow
          className="home-wish-queue-link"
          card
          title="心愿审核"
          sub="核实居民的微心愿，处理异议，代居民发布"
          badge={waiting > 0 && <Text className="badge wish-queue-count">{waiting}</Text>}
          onClick={() => void Taro.navigateTo({ url: PAGES.wishQueue })}
        />
      )}
      {(communityId || me.households.length > 0) && (
        <LinkRow
          className="home-wishes-link"
          card
          title="微心愿"
          sub={member ? '心愿墙：认领居民的小心愿，帮忙实现' : '心愿墙：发布小心愿，党员认领帮忙实现'}
          onClick={() => void Taro.navigateTo({ url: withQuery(PAGES.wishWall, { communityId }) })}
        />
      )}
    </>
  )
}
