import { View, Text } from '@tarojs/components'
import { Button } from './ui/Button'
import { hidden } from '../lib/a11y'
import './StateView.scss'

export function Loading({ text = '加载中…' }: { text?: string }) {
  return (
    <View className="state loading-state">
      <View className="state__spinner" {...hidden()} />
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

/** A part of a page that failed to load (comments, a list): the API's Chinese message and a retry. A whole page that failed is a ResultPage. */
export function ErrorState({ message, title = '出错了', onRetry, retryText = '重试' }: ErrorStateProps) {
  return (
    <View className="state error-state">
      <View className="state__icon state__icon--error" {...hidden()}>
        !
      </View>
      <Text className="state__title">{title}</Text>
      <Text className="state__text error-state__message">{message}</Text>
      {onRetry && (
        <Button kind="ghost" small className="error-state__retry" onClick={onRetry}>
          {retryText}
        </Button>
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
