import { View, Text } from '@tarojs/components'
import { Button } from '../../components/ui/Button'
import { IS_H5 } from '../../services/env'
import type { LastCard } from '../../services/lastCard'
import { PAGES, goLogin } from '../../services/nav'
import { openGrid, scanCard } from './card'

/** Before login: what the app does, 登录, and the grid card last opened on this device (or how to find one). */
export function LoggedOut({ lastCard }: { lastCard: LastCard | null }) {
  return (
    <View>
      <View className="card home-overlap home-login-card">
        <View className="card__title">
          <Text className="card__title-text">欢迎使用网格连心</Text>
        </View>
        <Text className="home-login-card__text">
          找网格员、绑定房屋、参与小区议事、发布微心愿、参加志愿活动，都在这里。
        </Text>
        <Button block className="home-login" onClick={() => goLogin(PAGES.home)}>
          登录
        </Button>
      </View>

      <View className="card home-grid">
        <View className="card__title">
          <Text className="card__title-text">我的网格</Text>
        </View>
        {lastCard ? (
          <View>
            <Text className="home-grid__name">{lastCard.card.gridName}</Text>
            <Text className="home-grid__line">
              {lastCard.card.communityName}
              {lastCard.card.worker ? ` · 网格员 ${lastCard.card.worker.name}` : ''}
            </Text>
            <Button kind="ghost" block className="home-open-grid" onClick={() => openGrid(lastCard.code)}>
              打开我的网格
            </Button>
          </View>
        ) : (
          <View>
            <Text className="home-grid__hint">扫描楼道里张贴的“网格连心服务卡”，即可打开您所在网格的服务页面。</Text>
            {!IS_H5 && (
              <Button kind="ghost" block className="home-scan" onClick={() => void scanCard()}>
                扫一扫服务卡
              </Button>
            )}
          </View>
        )}
      </View>
    </View>
  )
}
