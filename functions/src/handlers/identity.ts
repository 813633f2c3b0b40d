import { identityRoutes } from '../../../contracts/identity'
import {
  decideBinding,
  listBindingRequests,
  listBuildingHouseholds,
  requestBinding,
  setRepresentative,
} from '../domain/identity/bindings'
import { putProfile } from '../domain/identity/profile'
import { demoLogin, listDemoIdentities, loginWithWechat } from '../domain/identity/login'
import { getMe, grantRole } from '../domain/identity/roles'
import { httpHandler, implement } from '../http/router'

export const routes = implement(identityRoutes, {
  login: ({ body }, { deps }) => loginWithWechat(deps, body),
  demoLogin: ({ body }, { deps }) => demoLogin(deps, body),
  listDemoIdentities: (_, { deps }) => listDemoIdentities(deps),
  getMe: (_, { deps, user }) => getMe(deps, user),
  putProfile: ({ body }, ctx) => putProfile(ctx.deps, ctx, body),
  listBuildingHouseholds: ({ params }, { deps }) => listBuildingHouseholds(deps, params),
  requestBinding: ({ body }, { deps, user }) => requestBinding(deps, user, body),
  listBindingRequests: ({ query }, { deps, principal }) => listBindingRequests(deps, principal, query),
  decideBinding: ({ params, body }, { deps, principal }) => decideBinding(deps, principal, { ...params, ...body }),
  setRepresentative: ({ params, body }, { deps, principal }) =>
    setRepresentative(deps, principal, { ...params, ...body }),
  grantRole: ({ body }, { deps, principal }) => grantRole(deps, principal, body),
})
export const handler = httpHandler(routes)
