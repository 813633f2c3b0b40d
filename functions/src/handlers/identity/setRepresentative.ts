import { setRepresentative as contract } from '../../../../contracts/identity'
import { setRepresentative } from '../../domain/identity/bindings'
import { route } from '../../http/router'

export default route(contract, ({ params, body }, { deps, principal }) => setRepresentative(deps, principal, { ...params, ...body }))
