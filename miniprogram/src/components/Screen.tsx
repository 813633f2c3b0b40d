import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { ErrorBoundary } from './ErrorBoundary'
import { PrivacySheet } from './PrivacyNotice'
import { useCare, useOffline, usePrivacyAsked } from './useCare'
import { a11y } from '../lib/a11y'
import './Screen.scss'

/**
 * The root of every page. It carries the mode's tokens (`is-care` for 长辈模式), the network bar while the
 * server cannot be reached (what was loaded stays on the page), an error boundary around the page's content,
 * and the privacy notice when WeChat asks for it. `bottomBar` stays fixed at the bottom (the matter page's actions).
 */
export function Screen({
  className = '',
  children,
  bottomBar,
}: {
  className?: string
  children: ReactNode
  bottomBar?: ReactNode
}) {
  const care = useCare()
  const offline = useOffline()
  const privacy = usePrivacyAsked()
  return (
    <View className={`page ${care ? 'is-care' : ''} ${bottomBar ? 'page--with-bar' : ''} ${className}`}>
      {offline && (
        <View className="network-bar" {...a11y('alert')}>
          <Text>网络不可用，页面显示的是之前加载的内容。网络恢复后会自动刷新。</Text>
        </View>
      )}
      <ErrorBoundary>
        {children}
        {bottomBar}
      </ErrorBoundary>
      {privacy && <PrivacySheet />}
    </View>
  )
}
