import { View, Text } from '@tarojs/components'
import type { Home } from '@contracts/home'
import type { Me } from '@contracts/identity'
import { Button } from '../../components/ui/Button'
import { a11y } from '../../lib/a11y'
import type { LastCard } from '../../services/lastCard'
import { BindPrompt } from './BindPrompt'
import { openGrid } from './card'

interface Props {
  home: Home
  me: Me
  lastCard: LastCard | null
  /** The grid chosen on this device (staff serving several). */
  chosen?: string
  onPick: (gridId: string) => void
  switching: boolean
}

/**
 * The card under the header: my grid (its name, its grid worker, its buildings) and how I am known here, a choice of
 * grid for staff who serve several, and — with no household and no role yet — the way to bind my household.
 */
export function MyGrid({ home, me, lastCard, chosen, onPick, switching }: Props) {
  const grid = home.grid
  const active = grid?.gridId ?? chosen
  return (
    <View className="card home-overlap home-grid">
      <View className="card__title">
        <Text className="card__title-text">我的网格</Text>
      </View>
      {grid ? (
        <View className="home-grid__info">
          <Text className="home-grid__name home-grid-name">{grid.name}</Text>
          <Text className="home-grid__line home-grid-worker">
            {grid.workerName ? `网格员 ${grid.workerName}` : '暂未配备网格员'}
          </Text>
          {grid.buildingNames.length > 0 && (
            <Text className="home-grid__line home-grid-buildings">{grid.buildingNames.join('、')}</Text>
          )}
        </View>
      ) : home.grids.length > 1 ? (
        <Text className="home-grid__hint">请选择您要查看的网格：</Text>
      ) : home.roles.length === 0 ? null : (
        <Text className="home-grid__hint home-grid-none">暂时没有找到您所在的网格，可扫描楼道里的网格连心服务卡。</Text>
      )}

      {home.grids.length > 1 && (
        <View className="home-grid-chips" {...a11y('radiogroup', { label: '选择网格' })}>
          {home.grids.map((g) => (
            <View
              key={g.gridId}
              className={`chip home-grid-chip home-grid-chip--${g.gridId} ${g.gridId === active ? 'is-active' : ''}`}
              {...a11y('radio', { checked: g.gridId === active })}
              onClick={() => !switching && g.gridId !== active && onPick(g.gridId)}
            >
              <Text>{g.name}</Text>
            </View>
          ))}
        </View>
      )}

      {home.roles.length > 0 && (
        <View className="home-roles">
          <Text className="home-roles__label">我的身份</Text>
          {home.roles.map((r) => (
            <Text key={r} className="home-role">
              {r}
            </Text>
          ))}
        </View>
      )}
      {home.roles.length === 0 && <BindPrompt me={me} lastCard={lastCard} />}

      {grid?.code && (
        <Button kind="ghost" block className="home-open-grid" onClick={() => openGrid(grid.code!)}>
          {grid.workerName && grid.workerName !== me.displayName ? '联系网格员 · 打开网格服务卡' : '打开网格服务卡'}
        </Button>
      )}
    </View>
  )
}
