import { decideBinding as contract } from '../../../../contracts/identity'
import { decideBinding } from '../../domain/identity/bindings'
import { route } from '../../http/router'

export default route(contract, ({ params, body }, { deps, principal }) => decideBinding(deps, principal, { ...params, ...body }))
