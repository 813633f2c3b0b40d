import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { Category } from '@contracts/deliberation'
import { a11y } from '../../../../lib/a11y'
import { getLastCard } from '../../../../services/lastCard'
import { PAGES, withQuery } from '../../../../services/nav'

/** A 不议 reason that sends the resident elsewhere (调解, 反映, 网格员): they get a way to reach the grid worker. */
const pointsToGridWorker = (reason: string | undefined) => /网格员|调解|反映|职能部门/.test(reason ?? '')

const openGrid = () => {
  const card = getLastCard()
  void Taro.navigateTo({
    url: card ? withQuery(PAGES.grid, { scene: card.code }) : withQuery(PAGES.help, { section: 'feedback' }),
  })
}

/** The 六议: the categories a matter may be proposed under, one choice. */
export function CategoryChoices({
  categories,
  value,
  onChange,
}: {
  categories: Category[]
  value: string
  onChange: (categoryId: string) => void
}) {
  return (
    <View className="propose-categories" {...a11y('radiogroup', { label: '议题类别' })}>
      {categories.map((c) => (
        <View
          key={c.categoryId}
          className={`chip propose-category propose-category--${c.categoryId} ${value === c.categoryId ? 'is-active' : ''}`}
          {...a11y('radio', { checked: value === c.categoryId })}
          onClick={() => onChange(c.categoryId)}
        >
          <Text>{c.name}</Text>
        </View>
      ))}
    </View>
  )
}

/**
 * 哪些事不议？ The 六不议, as information rather than choices: each with its reason and, where the reason sends
 * the resident to mediation or to a department, a way to reach the grid worker.
 */
export function ExcludedInfo({ categories }: { categories: Category[] }) {
  const [open, setOpen] = useState(false)
  if (categories.length === 0) return null
  return (
    <View className="propose-excluded">
      <View
        className="propose-excluded__toggle propose-excluded-toggle"
        {...a11y('button', { label: open ? '收起不议事项' : '哪些事不议？' })}
        onClick={() => setOpen((o) => !o)}
      >
        <Text>哪些事不议？</Text>
        <Text className="propose-excluded__chevron">{open ? '收起 ▲' : '展开 ▼'}</Text>
      </View>
      {open && (
        <View className="propose-excluded__list">
          <Text className="propose-excluded__intro">以下事项不提交居民议事：</Text>
          {categories.map((c) => (
            <View key={c.categoryId} className={`propose-excluded-item propose-excluded-item--${c.categoryId}`}>
              <Text className="propose-excluded-item__name">{c.name}</Text>
              {c.reason && <Text className="propose-excluded-item__reason propose-category-reason">{c.reason}</Text>}
              {pointsToGridWorker(c.reason) && (
                <View className="link propose-contact-grid" {...a11y('link')} onClick={openGrid}>
                  联系网格员 ›
                </View>
              )}
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
