import { renamePlace as contract } from '../../../../contracts/structure'
import { renamePlace } from '../../domain/structure/createPlaces'
import { route } from '../../http/router'

export default route(contract, ({ params, body }, { deps, principal }) => renamePlace(deps, principal, { ...params, ...body }))
