import { secondMatter as contract } from '../../../../contracts/deliberation'
import { secondMatter } from '../../domain/deliberation/propose'
import { getMatter } from '../../domain/deliberation/view'
import { route } from '../../http/router'

export default route(contract, async ({ params }, { deps, user, principal }) => {
  const actor = { user, principal }
  return getMatter(deps, actor, {
    matterId: await secondMatter(deps, actor, params),
  })
})
