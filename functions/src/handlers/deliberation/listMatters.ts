import { listMatters as contract } from '../../../../contracts/deliberation'
import { listMatters } from '../../domain/deliberation/view'
import { route } from '../../http/router'

export default route(contract, async ({ query }, { deps, user, principal }) => ({
  items: await listMatters(deps, { user, principal }, query),
}))
