import { httpHandler } from '../../http/router'
import decideBinding from './decideBinding'
import demoLogin from './demoLogin'
import getMe from './getMe'
import grantRole from './grantRole'
import listBindingRequests from './listBindingRequests'
import listDemoIdentities from './listDemoIdentities'
import login from './login'
import requestBinding from './requestBinding'
import setRepresentative from './setRepresentative'

export const routes = [login, demoLogin, listDemoIdentities, getMe, requestBinding, listBindingRequests, decideBinding, setRepresentative, grantRole]
export const handler = httpHandler(routes)
