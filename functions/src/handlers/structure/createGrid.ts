import { createGrid as contract } from '../../../../contracts/structure'
import { createGrid } from '../../domain/structure/manageGrids'
import { route } from '../../http/router'

export default route(contract, ({ params, body }, { deps, principal }) => createGrid(deps, principal, { ...params, ...body }))
