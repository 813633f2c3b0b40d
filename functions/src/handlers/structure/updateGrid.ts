import { updateGrid as contract } from '../../../../contracts/structure'
import { updateGrid } from '../../domain/structure/manageGrids'
import { route } from '../../http/router'

export default route(contract, ({ params, body }, { deps, principal }) => updateGrid(deps, principal, { ...params, ...body }))
