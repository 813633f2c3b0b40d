import { useCallback, useEffect, useRef, useState } from 'react'
import { isNetworkError, messageOf } from '../services/http'
import { isOffline, subscribeNetwork } from '../services/network'

export interface AsyncState<T> {
  data: T | undefined
  /** Why the load failed, when there is nothing to show instead. */
  error: string | undefined
  errorCode: string | undefined
  loading: boolean
  /** The last reload could not reach the server: `data` is what was loaded before (the network bar says so). */
  stale: boolean
  reload: () => void
}

/**
 * Runs a load when `deps` change (and on `reload()`); the latest call wins. While `enabled` is false it
 * waits (still `loading`), e.g. until the page is first shown. Offline, a reload keeps what was loaded
 * (`stale`) instead of turning into an error, and a load that failed for want of a network runs again as soon
 * as the network is back.
 */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[], enabled = true): AsyncState<T> {
  const [data, setData] = useState<T>()
  const [error, setError] = useState<string>()
  const [errorCode, setErrorCode] = useState<string>()
  const [loading, setLoading] = useState(true)
  const [stale, setStale] = useState(false)
  const [tick, setTick] = useState(0)
  const seq = useRef(0)
  const hasData = useRef(false)
  const failedOffline = useRef(false)

  useEffect(() => {
    if (!enabled) return
    const mine = ++seq.current
    setLoading(true)
    load().then(
      (value) => {
        if (mine !== seq.current) return
        hasData.current = true
        failedOffline.current = false
        setData(value)
        setError(undefined)
        setErrorCode(undefined)
        setStale(false)
        setLoading(false)
      },
      (e: unknown) => {
        if (mine !== seq.current) return
        failedOffline.current = isNetworkError(e)
        if (failedOffline.current && hasData.current) {
          setStale(true)
        } else {
          setError(messageOf(e))
          setErrorCode(e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : undefined)
        }
        setLoading(false)
      },
    )
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick, enabled])

  const reload = useCallback(() => setTick((t) => t + 1), [])

  // Back online: load again what could not be loaded.
  useEffect(
    () =>
      subscribeNetwork(() => {
        if (!isOffline() && failedOffline.current) reload()
      }),
    [reload],
  )

  return { data, error, errorCode, loading, stale, reload }
}
