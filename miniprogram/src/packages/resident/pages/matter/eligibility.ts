import type { Matter } from '@contracts/deliberation'
import type { Me } from '@contracts/identity'
import { errorMessage } from '@contracts/errors'
import { useAsync } from '../../../../components/useAsync'
import { getMe } from '../../../../services/api/identity'

const inScope = (matter: Matter, h: Me['households'][number]) =>
  matter.scope.type === 'building'
    ? h.buildingId === matter.scope.id
    : matter.scope.type === 'compound'
      ? h.compoundId === matter.scope.id
      : h.communityId === matter.scope.id

/**
 * Why the caller has no vote or rating here, when `can` (the server's own checks) leaves it out: a member of a
 * household in scope who is not its representative, or someone who lives outside the scope.
 */
export function useNoVoteReason(matter: Matter, needed: boolean): string | undefined {
  const me = useAsync(getMe, [], needed)
  if (!needed) return undefined
  return me.data?.households.some((h) => inScope(matter, h))
    ? errorMessage('vote.notRepresentative')
    : '由范围内各户的户代表投票、评议'
}
