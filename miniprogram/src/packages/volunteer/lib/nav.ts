/** The pages of 志愿服务 (this subpackage), for navigateTo. */
export const VPAGES = {
  activities: '/packages/volunteer/pages/activities/index',
  activity: '/packages/volunteer/pages/activity/index',
  register: '/packages/volunteer/pages/register/index',
  publish: '/packages/volunteer/pages/publish/index',
  siteCode: '/packages/volunteer/pages/sitecode/index',
  attendance: '/packages/volunteer/pages/attendance/index',
  mine: '/packages/volunteer/pages/mine/index',
  units: '/packages/volunteer/pages/units/index',
  registrations: '/packages/volunteer/pages/registrations/index',
  stats: '/packages/volunteer/pages/stats/index',
} as const
