import { rateMatter as contract } from '../../../../contracts/deliberation'
import { rateMatter } from '../../domain/deliberation/resolve'
import { route } from '../../http/router'

export default route(contract, ({ params, body }, { deps, user, principal }) => rateMatter(deps, { user, principal }, { ...params, ...body }))
