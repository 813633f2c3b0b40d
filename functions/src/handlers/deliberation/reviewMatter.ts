import { reviewMatter as contract } from '../../../../contracts/deliberation'
import { reviewMatter } from '../../domain/deliberation/review'
import { getMatter } from '../../domain/deliberation/view'
import { route } from '../../http/router'

export default route(contract, async ({ params, body }, { deps, user, principal }) => {
  const actor = { user, principal }
  return getMatter(deps, actor, {
    matterId: await reviewMatter(deps, actor, { ...params, ...body }),
  })
})
