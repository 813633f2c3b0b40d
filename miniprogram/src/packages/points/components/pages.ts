/** The points subpackage's pages (app.config.ts subPackages root packages/points). */
export const POINTS_PAGES = {
  mine: '/packages/points/pages/index/index',
  shop: '/packages/points/pages/shop/index',
  redemptions: '/packages/points/pages/redemptions/index',
  redemption: '/packages/points/pages/redemption/index',
  verify: '/packages/points/pages/verify/index',
  award: '/packages/points/pages/award/index',
  items: '/packages/points/pages/items/index',
  item: '/packages/points/pages/item/index',
  ledger: '/packages/points/pages/ledger/index',
  budget: '/packages/points/pages/budget/index',
  checks: '/packages/points/pages/checks/index',
  rules: '/packages/points/pages/rules/index',
} as const
