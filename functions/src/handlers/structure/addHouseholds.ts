import { addHouseholds as contract } from '../../../../contracts/structure'
import { addHouseholds } from '../../domain/structure/createPlaces'
import { route } from '../../http/router'

export default route(contract, ({ params, body }, { deps, principal }) => addHouseholds(deps, principal, { ...params, ...body }))
