import { openPoll as contract } from '../../../../contracts/deliberation'
import { openPoll } from '../../domain/deliberation/consult'
import { getMatter } from '../../domain/deliberation/view'
import { route } from '../../http/router'

export default route(contract, async ({ params, body }, { deps, user, principal }) => {
  const actor = { user, principal }
  return getMatter(deps, actor, {
    matterId: await openPoll(deps, actor, { ...params, ...body }),
  })
})
