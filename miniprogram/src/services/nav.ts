import Taro from '@tarojs/taro'

export const PAGES = {
  home: '/pages/index/index',
  mine: '/pages/mine/index',
  matters: '/pages/matters/index',
  grid: '/pages/grid/index',
  login: '/pages/login/index',
  bind: '/packages/resident/pages/bind/index',
  approvals: '/packages/staff/pages/bindings/index',
  propose: '/packages/resident/pages/propose/index',
  matter: '/packages/resident/pages/matter/index',
  reviewQueue: '/packages/staff/pages/review/index',
  openPoll: '/packages/staff/pages/poll/index',
  resolution: '/packages/staff/pages/resolution/index',
  report: '/packages/staff/pages/report/index',
  settings: '/packages/staff/pages/settings/index',
  moderation: '/packages/staff/pages/moderation/index',
  organisations: '/packages/staff/pages/organisations/index',
  privacy: '/packages/resident/pages/privacy/index',
  help: '/packages/resident/pages/help/index',
  volunteerActivities: '/packages/volunteer/pages/activities/index',
  wishWall: '/packages/wishes/pages/wall/index',
  wish: '/packages/wishes/pages/wish/index',
  postWish: '/packages/wishes/pages/post/index',
  myWishes: '/packages/wishes/pages/mine/index',
  myClaims: '/packages/wishes/pages/claims/index',
  fulfilWish: '/packages/wishes/pages/fulfil/index',
  vetWish: '/packages/wishes/pages/vet/index',
  wishQueue: '/packages/wishes/pages/queue/index',
  wishFigures: '/packages/wishes/pages/figures/index',
} as const

const TAB_PAGES: readonly string[] = [PAGES.home, PAGES.matters, PAGES.mine]

const pathOf = (url: string): string => {
  const path = url.split('?')[0] ?? ''
  return path.startsWith('/') ? path : `/${path}`
}

export const isTabPage = (url: string): boolean => TAB_PAGES.includes(pathOf(url))

export const withQuery = (path: string, query: Record<string, string | undefined>): string => {
  const qs = Object.entries(query)
    .filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&')
  return qs ? `${path}?${qs}` : path
}

/** The page the user is on, as a URL that navigateTo/redirectTo accept (Taro's internal params left out). */
export const currentUrl = (): string => {
  const router = Taro.getCurrentInstance().router
  if (!router) return PAGES.home
  const params: Record<string, string> = {}
  for (const [k, v] of Object.entries(router.params ?? {})) {
    if (k.startsWith('$') || k.startsWith('__') || k === 'stamp' || v === undefined) continue
    params[k] = String(v)
  }
  return withQuery(pathOf(router.path), params)
}

/** Opens a page whether it is a tab page (switchTab) or not (navigateTo). */
export const openPage = (url: string): void => {
  if (isTabPage(url)) void Taro.switchTab({ url: pathOf(url) })
  else void Taro.navigateTo({ url })
}

let loginOpenedAt = 0

/**
 * Sends the user to the login page; after login they come back to `redirect` (the current page by default).
 * `reason: 'expired'` makes the login page say 登录已失效. `replace` swaps the current page for it (a page that
 * cannot show anything without a login), instead of stacking it on top.
 */
export const goLogin = (redirect: string = currentUrl(), reason?: 'expired', replace = false): void => {
  if (pathOf(currentUrl()) === PAGES.login) return
  // Several calls failing with 401 at once must open the login page once.
  if (!replace && Date.now() - loginOpenedAt < 1500) return
  loginOpenedAt = Date.now()
  const url = withQuery(PAGES.login, { redirect, reason })
  if (replace) void Taro.redirectTo({ url })
  else void Taro.navigateTo({ url })
}

/** Back one page when there is one, else to 首页 (a page opened from a shared card or a message has none below it). */
export const goBackOrHome = (): void => {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack({ delta: 1 })
  else void Taro.switchTab({ url: PAGES.home })
}

export const goHome = (): void => void Taro.switchTab({ url: PAGES.home })

/** True when the page below the current one is `url`'s page: going back to it beats stacking a second copy. */
const previousIs = (url: string): boolean => {
  const pages = Taro.getCurrentPages()
  const previous = pages.length >= 2 ? pages[pages.length - 2] : undefined
  if (!previous) return false
  return pathOf(String(previous.route ?? (previous as { path?: string }).path ?? '')) === pathOf(url)
}

/** Leaves the current page for `url`: back to it if it is the page below, else in place of the current page. */
export const returnTo = (url: string): void => {
  if (isTabPage(url)) void Taro.switchTab({ url: pathOf(url) })
  else if (previousIs(url)) void Taro.navigateBack({ delta: 1 })
  else void Taro.redirectTo({ url: url.startsWith('/') ? url : `/${url}` })
}

/** After login: back to the page that asked for it, or the home tab. */
export const leaveLogin = (redirect: string | undefined): void => {
  const target = redirect ? safeDecode(redirect) : ''
  returnTo(!target || pathOf(target) === PAGES.login ? PAGES.home : target)
}

/** WeChat passes `scene` URL-encoded; a value that is already plain decodes to itself. */
export const safeDecode = (value: string): string => {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
