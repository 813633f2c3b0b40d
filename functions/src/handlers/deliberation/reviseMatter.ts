import { reviseMatter as contract } from '../../../../contracts/deliberation'
import { reviseMatter } from '../../domain/deliberation/propose'
import { getMatter } from '../../domain/deliberation/view'
import { route } from '../../http/router'

export default route(contract, async ({ params, body }, { deps, user, principal }) => {
  const actor = { user, principal }
  return getMatter(deps, actor, {
    matterId: await reviseMatter(deps, actor, { ...params, ...body }),
  })
})
