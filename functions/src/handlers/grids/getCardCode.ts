import { getCardCode as contract } from '../../../../contracts/grids'
import { getCardCode } from '../../domain/grids/card'
import { route } from '../../http/router'

export default route(contract, ({ params }, { deps, principal }) => getCardCode(deps, principal, params))
