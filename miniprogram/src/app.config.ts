export default defineAppConfig({
  pages: ['pages/index/index', 'pages/matters/index', 'pages/mine/index', 'pages/grid/index', 'pages/login/index'],
  subPackages: [
    // One subpackage per audience keeps the main package small (CONVENTIONS: pages are folders, audiences are subpackages).
    {
      root: 'packages/resident',
      pages: [
        'pages/bind/index',
        'pages/propose/index',
        'pages/matter/index',
        'pages/privacy/index',
        'pages/help/index',
      ],
    },
    {
      root: 'packages/staff',
      pages: [
        'pages/bindings/index',
        'pages/review/index',
        'pages/poll/index',
        'pages/resolution/index',
        'pages/report/index',
        'pages/settings/index',
        'pages/moderation/index',
        'pages/organisations/index',
      ],
    },
    // 志愿服务: volunteers', organisers' and the community's pages together.
    {
      root: 'packages/volunteer',
      pages: [
        'pages/activities/index',
        'pages/activity/index',
        'pages/register/index',
        'pages/publish/index',
        'pages/sitecode/index',
        'pages/attendance/index',
        'pages/mine/index',
        'pages/units/index',
        'pages/registrations/index',
        'pages/stats/index',
      ],
    },
    // 微心愿: the residents' and the grid worker's pages of the capability together.
    {
      root: 'packages/wishes',
      pages: [
        'pages/wall/index',
        'pages/wish/index',
        'pages/post/index',
        'pages/mine/index',
        'pages/claims/index',
        'pages/fulfil/index',
        'pages/vet/index',
        'pages/queue/index',
        'pages/figures/index',
      ],
    },
    // 积分银行: the resident's points, the shop and the pickup code, and the staff's 核销, awards, catalogue and ledger.
    {
      root: 'packages/points',
      pages: [
        'pages/index/index',
        'pages/shop/index',
        'pages/redemptions/index',
        'pages/redemption/index',
        'pages/verify/index',
        'pages/award/index',
        'pages/items/index',
        'pages/item/index',
        'pages/ledger/index',
        'pages/budget/index',
        'pages/checks/index',
        'pages/rules/index',
      ],
    },
  ],
  // H5 only (WeChat's app.json has no such key): no slide-in between pages, so a page is on screen (and
  // clickable) as soon as it renders.
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
  // WeChat only: privacy APIs wait for the user's consent to the privacy notice (services/privacy.ts shows it).
  ...(process.env.TARO_ENV === 'weapp' ? { __usePrivacyCheck__: true } : {}),
  // WeChat only: 志愿活动's on-site check-in reads the phone's location (wx.getLocation), which WeChat requires declared.
  ...(process.env.TARO_ENV === 'weapp'
    ? {
        requiredPrivateInfos: ['getLocation'],
        permission: { 'scope.userLocation': { desc: '志愿活动签到签退时，确认您在活动地点附近' } },
      }
    : {}),
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c0392b',
    navigationBarTitleText: '网格连心',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
  },
  tabBar: {
    color: '#666666',
    selectedColor: '#c0392b',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/matters/index',
        text: '议事',
        iconPath: 'assets/tab/matters.png',
        selectedIconPath: 'assets/tab/matters-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab/mine.png',
        selectedIconPath: 'assets/tab/mine-active.png',
      },
    ],
  },
})
