import { useCallback, useEffect, useRef, useState } from 'react'
import { messageOf } from '../services/http'

export interface AsyncState<T> {
  data: T | undefined
  error: string | undefined
  errorCode: string | undefined
  loading: boolean
  reload: () => void
}

/**
 * Runs a load when `deps` change (and on `reload()`); the latest call wins. While `enabled` is false it
 * waits (still `loading`), e.g. until the page is first shown.
 */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[], enabled = true): AsyncState<T> {
  const [data, setData] = useState<T>()
  const [error, setError] = useState<string>()
  const [errorCode, setErrorCode] = useState<string>()
  const [loading, setLoading] = useState(true)
  const [tick, setTick] = useState(0)
  const seq = useRef(0)

  useEffect(() => {
    if (!enabled) return
    const mine = ++seq.current
    setLoading(true)
    setError(undefined)
    setErrorCode(undefined)
    load().then(
      (value) => {
        if (mine !== seq.current) return
        setData(value)
        setLoading(false)
      },
      (e: unknown) => {
        if (mine !== seq.current) return
        setError(messageOf(e))
        setErrorCode(e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : undefined)
        setLoading(false)
      },
    )
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick, enabled])

  const reload = useCallback(() => setTick((t) => t + 1), [])
  return { data, error, errorCode, loading, reload }
}
