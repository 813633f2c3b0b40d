import { requestBinding as contract } from '../../../../contracts/identity'
import { requestBinding } from '../../domain/identity/bindings'
import { route } from '../../http/router'

export default route(contract, ({ body }, { deps, user }) => requestBinding(deps, user, body))
