import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { Me } from '@contracts/identity'
import { householdLabel } from '../../components/me'
import { Button } from '../../components/ui/Button'
import { IS_H5 } from '../../services/env'
import type { LastCard } from '../../services/lastCard'
import { PAGES, withQuery } from '../../services/nav'
import { scanCard } from './card'

/**
 * No household and no role yet: a request waiting for the building head, or the way to bind — the grid card last
 * opened here names the buildings; without one, the card in the lobby is scanned first.
 */
export function BindPrompt({ me, lastCard }: { me: Me; lastCard: LastCard | null }) {
  const waiting = me.bindingRequests.filter((r) => r.status === 'pending')
  if (waiting.length > 0)
    return (
      <View className="alert alert--warning home-bind-waiting">
        <Text>
          您的房屋绑定申请（{waiting.map(householdLabel).join('、')}
          ）正在等待楼长或网格员审核，通过后这里会显示您的网格和待办。
        </Text>
      </View>
    )
  return (
    <View className="home-bind">
      <Text className="home-bind__title">绑定我家的房屋</Text>
      <Text className="home-bind__text">绑定您家的房屋后，这里会显示您的网格、网格员和需要您办理的事。</Text>
      {lastCard ? (
        <Button
          block
          className="home-bind-household"
          onClick={() => void Taro.navigateTo({ url: withQuery(PAGES.bind, { gridCode: lastCard.code }) })}
        >
          绑定房屋（{lastCard.card.gridName}）
        </Button>
      ) : IS_H5 ? (
        <Text className="home-bind__text home-bind-scan-hint">
          请扫描楼道里张贴的“网格连心服务卡”，在打开的网格页面点「绑定房屋」。
        </Text>
      ) : (
        <Button block className="home-bind-scan" onClick={() => void scanCard()}>
          扫服务卡，绑定房屋
        </Button>
      )}
    </View>
  )
}
