import type { DemoIdentity, Session } from '../../../../contracts/identity'
import { fail, found } from '../shared/errors'
import type { IdentityDeps } from './ports'

/**
 * WeChat login: the mini-program's wx.login code is exchanged at jscode2session for the openid; the first
 * login of an openid creates the user. The session_key never leaves the WeChat port.
 */
export const loginWithWechat = async (deps: IdentityDeps, input: { code: string }): Promise<Session> => {
  const { openid } = await deps.wechat.exchangeCode(input.code)
  const userId =
    (await deps.identity.findUserIdByOpenid(openid)) ??
    (await deps.identity.createUserForOpenid({ userId: deps.newId(), openid, displayName: '微信用户' }))
  return { userId, ...deps.tokens.issue(userId) }
}

const requireLocal = (deps: IdentityDeps) => {
  if (deps.stage !== 'local') fail('auth.demoDisabled')
}

/** The H5 build has no wx.login; on the local stage a demo identity stands in. Every other stage refuses. */
export const demoLogin = async (deps: IdentityDeps, input: { key: string }): Promise<Session> => {
  requireLocal(deps)
  const identity = found(await deps.identity.getDemoIdentity(input.key), 'auth.demoUnknown')
  return { userId: identity.userId, ...deps.tokens.issue(identity.userId) }
}

export const listDemoIdentities = async (deps: IdentityDeps): Promise<{ identities: DemoIdentity[] }> => {
  requireLocal(deps)
  return { identities: await deps.identity.listDemoIdentities() }
}
