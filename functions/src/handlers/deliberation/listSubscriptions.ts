import { listSubscriptions as contract } from '../../../../contracts/notifications'
import { listSubscriptions } from '../../domain/notifications/subscribe'
import { route } from '../../http/router'

export default route(contract, ({ query }, { deps, user, principal }) => listSubscriptions(deps, { user, principal }, query))
