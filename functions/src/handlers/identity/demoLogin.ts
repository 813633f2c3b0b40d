import { demoLogin as contract } from '../../../../contracts/identity'
import { demoLogin } from '../../domain/identity/login'
import { route } from '../../http/router'

export default route(contract, ({ body }, { deps }) => demoLogin(deps, body))
