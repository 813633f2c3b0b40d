import { pageWith, todoOf, type TodoSource } from '../home/ports'
import { communityOfPath } from '../shared/places'
import { communityPlace, isCommunityLead } from './facts'
import type { VolunteeringDeps } from './ports'

/**
 * 首页's 待办 from volunteering: for the community's leads (两委, the community admin), the volunteer registrations
 * (双报到 and residents) waiting for approval, oldest first (AP51 by status, one Query per community they lead).
 */
export const volunteerTodos = (deps: Pick<VolunteeringDeps, 'volunteerRegistrations' | 'structure'>): TodoSource => ({
  name: 'volunteering',
  todos: async (actor, ctx) => {
    const p = actor.principal
    const leads = p.grants.filter((g) => g.role === 'committee' || g.role === 'communityAdmin')
    if (leads.length === 0) return []
    const communities = ctx.communityIds.filter((c) => leads.some((g) => communityOfPath(g.placePath) === c))
    const places = await Promise.all(communities.map((c) => communityPlace(deps, c)))
    const mine = communities.filter((_, i) => isCommunityLead(p, places[i]!))
    const pending = (await Promise.all(mine.map((c) => deps.volunteerRegistrations.listForCommunity(c, 'pending'))))
      .flat()
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    const list = (communityId?: string) => pageWith('/packages/volunteer/pages/registrations/index', { communityId })
    return todoOf('volunteer.registrations', '待审核登记', pending, list(pending[0]?.communityId), (r) => ({
      page: list(r.communityId),
      hint: `${r.name}${r.unitName ? ` · ${r.unitName}` : ''}`,
    }))
  },
})
