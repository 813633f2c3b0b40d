import { z } from 'zod'
import { defineRoute, Id } from './common'
import { CardCode } from './grids'

/*
 * 首页 that knows me: my community and grid (from my household, else from the place of my role), what my roles ask
 * of me now (待办, with counts), and the services of my grid. One request, composed from what each capability says
 * this caller has to do (functions/src/domain/home).
 */

/** One line of 待办: what to do, how many, and the page that does it (one item: its own page). */
export const HomeTodo = z.object({
  /**
   * `<capability>.<what>`: `deliberation.vote` · `.second` · `.rate` · `.review` · `.openPoll` · `.resolve` · `.report`,
   * `bindings.pending`, `wishes.vet` · `.disputes` · `.confirm` · `.claims`, `volunteer.registrations`, `points.pickup`.
   */
  key: z.string(),
  label: z.string(),
  count: z.number().int().min(1),
  /** The mini-program page, with its query (`/packages/staff/pages/review/index?communityId=…`). */
  page: z.string(),
  /** The first item's title, when there is one to name. */
  hint: z.string().optional(),
  /** When the most pressing item ends (ISO): a poll's close, a claim's deadline, a pickup's last day. */
  deadline: z.string().optional(),
})
export type HomeTodo = z.infer<typeof HomeTodo>

export const HomeGrid = z.object({
  gridId: Id,
  name: z.string(),
  communityId: Id,
  buildingNames: z.array(z.string()),
  workerName: z.string().optional(),
  /** The grid's card code (the one printed on its card in the lobby): opens the grid page. */
  code: CardCode.optional(),
})
export type HomeGrid = z.infer<typeof HomeGrid>

export const serviceKeys = ['matters', 'wishes', 'volunteer', 'points'] as const
export const HomeService = z.object({
  key: z.enum(serviceKeys),
  label: z.string(),
  hint: z.string(),
  page: z.string(),
  open: z.boolean(),
})

export const Home = z.object({
  community: z.object({ communityId: Id, name: z.string() }).optional(),
  /** My grid: my household's building's, else my role's (a grid worker's grid, a building head's building's). */
  grid: HomeGrid.optional(),
  /** Staff at compound or community level: the grids they serve, to choose from (`?gridId=` picks one). */
  grids: z.array(HomeGrid),
  /** How I am known here: 户代表 · 1号楼1单元101室, 1号楼楼长, 网格员 · 第一网格, 阳光物业 … */
  roles: z.array(z.string()),
  todos: z.array(HomeTodo),
  services: z.array(HomeService),
  /** Some source of 待办 could not be read just now: the list may be short. */
  incomplete: z.boolean().optional(),
})
export type Home = z.infer<typeof Home>

export const getHome = defineRoute({
  operationId: 'getHome',
  method: 'GET',
  path: '/me/home',
  summary: '首页：我的社区和网格（由房屋或角色所在位置得出）、按角色的待办及数量、网格的服务入口',
  auth: 'user',
  query: z.object({ gridId: Id.optional() }),
  response: Home,
  errors: ['auth.required'],
})

export const homeRoutes = { getHome }
