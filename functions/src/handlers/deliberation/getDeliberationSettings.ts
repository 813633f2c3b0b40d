import { getDeliberationSettings as contract } from '../../../../contracts/deliberation'
import { getSettings } from '../../domain/deliberation/propose'
import { route } from '../../http/router'

export default route(contract, ({ params }, { deps }) => getSettings(deps, params))
