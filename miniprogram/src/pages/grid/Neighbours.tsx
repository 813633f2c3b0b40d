import { View, Text } from '@tarojs/components'
import type { PublicCard } from '@contracts/grids'
import { Empty } from '../../components/StateView'
import { Button } from '../../components/ui/Button'
import { useAsync } from '../../components/useAsync'
import { useShown } from '../../components/useShown'
import { getBuildingHeadContacts } from '../../services/api/grids'
import { dial } from '../../services/phone'
import { isLoggedIn } from '../../services/session'
import { hidden } from '../../lib/a11y'

/**
 * 楼栋与楼长, 党员中心户 · 挂牌亮户: the neighbours a resident can turn to. After login the building heads are callable
 * as the grid worker is (their full numbers from GET /buildings/{id}/head-contacts, a 拨打电话 each); logged out they
 * show masked, as on the printed card.
 */
export function Neighbours({ card }: { card: PublicCard }) {
  const shown = useShown()
  const contacts = useAsync<Record<string, { name: string; phone: string }[]> | null>(
    async () =>
      isLoggedIn()
        ? Object.fromEntries(
            await Promise.all(
              card.buildings
                .filter((b) => b.heads.length > 0)
                .map(async (b) => [b.buildingId, (await getBuildingHeadContacts(b.buildingId)).items] as const),
            ),
          )
        : null,
    // Mounted once the card has loaded (after the page was first shown): load at once, and again on each return.
    [card.gridId, shown],
  )
  return (
    <>
      <View className="card">
        <View className="card__title">
          <Text className="card__title-text">楼栋与楼长</Text>
          <Text className="card__hint">{card.buildings.length} 栋</Text>
        </View>
        {card.buildings.length === 0 && <Empty text="暂无楼栋" />}
        {card.buildings.map((b) => {
          const callable = contacts.data?.[b.buildingId]
          return (
            <View key={b.buildingId} className={`row grid-building ${callable ? 'grid-building--callable' : ''}`}>
              <View className="row__main">
                <Text className="row__title">{b.name}</Text>
                <Text className="row__sub">{b.compoundName}</Text>
              </View>
              {callable ? (
                <View className="head-calls">
                  {callable.map((h, i) => (
                    <View key={i} className="head-call building-head">
                      <View className="head-call__who">
                        <Text className="head-call__name">楼长 {h.name}</Text>
                        <Text className="head-call__phone building-head-phone">{h.phone}</Text>
                      </View>
                      <Button
                        small
                        className="call-head"
                        label={`拨打${b.name}楼长${h.name}的电话`}
                        onClick={() => void dial(h.phone)}
                      >
                        拨打电话
                      </Button>
                    </View>
                  ))}
                </View>
              ) : (
                <View className="heads">
                  {b.heads.length === 0 && <Text className="muted">暂无楼长</Text>}
                  {b.heads.map((h, i) => (
                    <View key={i} className="heads__item building-head">
                      <Text className="heads__name">楼长 {h.name}</Text>
                      {h.phoneMasked && <Text className="heads__phone">{h.phoneMasked}</Text>}
                    </View>
                  ))}
                </View>
              )}
            </View>
          )
        })}
        {contacts.error && <Text className="field-error head-contacts-error">{contacts.error}</Text>}
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
