import { $add, $get, executeTransactWrite, GetItemCommand, PutItemCommand, PutTransaction, UpdateItemCommand, UpdateTransaction } from 'dynamodb-toolbox'
import type { BindingRequest } from '../../../contracts/identity'
import type { Role, PlaceType } from '../../../contracts/common'
import { DomainError } from '../domain/shared/errors'
import type { IdentityStore, StoredGrant } from '../domain/identity/ports'
import { bindingQueue, demoIdentities, grantsAtPlace, grantsInBuilding, userPartition } from './accessPatterns'
import {
  BindingRequestEntity,
  DemoIdentityEntity,
  HouseholdEntity,
  MembershipEntity,
  OpenIdEntity,
  RoleGrantEntity,
  UserEntity,
  type BindingRequestItem,
  type RoleGrantItem,
} from './entities'
import { conditionFailed, failedConditions } from './transactions'

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
      user: {
        userId: profile.userId,
        displayName: profile.displayName,
        ...(profile.phone ? { phone: profile.phone } : {}),
        ...(profile.photoUrl ? { photoUrl: profile.photoUrl } : {}),
      },
      grants: Items.flatMap((i) => (i.entity === 'RoleGrant' ? [toGrant(i)] : [])),
      memberships: Items.flatMap((i) =>
        i.entity === 'Membership'
          ? [{ userId: i.userId, householdId: i.householdId, buildingId: i.buildingId, buildingName: i.buildingName, unit: i.unit, room: i.room }]
          : [],
      ),
      bindingRequests: Items.flatMap((i) => (i.entity === 'BindingRequest' ? [toRequest(i)] : [])),
      ...(profile.openid ? { openid: profile.openid } : {}),
    }
  },
  async getUser(userId) {
    const { Item } = await UserEntity.build(GetItemCommand).key({ userId }).send()
    return (
      Item && {
        userId: Item.userId,
        displayName: Item.displayName,
        ...(Item.phone ? { phone: Item.phone } : {}),
        ...(Item.photoUrl ? { photoUrl: Item.photoUrl } : {}),
      }
    )
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
    return Items.sort((a, b) => a.order - b.order).map((i) => ({ key: i.key, label: i.label, roles: i.roles as Role[] }))
  },
  async putDemoIdentity(identity) {
    await DemoIdentityEntity.build(PutItemCommand).item(identity).send()
  },

  async getBindingRequest(userId, householdId) {
    const { Item } = await BindingRequestEntity.build(GetItemCommand).key({ userId, householdId }).options({ consistent: true }).send()
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
    } catch (error) {
      if (!conditionFailed(error)) throw error
      const existing = await this.getBindingRequest(request.userId, request.householdId)
      throw new DomainError(existing?.status === 'approved' ? 'binding.alreadyMember' : 'binding.alreadyPending')
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
      if (failedConditions(error)?.includes(0)) throw new DomainError('binding.notPending')
      throw error
    }
    return decided
  },
  async refuseBinding(request, decidedBy, at, reason) {
    const decided: BindingRequest = { ...request, status: 'refused', decidedAt: at, decidedBy, reason }
    try {
      await BindingRequestEntity.build(PutItemCommand)
        .item(requestItem(decided))
        .options({ condition: { attr: 'status', eq: 'pending' } })
        .send()
    } catch (error) {
      if (conditionFailed(error)) throw new DomainError('binding.notPending')
      throw error
    }
    return decided
  },
  async bindingQueue(buildingId, status) {
    const { Items = [] } = await bindingQueue.query({ buildingId, status }).send()
    return Items.map(toRequest)
  },
  async isMember(userId, householdId) {
    const { Item } = await MembershipEntity.build(GetItemCommand).key({ userId, householdId }).options({ consistent: true }).send()
    return Item !== undefined
  },
  async setRepresentative(householdId, userId) {
    await HouseholdEntity.build(UpdateItemCommand)
      .item({ householdId, representativeUserId: userId })
      .options({ condition: { attr: 'householdId', exists: true } })
      .send()
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
