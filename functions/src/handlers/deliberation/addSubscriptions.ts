import { addSubscriptions as contract } from '../../../../contracts/notifications'
import { addSubscriptions } from '../../domain/notifications/subscribe'
import { route } from '../../http/router'

export default route(contract, ({ body }, { deps, user, principal }) => addSubscriptions(deps, { user, principal }, body))
