import Taro from '@tarojs/taro'

/*
 * Is the network there? Set by every API call (a network failure → offline, any answer → online) and by the
 * platform's network events. Pages keep what they loaded and <Screen> shows a bar while offline; loads that
 * failed for want of a network run again when it comes back (components/useAsync.ts).
 */

let offline = false
const listeners = new Set<() => void>()

const set = (value: boolean) => {
  if (offline === value) return
  offline = value
  for (const l of listeners) l()
}

export const isOffline = (): boolean => offline
export const reportOffline = (): void => set(true)
export const reportOnline = (): void => set(false)

export const subscribeNetwork = (listener: () => void): (() => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

try {
  Taro.onNetworkStatusChange((res) => set(!res.isConnected))
} catch {
  // Not every platform reports it; the API calls still do.
}
// Taro's H5 version listens to navigator.connection only, which few browsers have: the window's own events too.
if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') {
  window.addEventListener('offline', () => set(true))
  window.addEventListener('online', () => set(false))
}
