import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi'
import { allRoutes } from '../../../contracts'
import { errorCatalog } from '../../../contracts/errors'
import { routeErrors, type RouteContract } from '../../../contracts/common'
import { z } from 'zod'

// Adds `.openapi()` to zod's prototype, so the contracts' schemas (made before this runs) can be described.
extendZodWithOpenApi(z)

const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
})

const tagDescriptions: Record<keyof typeof allRoutes, string> = {
  identity: '微信登录、角色与地点、房屋绑定',
  structure: '街道、社区、小区、楼栋、房屋与网格',
  grids: '网格连心服务卡：扫码、联系、打印',
  deliberation: '五议工作法：提议、审议、商议、决议、评议',
  notifications: '微信订阅消息：主题与授权',
  uploads: '照片直传对象存储',
  volunteering: '志愿服务与双报到：报到单位、登记、活动报名、现场签到、时长确认、平台记录与统计',
  microWishes: '微心愿：发布、审核、心愿墙、认领、实现与感谢',
  moderation: '内容安全：微信内容检测、举报与审核',
  pointsBank: '积分银行：积分存折、积分规则与发放、预算、台账、对账，积分超市与兑换核销',
  pointsExport: '积分存折打印与台账导出（PDF、Excel）',
  home: '首页：我的社区与网格、按角色的待办、服务入口',
  meta: '本 API 的说明文档',
}

/** The OpenAPI 3 document, generated from the contracts: the same schemas that parse every request. */
export const buildOpenApi = () => {
  const registry = new OpenAPIRegistry()
  registry.registerComponent('securitySchemes', 'session', { type: 'http', scheme: 'bearer' })
  for (const [capability, routes] of Object.entries(allRoutes)) {
    for (const c of Object.values(routes) as RouteContract[]) {
      // Every code the route can answer, grouped by status: its own and those of the HTTP layer (routeErrors).
      const errorStatuses = new Map<number, string[]>()
      for (const code of routeErrors(c)) {
        const { status } = errorCatalog[code]
        errorStatuses.set(status, [...(errorStatuses.get(status) ?? []), code])
      }
      registry.registerPath({
        operationId: c.operationId,
        method: c.method.toLowerCase() as 'get',
        path: c.path,
        summary: c.summary,
        tags: [capability],
        // Public routes say so: the document's default is the session.
        security: c.auth === 'user' ? [{ session: [] }] : [],
        description: `${c.summary}\n\n可能的错误码：${routeErrors(c).join('、')}`,
        request: {
          ...(c.params ? { params: c.params } : {}),
          ...(c.query ? { query: c.query } : {}),
          ...(c.body ? { body: { content: { 'application/json': { schema: c.body } } } } : {}),
        },
        responses: {
          [c.status ?? 200]: c.binary
            ? { description: c.binary, content: { [c.binary]: { schema: { type: 'string', format: 'binary' } } } }
            : { description: 'OK', content: { 'application/json': { schema: c.response } } },
          ...Object.fromEntries(
            [...errorStatuses].map(([status, codes]) => [
              status,
              { description: codes.join(', '), content: { 'application/json': { schema: ErrorBodySchema } } },
            ]),
          ),
        },
      })
    }
  }
  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: {
      title: '网格连心 GridLink API',
      version: '0.1.0',
      description:
        '党建引领小区治理：网格、身份、五议工作法、通知……每个错误响应形如 `{ error: { code, message, details? } }`。',
      license: { name: 'Proprietary', url: 'https://gridlink.example.cn/license' },
    },
    servers: [
      { url: 'https://api.gridlink.example.cn', description: '生产环境（API Gateway HTTP API，部署时替换为实际域名）' },
      { url: 'http://127.0.0.1:3000', description: '本地（npm start）' },
    ],
    security: [{ session: [] }],
    tags: Object.keys(allRoutes).map((name) => ({
      name,
      description: tagDescriptions[name as keyof typeof allRoutes],
    })),
  })
}
