import { putDeliberationSettings as contract } from '../../../../contracts/deliberation'
import { putSettings } from '../../domain/deliberation/propose'
import { route } from '../../http/router'

export default route(contract, ({ params, body }, { deps, user, principal }) =>
  putSettings(deps, { user, principal }, { communityId: params.communityId, settings: body }),
)
