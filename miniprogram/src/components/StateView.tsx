import { View, Text } from '@tarojs/components'
import './StateView.scss'

export function Loading({ text = '加载中…' }: { text?: string }) {
  return (
    <View className="state loading-state">
      <View className="state__spinner" />
      <Text className="state__text">{text}</Text>
    </View>
  )
}

interface ErrorStateProps {
  message: string
  title?: string
  onRetry?: () => void
  retryText?: string
}

/** A failed load: the API's Chinese message, and a retry when retrying can help. */
export function ErrorState({ message, title = '出错了', onRetry, retryText = '重试' }: ErrorStateProps) {
  return (
    <View className="state error-state">
      <View className="state__icon state__icon--error">!</View>
      <Text className="state__title">{title}</Text>
      <Text className="state__text error-state__message">{message}</Text>
      {onRetry && (
        <View className="btn btn--ghost btn--small error-state__retry" onClick={onRetry}>
          {retryText}
        </View>
      )}
    </View>
  )
}

export function Empty({ text, className = '' }: { text: string; className?: string }) {
  return (
    <View className={`empty-state ${className}`}>
      <Text>{text}</Text>
    </View>
  )
}
