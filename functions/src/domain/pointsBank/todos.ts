import { pageWith, todoOf, type TodoSource } from '../home/ports'
import type { PointsBankDeps } from './ports'

/**
 * 首页's 待办 from the points bank: a resident's redemptions ready to be picked up, the soonest last day first (their
 * own redemptions in each of their communities, one Query each). The staff's pickups to hand over are not counted
 * here: no index lists a community's ready redemptions (a pickup is found by its code).
 */
export const pointsTodos = (deps: Pick<PointsBankDeps, 'redemptions'>): TodoSource => ({
  name: 'pointsBank',
  todos: async (actor, ctx) => {
    const ready = (await Promise.all(ctx.communityIds.map((c) => deps.redemptions.mine(c, actor.principal.userId))))
      .flat()
      .filter((r) => r.state === 'ready')
      .sort((a, b) => a.deadline.localeCompare(b.deadline))
    return todoOf(
      'points.pickup',
      '待领取',
      ready,
      pageWith('/packages/points/pages/redemptions/index', { communityId: ready[0]?.communityId }),
      (r) => ({
        page: pageWith('/packages/points/pages/redemption/index', { redemptionId: r.redemptionId }),
        hint: r.itemName,
      }),
    ).map((t) => ({ ...t, deadline: ready[0]!.deadline }))
  },
})
