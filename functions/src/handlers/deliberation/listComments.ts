import { listComments as contract } from '../../../../contracts/deliberation'
import { listComments } from '../../domain/deliberation/consult'
import { route } from '../../http/router'

export default route(contract, async ({ params }, { deps, user, principal }) => ({
  items: await listComments(deps, { user, principal }, params),
}))
