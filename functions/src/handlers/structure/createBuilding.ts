import { createBuilding as contract } from '../../../../contracts/structure'
import { createBuilding } from '../../domain/structure/createPlaces'
import { route } from '../../http/router'

export default route(contract, ({ params, body }, { deps, principal }) => createBuilding(deps, principal, { ...params, ...body }))
