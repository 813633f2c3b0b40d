import { getCommunityStructure as contract } from '../../../../contracts/structure'
import { getCommunityStructure } from '../../domain/structure/createPlaces'
import { route } from '../../http/router'

export default route(contract, ({ params }, { deps, principal }) => getCommunityStructure(deps, principal, params))
