import { View, Text } from '@tarojs/components'
import type { HomeTodo } from '@contracts/home'
import { Empty } from '../../components/StateView'
import { a11y, hidden } from '../../lib/a11y'
import { formatTime } from '../../lib/time'
import { openPage } from '../../services/nav'

/** `deliberation.vote` → `deliberation-vote`, a class the browser tests can find. */
const slug = (key: string) => key.replace(/[^a-zA-Z0-9-]/g, '-')

/** 待办: what my roles ask of me now, one big row each with how many and the first one's title; a tap opens it. */
export function Todos({ todos, incomplete }: { todos: HomeTodo[]; incomplete: boolean }) {
  return (
    <View className="card home-todos">
      <View className="card__title">
        <Text className="card__title-text">待办</Text>
        {todos.length > 0 && <Text className="card__hint">共 {todos.reduce((n, t) => n + t.count, 0)} 项</Text>}
      </View>
      {todos.length === 0 && !incomplete && (
        <Empty className="home-todos-empty" text="暂无待办，有新的事会显示在这里" />
      )}
      {todos.map((t) => (
        <View
          key={t.key}
          className={`row home-todo home-todo--${slug(t.key)}`}
          {...a11y('link', {
            label: `${t.label}，${t.count} 项${t.hint ? `，${t.hint}` : ''}${t.deadline ? `，截止${formatTime(t.deadline)}` : ''}`,
          })}
          onClick={() => openPage(t.page)}
        >
          <View className="row__main">
            <Text className="row__title home-todo__label">{t.label}</Text>
            {t.hint && <Text className="row__sub home-todo-hint">{t.hint}</Text>}
            {t.deadline && (
              <Text className="row__sub home-todo-deadline">截止 {formatTime(t.deadline)}（北京时间）</Text>
            )}
          </View>
          <Text className="home-todo-count" {...hidden()}>
            {t.count}
          </Text>
          <Text className="row__arrow" {...hidden()}>
            ›
          </Text>
        </View>
      ))}
      {incomplete && (
        <Text className="home-todos-incomplete" {...a11y('alert')}>
          部分待办暂时无法读取，下拉刷新重试
        </Text>
      )}
    </View>
  )
}
