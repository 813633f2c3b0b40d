import { getHome as getHomeRoute } from '@contracts/home'
import { call } from '../http'

/**
 * 首页 in one call: my community and grid, my roles, my 待办 with counts and pages, my grid's services. Staff who
 * serve several grids pass the one they chose (`gridId`); one they may not see is ignored and their own is used.
 */
export const getHome = (gridId?: string) => call(getHomeRoute, { query: gridId ? { gridId } : {} })
