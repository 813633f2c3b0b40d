import { printGridCard as contract } from '../../../../contracts/grids'
import { printGridCard } from '../../domain/grids/card'
import { route } from '../../http/router'

export default route(contract, async ({ params }, { deps, principal }) => ({
  binary: await printGridCard(deps, principal, params),
  contentType: 'application/pdf',
  filename: `网格连心服务卡-${params.gridId}.pdf`,
}))
