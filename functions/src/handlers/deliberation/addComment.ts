import { addComment as contract } from '../../../../contracts/deliberation'
import { addComment } from '../../domain/deliberation/consult'
import { route } from '../../http/router'

export default route(contract, ({ params, body }, { deps, user, principal }) => addComment(deps, { user, principal }, { ...params, ...body }))
