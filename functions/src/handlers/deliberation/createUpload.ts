import { createUpload as contract } from '../../../../contracts/deliberation'
import { createUpload } from '../../domain/deliberation/propose'
import { route } from '../../http/router'

export default route(contract, ({ body }, { deps, user, principal }) => createUpload(deps, { user, principal }, body))
