import { reviewQueue as contract } from '../../../../contracts/deliberation'
import { reviewQueue } from '../../domain/deliberation/review'
import { summary } from '../../domain/deliberation/view'
import { route } from '../../http/router'

export default route(contract, async ({ params }, { deps, user, principal }) => ({
  items: (await reviewQueue(deps, { user, principal }, params)).map(summary),
}))
