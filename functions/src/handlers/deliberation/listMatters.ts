import { listMatters as contract } from '../../../../contracts/deliberation'
import { listMatters } from '../../domain/deliberation/view'
import { route } from '../../http/router'

export default route(contract, ({ query }, { deps, user, principal }) => listMatters(deps, { user, principal }, query))
