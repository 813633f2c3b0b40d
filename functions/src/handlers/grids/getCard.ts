import { getCard } from '../../../../contracts/grids'
import { getPublicCard } from '../../domain/grids/card'
import { route } from '../../http/router'

export default route(getCard, ({ params }, { deps }) => getPublicCard(deps, params))
