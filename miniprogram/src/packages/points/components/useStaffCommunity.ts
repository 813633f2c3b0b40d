import { useRouter } from '@tarojs/taro'
import { useAsync } from '../../../components/useAsync'
import { getPointsStaff } from '../../../services/api/pointsBank'

type Need = 'pickup' | 'award' | 'ledger' | 'admin'

/**
 * The community a staff page works on: `?communityId=` (the entries on 我的 pass it), else the first where the
 * caller may do `need`. Undefined `data` with an error: the caller may not (the page says 无权限).
 */
export function useStaffCommunity(need: Need, enabled: boolean) {
  const { params } = useRouter()
  return useAsync(
    async () => {
      const { items } = await getPointsStaff()
      const mine = items.filter((i) => i[need])
      const chosen = params.communityId ? mine.find((i) => i.communityId === params.communityId) : mine[0]
      return chosen ?? null
    },
    [params.communityId, need],
    enabled,
  )
}
