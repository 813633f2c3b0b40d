import { withdrawMatter as contract } from '../../../../contracts/deliberation'
import { withdrawMatter } from '../../domain/deliberation/propose'
import { getMatter } from '../../domain/deliberation/view'
import { route } from '../../http/router'

export default route(contract, async ({ params, body }, { deps, user, principal }) => {
  const actor = { user, principal }
  return getMatter(deps, actor, {
    matterId: await withdrawMatter(deps, actor, { ...params, ...body }),
  })
})
