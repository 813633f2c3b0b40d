import { createCompound as contract } from '../../../../contracts/structure'
import { createCompound } from '../../domain/structure/createPlaces'
import { route } from '../../http/router'

export default route(contract, ({ params, body }, { deps, principal }) => createCompound(deps, principal, { ...params, ...body }))
