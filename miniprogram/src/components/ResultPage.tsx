import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { Button } from './ui/Button'
import { a11y, hidden } from '../lib/a11y'
import { goBackOrHome } from '../services/nav'
import './ResultPage.scss'

export interface ResultAction {
  text: string
  onClick: () => void
  className?: string
}

export interface ResultPageProps {
  /** success ✓ (green), error ! (red), info i (grey). */
  kind?: 'success' | 'error' | 'info'
  title: string
  text?: ReactNode
  primary?: ResultAction
  secondary?: ResultAction
  /** The browser tests' hook (e.g. `bind-success`, `matter-missing`). */
  className?: string
  children?: ReactNode
}

const icons = { success: '✓', error: '!', info: 'i' } as const

/**
 * A whole screen that says how something ended — submitted, not found, not allowed, failed — with what to do
 * next. Never a dead end: without any action given it offers 返回 (back, or 首页 when there is nothing behind).
 */
export function ResultPage({
  kind = 'error',
  title,
  text,
  primary,
  secondary,
  className = '',
  children,
}: ResultPageProps) {
  const actions =
    primary || secondary ? [primary, secondary] : [{ text: '返回', onClick: goBackOrHome, className: 'result-back' }]
  return (
    <View className={`result result--${kind} ${className}`} {...(kind === 'error' ? a11y('alert') : {})}>
      <View className="result__icon" {...hidden()}>
        {icons[kind]}
      </View>
      <Text className="result__title">{title}</Text>
      {text && <Text className="result__text">{text}</Text>}
      {children}
      <View className="result__actions">
        {actions.map(
          (a, i) =>
            a && (
              <Button
                key={a.text}
                kind={i === 0 && primary ? 'primary' : 'ghost'}
                block
                className={`result__action ${a.className ?? ''}`}
                onClick={a.onClick}
              >
                {a.text}
              </Button>
            ),
        )}
      </View>
    </View>
  )
}
