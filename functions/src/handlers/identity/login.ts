import { login } from '../../../../contracts/identity'
import { loginWithWechat } from '../../domain/identity/login'
import { route } from '../../http/router'

export default route(login, ({ body }, { deps }) => loginWithWechat(deps, body))
