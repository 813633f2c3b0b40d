import { describe, expect, it } from 'vitest'
import { wishStatuses, type WishStatus } from '../../contracts/microWishes'
import { maskName, type WishRecord } from '../../functions/src/domain/microWishes/model'
import { canView, guard, possibleActions, type Action, type Facts } from '../../functions/src/domain/microWishes/states'

/*
 * A wish's state table, walked whole without a database: every status × every action × every combination of the
 * caller's facts. The expected answers are written out here from the rules, independently of states.ts:
 * who may act (first), then from which status, then the caller's own limit.
 */
const from: Record<Action, readonly WishStatus[]> = {
  revise: ['returned'], // a returned wish is revised and goes back to the grid worker
  withdraw: ['awaitingVetting', 'returned', 'published'], // taken back before anyone claims it
  publish: ['awaitingVetting'],
  return: ['awaitingVetting'],
  refuse: ['awaitingVetting'],
  claim: ['published'], // from the wall only
  release: ['claimed'],
  fulfil: ['claimed'],
  confirm: ['fulfilled'],
  dispute: ['fulfilled'],
  decide: ['disputed'],
  thank: ['confirmed'], // a letter written after the confirmation, once
}
const actions = Object.keys(from) as Action[]

type Refusal = string | undefined
const whoMay: Record<Action, (f: Facts) => Refusal> = {
  revise: (f) => (f.isPoster ? undefined : 'auth.forbidden'),
  withdraw: (f) => (f.isPoster ? undefined : 'auth.forbidden'),
  dispute: (f) => (f.isPoster ? undefined : 'auth.forbidden'),
  // The grid worker of the wish's grid vets it and settles disputes.
  publish: (f) => (f.isGridWorker ? undefined : 'auth.forbidden'),
  return: (f) => (f.isGridWorker ? undefined : 'auth.forbidden'),
  refuse: (f) => (f.isGridWorker ? undefined : 'auth.forbidden'),
  decide: (f) => (f.isGridWorker ? undefined : 'auth.forbidden'),
  // Only whom the community admits, never the poster or their household.
  claim: (f) => (f.isPoster || f.ofHousehold ? 'wish.ownWish' : f.mayClaim ? undefined : 'wish.notMember'),
  release: (f) => (f.isClaimant ? undefined : 'auth.forbidden'),
  fulfil: (f) => (f.isClaimant ? undefined : 'auth.forbidden'),
  // The resident, or the grid worker for them.
  confirm: (f) => (f.isPoster || f.isGridWorker ? undefined : 'auth.forbidden'),
  thank: (f) => (f.isPoster || f.isGridWorker ? undefined : 'auth.forbidden'),
}

const expected = (a: Action, w: WishRecord, f: Facts): Refusal => {
  const who = whoMay[a](f)
  if (who) return who
  if (!from[a].includes(w.status))
    return a === 'claim' && ['claimed', 'fulfilled', 'disputed', 'confirmed'].includes(w.status)
      ? 'wish.taken'
      : 'wish.wrongState'
  if (a === 'thank' && w.thanks) return 'wish.wrongState'
  if (a === 'claim' && f.activeClaims >= f.activeClaimLimit) return 'wish.claimLimit'
  return undefined
}

const flags = [
  'isPoster',
  'ofHousehold',
  'isGridWorker',
  'isCommunityStaff',
  'isClaimant',
  'mayClaim',
  'atLimit',
] as const
const allFacts = (): Facts[] =>
  Array.from({ length: 2 ** flags.length }, (_, n) => {
    const on = (i: number) => (n & (1 << i)) !== 0
    return {
      isPoster: on(0),
      ofHousehold: on(1),
      isGridWorker: on(2),
      isCommunityStaff: on(3),
      isClaimant: on(4),
      mayClaim: on(5),
      activeClaims: on(6) ? 3 : 1,
      activeClaimLimit: 3,
    }
  })

const wish = (status: WishStatus, thanked = false) =>
  ({ status, ...(thanked ? { thanks: { text: '谢谢', at: '', byName: '' } } : {}) }) as WishRecord

describe('the wish state table', () => {
  it('answers every status × action × caller as the rules say, and `can` lists exactly the actions allowed', () => {
    let cells = 0
    for (const status of wishStatuses)
      for (const thanked of [false, true])
        for (const f of allFacts()) {
          const w = wish(status, thanked)
          for (const a of actions) {
            expect(guard(a, w, f), `${a} from ${status} by ${JSON.stringify(f)}`).toBe(expected(a, w, f))
            cells++
          }
          expect(possibleActions(w, f)).toEqual(actions.filter((a) => expected(a, w, f) === undefined))
        }
    expect(cells).toBe(wishStatuses.length * 2 * 2 ** flags.length * actions.length)
  })

  it('shows a wish before the wall only to its poster, household and staff; on the wall and after it to anyone', () => {
    const nobody = allFacts()[0]!
    for (const status of wishStatuses)
      expect(canView(wish(status), nobody)).toBe(
        ['published', 'claimed', 'fulfilled', 'disputed', 'confirmed'].includes(status),
      )
    for (const insider of ['isPoster', 'ofHousehold', 'isGridWorker', 'isCommunityStaff'] as const)
      for (const status of wishStatuses) expect(canView(wish(status), { ...nobody, [insider]: true })).toBe(true)
  })

  it('masks a name to the surname (姓**), compound surnames whole', () => {
    expect(maskName('刘芳')).toBe('刘**')
    expect(maskName('王秀英')).toBe('王**')
    expect(maskName('欧阳娜娜')).toBe('欧阳**')
    expect(maskName(' 张 ')).toBe('张**')
    expect(maskName('')).toBe('居民')
  })
})
