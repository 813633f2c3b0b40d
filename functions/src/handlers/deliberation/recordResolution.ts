import { recordResolution as contract } from '../../../../contracts/deliberation'
import { recordResolution } from '../../domain/deliberation/resolve'
import { getMatter } from '../../domain/deliberation/view'
import { route } from '../../http/router'

export default route(contract, async ({ params, body }, { deps, user, principal }) => {
  const actor = { user, principal }
  return getMatter(deps, actor, {
    matterId: await recordResolution(deps, actor, { ...params, ...body }),
  })
})
