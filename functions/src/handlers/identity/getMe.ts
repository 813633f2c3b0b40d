import { getMe as contract } from '../../../../contracts/identity'
import { getMe } from '../../domain/identity/roles'
import { route } from '../../http/router'

export default route(contract, (_input, { deps, user }) => getMe(deps, user))
