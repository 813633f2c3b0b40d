import { listBindingRequests as contract } from '../../../../contracts/identity'
import { listBindingRequests } from '../../domain/identity/bindings'
import { route } from '../../http/router'

export default route(contract, ({ query }, { deps, principal }) => listBindingRequests(deps, principal, query))
