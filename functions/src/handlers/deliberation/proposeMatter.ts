import { proposeMatter as contract } from '../../../../contracts/deliberation'
import { proposeMatter } from '../../domain/deliberation/propose'
import { getMatter } from '../../domain/deliberation/view'
import { route } from '../../http/router'

export default route(contract, async ({ body }, { deps, user, principal }) => {
  const actor = { user, principal }
  const matter = await proposeMatter(deps, actor, body)
  return getMatter(deps, actor, matter)
})
