import Taro from '@tarojs/taro'
import { View, Text, Input, ScrollView } from '@tarojs/components'
import type { Step } from '@contracts/deliberation'
import { stepLabels, steps } from '@contracts/deliberation'
import { Button } from '../../components/ui/Button'
import { a11y } from '../../lib/a11y'
import { PAGES } from '../../services/nav'

export type Filter = Step | 'all'
const FILTERS: Filter[] = ['all', ...steps]
/** The tab over matters that have ended, whichever way: 已办结 would be untrue of a withdrawn one. */
const filterLabel = (f: Filter) => (f === 'all' ? '全部' : f === 'closed' ? '已结束' : stepLabels[f])

interface Props {
  filter: Filter
  onFilter: (f: Filter) => void
  mine: boolean
  onMine: () => void
  search: string
  onSearch: (text: string) => void
}

/** The 议事 list's controls: a tab per step (scrolls sideways), a search over titles, 我的提议, and 提议. */
export function Toolbar({ filter, onFilter, mine, onMine, search, onSearch }: Props) {
  return (
    <View className="matters-bar">
      <ScrollView scrollX className="matters-tabs" enhanced showScrollbar={false}>
        <View className="matters-tabs__row" {...a11y('tablist', { label: '按环节查看' })}>
          {FILTERS.map((f) => (
            <View
              key={f}
              className={`matters-tab matters-filter matters-filter--${f} ${filter === f ? 'is-active' : ''}`}
              {...a11y('tab', { selected: filter === f })}
              onClick={() => onFilter(f)}
            >
              <Text>{filterLabel(f)}</Text>
            </View>
          ))}
        </View>
      </ScrollView>
      <View className="matters-bar__search">
        <Input
          className="field__input matters-search"
          type="text"
          confirmType="search"
          placeholder="搜索议题标题"
          value={search}
          onInput={(e) => onSearch(e.detail.value)}
        />
        {search !== '' && (
          <View
            className="link matters-search-clear"
            {...a11y('button', { label: '清除搜索' })}
            onClick={() => onSearch('')}
          >
            清除
          </View>
        )}
      </View>
      <View className="matters-bar__actions">
        <View
          className={`chip matters-mine ${mine ? 'is-active' : ''}`}
          {...a11y('checkbox', { checked: mine })}
          onClick={onMine}
        >
          <Text>我的提议</Text>
        </View>
        <Button
          small
          className="propose-button"
          label="提出新的议题"
          onClick={() => void Taro.navigateTo({ url: PAGES.propose })}
        >
          ＋ 提议
        </Button>
      </View>
    </View>
  )
}
