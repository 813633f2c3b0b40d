import { createStreet as contract } from '../../../../contracts/structure'
import { createStreet } from '../../domain/structure/createPlaces'
import { route } from '../../http/router'

export default route(contract, ({ body }, { deps, principal }) => createStreet(deps, principal, body))
