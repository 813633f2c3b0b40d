import type { HomeTodo } from '../../../../contracts/home'
import { pageWith, todoOf, type TodoSource } from '../home/ports'
import { WISH_PAGE, type WishRecord } from './model'
import type { MicroWishDeps } from './ports'

const QUEUE = '/packages/wishes/pages/queue/index'
const wishPage = (w: { wishId: string; title: string }) => ({
  page: pageWith(`/${WISH_PAGE}`, { wishId: w.wishId }),
  hint: w.title,
})
const oldestFirst = (a: WishRecord, b: WishRecord) => a.createdAt.localeCompare(b.createdAt)

/**
 * 首页's 待办 from micro-wishes: for a grid worker, the wishes of their grids waiting to be vetted and the disputes
 * (the queue's own Queries, gsi1 by grid and status); for a resident, the wishes they posted that were delivered and
 * wait for their confirmation (gsi2, their own); for a member, their claims still running, soonest deadline first
 * (the member's record, one GetItem, and only when it counts active claims, their claims).
 */
export const wishTodos = (deps: Pick<MicroWishDeps, 'wishes'>): TodoSource => ({
  name: 'microWishes',
  todos: async (actor) => {
    const userId = actor.principal.userId
    const gridIds = actor.principal.grants
      .filter((g) => g.role === 'gridWorker' && g.placeType === 'grid')
      .map((g) => g.placeId)
    const [vetting, disputes, posted, member] = await Promise.all([
      Promise.all(gridIds.map((g) => deps.wishes.ofGrid(g, 'awaitingVetting'))),
      Promise.all(gridIds.map((g) => deps.wishes.ofGrid(g, 'disputed'))),
      deps.wishes.ofPoster(userId),
      deps.wishes.member(userId),
    ])
    const claims = member?.active
      ? (await deps.wishes.claimsOf(userId))
          .filter((c) => c.outcome === 'active')
          .sort((a, b) => a.deadline.localeCompare(b.deadline))
      : []
    const lines: HomeTodo[] = [
      ...todoOf('wishes.vet', '待审核心愿', vetting.flat().sort(oldestFirst), QUEUE, (w) => ({
        page: pageWith('/packages/wishes/pages/vet/index', { wishId: w.wishId }),
        hint: w.title,
      })),
      ...todoOf('wishes.disputes', '待处理异议', disputes.flat().sort(oldestFirst), QUEUE, wishPage),
      ...todoOf(
        'wishes.confirm',
        '待确认心愿',
        posted.filter((w) => w.status === 'fulfilled' && w.posterId === userId),
        '/packages/wishes/pages/mine/index',
        wishPage,
      ),
      ...todoOf('wishes.claims', '认领待完成', claims, '/packages/wishes/pages/claims/index', wishPage).map((t) => ({
        ...t,
        deadline: claims[0]!.deadline,
      })),
    ]
    return lines
  },
})
