import type { z } from 'zod'
import type { CheckMethod, Hardship } from '../../../../contracts/microWishes'
import type { Actor } from '../identity/actor'
import { fail } from '../shared/errors'
import { advance } from './advance'
import { actorOf, notices } from './notices'
import type { MicroWishDeps } from './ports'

export type Vetting =
  | {
      decision: 'publish'
      method: z.infer<typeof CheckMethod>
      note: string
      hardship: z.infer<typeof Hardship>
      points: number
      claimDays: number
    }
  | { decision: 'return'; reason: string }
  | { decision: 'refuse'; reason: string }

/**
 * The worker of the household's grid checks the wish (by phone, on a visit) and records how, with the household's
 * hardship category (private: never on the wall, never to the claimant), the points the fulfiller will earn (within
 * the community's range) and the claim period; then publishes it to the wall, returns it for a change, or refuses it.
 */
export const vetWish = (deps: MicroWishDeps, actor: Actor, input: { wishId: string } & Vetting) => {
  const action = input.decision === 'publish' ? 'publish' : input.decision
  return advance(deps, actor, input.wishId, action, (w, { at, settings }) => {
    if (input.decision === 'return')
      return {
        status: 'returned',
        set: { returnNote: input.reason },
        label: '网格员退回修改',
        note: input.reason,
        notices: (next) => [notices.toPoster(next, at, 'wishReturned', `需要修改：${input.reason}`)],
      }
    if (input.decision === 'refuse')
      return {
        status: 'refused',
        set: { refusedReason: input.reason, closedReason: input.reason },
        label: '网格员不予发布',
        note: input.reason,
        effects: { stats: { delta: { refused: 1 } } },
        notices: (next) => [notices.toPoster(next, at, 'wishRefused', `未予发布：${input.reason}`)],
      }
    if (input.points < settings.pointsMin || input.points > settings.pointsMax)
      fail('wish.pointsOutOfRange', [
        { path: 'body.points', message: `积分须在 ${settings.pointsMin}–${settings.pointsMax} 分之间` },
      ])
    const me = actorOf(actor)
    return {
      status: 'published',
      set: {
        vetting: {
          method: input.method,
          note: input.note,
          hardship: input.hardship,
          points: input.points,
          claimDays: input.claimDays,
          byId: me.userId,
          byName: me.displayName,
          at,
        },
        publishedAt: w.publishedAt ?? at,
        onWallSince: at,
      },
      clear: ['returnNote'],
      // The check's note and the hardship category stay on the wish for the staff; the timeline says only that it was checked.
      label: `网格员核实后发布到心愿墙（${input.points}积分，认领后${input.claimDays}天内完成）`,
      effects: { stats: { delta: { vetted: 1 } } },
      notices: (next) => [notices.toPoster(next, at, 'wishPublished', '已核实并发布到心愿墙，等待党员认领')],
    }
  })
}
