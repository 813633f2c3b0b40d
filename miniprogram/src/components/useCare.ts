import { useSyncExternalStore } from 'react'
import { isCare, subscribeCare } from '../services/care'
import { isOffline, subscribeNetwork } from '../services/network'
import { privacyAsked, subscribePrivacy } from '../services/privacy'

/** Care mode (长辈模式) on or off; every page re-renders when it changes. */
export const useCare = (): boolean => useSyncExternalStore(subscribeCare, isCare, isCare)

/** True while the server cannot be reached. */
export const useOffline = (): boolean => useSyncExternalStore(subscribeNetwork, isOffline, isOffline)

/** True while WeChat waits for the user to agree to the privacy notice. */
export const usePrivacyAsked = (): boolean => useSyncExternalStore(subscribePrivacy, privacyAsked, privacyAsked)
