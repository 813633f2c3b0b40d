import type { BindingRequest, DemoIdentity } from '../../../../contracts/identity'
import type { Role, PlaceType } from '../../../../contracts/common'
import type { Outcome } from '../shared/outcome'
import type { Grant } from '../shared/places'
import type { StructureStore } from '../structure/ports'

export interface UserProfile {
  userId: string
  displayName: string
  phone?: string
  photoUrl?: string
  /** The avatar the user chose (头像昵称填写), a photo key of theirs. */
  avatarKey?: string
  /** Set once they chose a nickname: until then they are 微信用户. */
  nicknameSet?: boolean
}

export interface StoredGrant extends Grant {
  userId: string
  buildingId?: string
}

export interface Membership {
  userId: string
  householdId: string
  buildingId: string
  buildingName: string
  unit: string
  room: string
}

/** Everything about one user that a request needs, read in one Query of the user's partition. */
export interface LoadedUser {
  user: UserProfile
  grants: StoredGrant[]
  memberships: Membership[]
  bindingRequests: BindingRequest[]
  /** The WeChat openid the user logs in with (server-side only: subscribe messages are addressed to it). */
  openid?: string
}

export interface IdentityStore {
  loadUser(userId: string): Promise<LoadedUser | undefined>
  getUser(userId: string): Promise<UserProfile | undefined>
  /** Sets the nickname (as the display name) and/or the avatar. */
  updateProfile(userId: string, change: { displayName?: string; avatarKey?: string }): Promise<void>
  /** Several users in one read (those missing are left out). */
  getUsers(userIds: string[]): Promise<UserProfile[]>
  findUserIdByOpenid(openid: string): Promise<string | undefined>
  /** Creates the user for a first login; if another login for the same openid won the race, returns that user's id. */
  createUserForOpenid(user: UserProfile & { openid: string }): Promise<string>
  getDemoIdentity(key: string): Promise<(DemoIdentity & { userId: string }) | undefined>
  listDemoIdentities(): Promise<DemoIdentity[]>
  putDemoIdentity(identity: DemoIdentity & { userId: string; order: number }): Promise<void>

  getBindingRequest(userId: string, householdId: string): Promise<BindingRequest | undefined>
  /** Saves a new request; a refused one may be asked again. Refused `pending` (already asked) or `member` (already bound). */
  saveBindingRequest(request: BindingRequest): Promise<Outcome<'pending' | 'member'>>
  /** Approves, binds the member and makes them representative if the household has none: one transaction. */
  approveBinding(request: BindingRequest, decidedBy: string, at: string): Promise<Outcome<'notPending', BindingRequest>>
  refuseBinding(
    request: BindingRequest,
    decidedBy: string,
    at: string,
    reason: string,
  ): Promise<Outcome<'notPending', BindingRequest>>
  bindingQueue(buildingId: string, status: BindingRequest['status']): Promise<BindingRequest[]>
  isMember(userId: string, householdId: string): Promise<boolean>
  /** Sets the representative of an existing household (refused `missing` otherwise). */
  setRepresentative(householdId: string, userId: string): Promise<Outcome<'missing'>>

  putGrant(grant: StoredGrant): Promise<void>
  grantsAtPlace(placeType: PlaceType, placeId: string): Promise<StoredGrant[]>
  grantsInBuilding(buildingId: string): Promise<StoredGrant[]>
}

export interface WechatSessionPort {
  /** jscode2session: the openid for a wx.login code. The session_key it also returns stays inside this port. */
  exchangeCode(code: string): Promise<{ openid: string }>
}

export interface TokenIssuer {
  issue(userId: string): { token: string; expiresAt: string }
}

export interface IdentityDeps {
  identity: IdentityStore
  structure: StructureStore
  wechat: WechatSessionPort
  tokens: TokenIssuer
  stage: string
  newId: () => string
  now: () => Date
}

export type { Role }
