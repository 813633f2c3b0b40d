import { listMatterNotifications as contract } from '../../../../contracts/deliberation'
import { listNotifications } from '../../domain/deliberation/view'
import { route } from '../../http/router'

export default route(contract, async ({ params }, { deps, user, principal }) => ({
  items: await listNotifications(deps, { user, principal }, params),
}))
