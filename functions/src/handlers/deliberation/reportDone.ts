import { reportDone as contract } from '../../../../contracts/deliberation'
import { reportDone } from '../../domain/deliberation/resolve'
import { getMatter } from '../../domain/deliberation/view'
import { route } from '../../http/router'

export default route(contract, async ({ params, body }, { deps, user, principal }) => {
  const actor = { user, principal }
  return getMatter(deps, actor, {
    matterId: await reportDone(deps, actor, { ...params, ...body }),
  })
})
