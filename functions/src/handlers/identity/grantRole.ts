import { grantRole as contract } from '../../../../contracts/identity'
import { grantRole } from '../../domain/identity/roles'
import { route } from '../../http/router'

export default route(contract, ({ body }, { deps, principal }) => grantRole(deps, principal, body))
