import { useEffect } from 'react'
import { currentUrl, goLogin } from '../services/nav'
import { isLoggedIn, sessionExpired } from '../services/session'

/**
 * For a page that shows nothing without a login: when there is no session it puts the login page in its place
 * (saying 登录已失效 when one ran out), which brings the user back here — the same page and query, so a shared
 * link still lands on its matter. Returns whether the user is logged in; until then the page shows a loading state.
 * `needed` false (e.g. a link that cannot open anything anyway) leaves the user where they are.
 */
export function useRequireLogin(needed = true): boolean {
  const loggedIn = isLoggedIn()
  useEffect(() => {
    if (needed && !loggedIn) goLogin(currentUrl(), sessionExpired() ? 'expired' : undefined, true)
  }, [needed, loggedIn])
  return loggedIn
}
