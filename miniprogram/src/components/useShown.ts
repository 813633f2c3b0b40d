import { useState } from 'react'
import { useDidShow } from '@tarojs/taro'

/** Counts the times the page has been shown: tab pages reload their data each time the user comes back. */
export function useShown(): number {
  const [shown, setShown] = useState(0)
  useDidShow(() => setShown((n) => n + 1))
  return shown
}
