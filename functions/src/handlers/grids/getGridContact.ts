import { getGridContact as contract } from '../../../../contracts/grids'
import { getGridContact } from '../../domain/grids/card'
import { route } from '../../http/router'

export default route(contract, ({ params }, { deps }) => getGridContact(deps, params))
