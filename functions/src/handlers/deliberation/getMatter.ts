import { getMatter as contract } from '../../../../contracts/deliberation'
import { getMatter } from '../../domain/deliberation/view'
import { route } from '../../http/router'

export default route(contract, ({ params }, { deps, user, principal }) => getMatter(deps, { user, principal }, params))
