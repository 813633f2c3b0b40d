import { listDemoIdentities as contract } from '../../../../contracts/identity'
import { listDemoIdentities } from '../../domain/identity/login'
import { route } from '../../http/router'

export default route(contract, (_input, { deps }) => listDemoIdentities(deps))
