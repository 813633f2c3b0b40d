import {
  $add,
  $get,
  executeTransactWrite,
  GetItemCommand,
  PutItemCommand,
  PutTransaction,
  UpdateItemCommand,
  UpdateTransaction,
} from 'dynamodb-toolbox'
import type { BindingRequest } from '../../../../contracts/identity'
import type { Role, PlaceType } from '../../../../contracts/common'
import type { IdentityStore, StoredGrant, UserProfile } from '../../domain/identity/ports'
import { done, refused } from '../../domain/shared/outcome'
import { batchGet } from '../batch'
import { HouseholdEntity } from '../structure/places'
import { conditionFailed, failedConditions } from '../transactions'
import { DemoIdentityEntity, demoIdentities } from './demo'
import {
  BindingRequestEntity,
  bindingQueue,
  grantsAtPlace,
  grantsInBuilding,
  MembershipEntity,
  OpenIdEntity,
  RoleGrantEntity,
  UserEntity,
  userPartition,
  type BindingRequestItem,
  type RoleGrantItem,
} from './users'

const toRequest = (i: BindingRequestItem): BindingRequest => ({
  requestId: `${i.userId}-${i.householdId}`,
  userId: i.userId,
  userName: i.userName,
  householdId: i.householdId,
  buildingId: i.buildingId,
  buildingName: i.buildingName,
  unit: i.unit,
  room: i.room,
  ...(i.note ? { note: i.note } : {}),
  status: i.status,
  createdAt: i.createdAt,
  ...(i.decidedAt ? { decidedAt: i.decidedAt } : {}),
  ...(i.decidedBy ? { decidedBy: i.decidedBy } : {}),
  ...(i.reason ? { reason: i.reason } : {}),
})

const toGrant = (g: RoleGrantItem): StoredGrant => ({
  userId: g.userId,
  role: g.role as Role,
  placeType: g.placeType as PlaceType,
  placeId: g.placeId,
  placeName: g.placeName,
  placePath: g.placePath,
  ...(g.buildingId ? { buildingId: g.buildingId } : {}),
})

const toProfile = (i: {
  userId: string
  displayName: string
  phone?: string
  photoUrl?: string
  avatarKey?: string
  nicknameSet?: boolean
}): UserProfile => ({
  userId: i.userId,
  displayName: i.displayName,
  ...(i.phone ? { phone: i.phone } : {}),
  ...(i.photoUrl ? { photoUrl: i.photoUrl } : {}),
  ...(i.avatarKey ? { avatarKey: i.avatarKey } : {}),
  ...(i.nicknameSet ? { nicknameSet: true } : {}),
})

const requestItem = (r: BindingRequest) => {
  const { requestId: _id, ...rest } = r
  return rest
}

export const dynamoIdentityStore: IdentityStore = {
  async loadUser(userId) {
    const { Items = [] } = await userPartition.query(userId).send()
    const profile = Items.find((i) => i.entity === 'User')
    if (!profile || profile.entity !== 'User') return undefined
    return {
      user: toProfile(profile),
      grants: Items.flatMap((i) => (i.entity === 'RoleGrant' ? [toGrant(i)] : [])),
      memberships: Items.flatMap((i) =>
        i.entity === 'Membership'
          ? [
              {
                userId: i.userId,
                householdId: i.householdId,
                buildingId: i.buildingId,
                buildingName: i.buildingName,
                unit: i.unit,
                room: i.room,
              },
            ]
          : [],
      ),
      bindingRequests: Items.flatMap((i) => (i.entity === 'BindingRequest' ? [toRequest(i)] : [])),
      ...(profile.openid ? { openid: profile.openid } : {}),
    }
  },
  async getUser(userId) {
    const { Item } = await UserEntity.build(GetItemCommand).key({ userId }).send()
    return Item && toProfile(Item)
  },
  async updateProfile(userId, change) {
    await UserEntity.build(UpdateItemCommand)
      .item({
        userId,
        ...(change.displayName !== undefined ? { displayName: change.displayName, nicknameSet: true } : {}),
        ...(change.avatarKey !== undefined ? { avatarKey: change.avatarKey } : {}),
      })
      .options({ condition: { attr: 'userId', exists: true } })
      .send()
  },
  async getUsers(userIds) {
    if (userIds.length === 0) return []
    return (
      await batchGet(
        UserEntity,
        userIds.map((userId) => ({ userId })),
      )
    ).flatMap((i) => (i ? [toProfile(i)] : []))
  },
  async findUserIdByOpenid(openid) {
    const { Item } = await OpenIdEntity.build(GetItemCommand).key({ openid }).options({ consistent: true }).send()
    return Item?.userId
  },
  async createUserForOpenid(user) {
    try {
      await executeTransactWrite(
        OpenIdEntity.build(PutTransaction)
          .item({ openid: user.openid, userId: user.userId })
          .options({ condition: { attr: 'userId', exists: false } }),
        UserEntity.build(PutTransaction)
          .item(user)
          .options({ condition: { attr: 'userId', exists: false } }),
      )
      return user.userId
    } catch (error) {
      if (failedConditions(error)?.includes(0)) {
        const existing = await this.findUserIdByOpenid(user.openid)
        if (existing) return existing
      }
      throw error
    }
  },
  async getDemoIdentity(key) {
    const { Item } = await DemoIdentityEntity.build(GetItemCommand).key({ key }).send()
    return Item && { key: Item.key, label: Item.label, roles: Item.roles as Role[], userId: Item.userId }
  },
  async listDemoIdentities() {
    const { Items = [] } = await demoIdentities.query('').send()
    return Items.sort((a, b) => a.order - b.order).map((i) => ({
      key: i.key,
      label: i.label,
      roles: i.roles as Role[],
    }))
  },
  async putDemoIdentity(identity) {
    await DemoIdentityEntity.build(PutItemCommand).item(identity).send()
  },

  async getBindingRequest(userId, householdId) {
    const { Item } = await BindingRequestEntity.build(GetItemCommand)
      .key({ userId, householdId })
      .options({ consistent: true })
      .send()
    return Item && toRequest(Item)
  },
  async saveBindingRequest(request) {
    try {
      await BindingRequestEntity.build(PutItemCommand)
        .item(requestItem(request))
        .options({
          condition: {
            or: [
              { attr: 'status', exists: false },
              { attr: 'status', eq: 'refused' },
            ],
          },
        })
        .send()
      return done()
    } catch (error) {
      if (!conditionFailed(error)) throw error
      const existing = await this.getBindingRequest(request.userId, request.householdId)
      return refused(existing?.status === 'approved' ? 'member' : 'pending')
    }
  },
  async approveBinding(request, decidedBy, at) {
    const decided: BindingRequest = { ...request, status: 'approved', decidedAt: at, decidedBy }
    try {
      await executeTransactWrite(
        BindingRequestEntity.build(PutTransaction)
          .item(requestItem(decided))
          .options({ condition: { attr: 'status', eq: 'pending' } }),
        MembershipEntity.build(PutTransaction).item({
          userId: request.userId,
          householdId: request.householdId,
          buildingId: request.buildingId,
          buildingName: request.buildingName,
          unit: request.unit,
          room: request.room,
        }),
        // The first member becomes the representative; a household that has one keeps it.
        HouseholdEntity.build(UpdateTransaction)
          .item({
            householdId: request.householdId,
            representativeUserId: $get('representativeUserId', request.userId),
            memberCount: $add(1),
          })
          .options({ condition: { attr: 'householdId', exists: true } }),
      )
    } catch (error) {
      if (failedConditions(error)?.includes(0)) return refused('notPending')
      throw error
    }
    return done(decided)
  },
  async refuseBinding(request, decidedBy, at, reason) {
    const decided: BindingRequest = { ...request, status: 'refused', decidedAt: at, decidedBy, reason }
    try {
      await BindingRequestEntity.build(PutItemCommand)
        .item(requestItem(decided))
        .options({ condition: { attr: 'status', eq: 'pending' } })
        .send()
    } catch (error) {
      if (conditionFailed(error)) return refused('notPending')
      throw error
    }
    return done(decided)
  },
  async bindingQueue(buildingId, status) {
    const { Items = [] } = await bindingQueue.query({ buildingId, status }).send()
    return Items.map(toRequest)
  },
  async isMember(userId, householdId) {
    const { Item } = await MembershipEntity.build(GetItemCommand)
      .key({ userId, householdId })
      .options({ consistent: true })
      .send()
    return Item !== undefined
  },
  async setRepresentative(householdId, userId) {
    try {
      await HouseholdEntity.build(UpdateItemCommand)
        .item({ householdId, representativeUserId: userId })
        .options({ condition: { attr: 'householdId', exists: true } })
        .send()
      return done()
    } catch (error) {
      if (conditionFailed(error)) return refused('missing')
      throw error
    }
  },
  async putGrant(grant) {
    await RoleGrantEntity.build(PutItemCommand).item(grant).send()
  },
  async grantsAtPlace(placeType, placeId) {
    const { Items = [] } = await grantsAtPlace.query({ placeType, placeId }).send()
    return Items.map(toGrant)
  },
  async grantsInBuilding(buildingId) {
    const { Items = [] } = await grantsInBuilding.query(buildingId).send()
    return Items.map(toGrant)
  },
}
