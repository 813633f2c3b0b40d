import { View, Text } from '@tarojs/components'
import type { PublicCard } from '@contracts/grids'
import { Empty } from '../../components/StateView'
import { hidden } from '../../lib/a11y'

/** 楼栋与楼长, 党员中心户 · 挂牌亮户: the neighbours a resident can turn to. */
export function Neighbours({ card }: { card: PublicCard }) {
  return (
    <>
      <View className="card">
        <View className="card__title">
          <Text className="card__title-text">楼栋与楼长</Text>
          <Text className="card__hint">{card.buildings.length} 栋</Text>
        </View>
        {card.buildings.length === 0 && <Empty text="暂无楼栋" />}
        {card.buildings.map((b) => (
          <View key={b.buildingId} className="row grid-building">
            <View className="row__main">
              <Text className="row__title">{b.name}</Text>
              <Text className="row__sub">{b.compoundName}</Text>
            </View>
            <View className="heads">
              {b.heads.length === 0 && <Text className="muted">暂无楼长</Text>}
              {b.heads.map((h, i) => (
                <View key={i} className="heads__item building-head">
                  <Text className="heads__name">楼长 {h.name}</Text>
                  {h.phoneMasked && <Text className="heads__phone">{h.phoneMasked}</Text>}
                </View>
              ))}
            </View>
          </View>
        ))}
      </View>

      <View className="card">
        <View className="card__title">
          <Text className="card__title-text">党员中心户 · 挂牌亮户</Text>
        </View>
        {card.partyHouseholds.length === 0 && <Empty text="暂无党员中心户" />}
        {card.partyHouseholds.map((p, i) => (
          <View key={i} className="row grid-party-household">
            <View className="party-mark" {...hidden()}>
              党
            </View>
            <View className="row__main">
              <Text className="row__title">{p.name}</Text>
              <Text className="row__sub">{p.address}</Text>
            </View>
          </View>
        ))}
      </View>
    </>
  )
}
