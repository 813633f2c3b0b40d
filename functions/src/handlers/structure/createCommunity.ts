import { createCommunity as contract } from '../../../../contracts/structure'
import { createCommunity } from '../../domain/structure/createPlaces'
import { route } from '../../http/router'

export default route(contract, ({ params, body }, { deps, principal }) => createCommunity(deps, principal, { ...params, ...body }))
