import { castVote as contract } from '../../../../contracts/deliberation'
import { castVote } from '../../domain/deliberation/consult'
import { route } from '../../http/router'

export default route(contract, ({ params, body }, { deps, user, principal }) => castVote(deps, { user, principal }, { ...params, ...body }))
