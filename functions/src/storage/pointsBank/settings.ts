import { Entity, GetItemCommand, item, PutItemCommand, string } from 'dynamodb-toolbox'
import { CheckReport, PointsSettings } from '../../../../contracts/pointsBank'
import type { CheckStore, PointsSettingsStore } from '../../domain/pointsBank/ports'
import { placeKeys } from '../structure/places'
import { GridLinkTable as table } from '../table'
import { parseStored } from '../transactions'

/** A community's points settings (earning rules, expiry) and its latest check report, in the community's partition. */
export const pointsCommunityKeys = { community: placeKeys.community, settings: 'POINTS', check: 'POINTSCHECK' }
const k = pointsCommunityKeys

export const PointsSettingsEntity = new Entity({
  name: 'PointsSettings',
  table,
  schema: item({ communityId: string().key(), json: string() }),
  computeKey: ({ communityId }) => ({ pk: k.community(communityId), sk: k.settings }),
})

export const PointsCheckEntity = new Entity({
  name: 'PointsCheck',
  table,
  schema: item({ communityId: string().key(), checkedAt: string(), json: string() }),
  computeKey: ({ communityId }) => ({ pk: k.community(communityId), sk: k.check }),
})

export const dynamoPointsSettingsStore: PointsSettingsStore = {
  async get(communityId) {
    const { Item } = await PointsSettingsEntity.build(GetItemCommand).key({ communityId }).send()
    return Item && parseStored(PointsSettings, Item.json, `points settings of ${communityId}`)
  },
  async put(communityId, settings) {
    await PointsSettingsEntity.build(PutItemCommand)
      .item({ communityId, json: JSON.stringify(settings) })
      .send()
  },
}

export const dynamoCheckStore: CheckStore = {
  async latest(communityId) {
    const { Item } = await PointsCheckEntity.build(GetItemCommand).key({ communityId }).send()
    return Item && parseStored(CheckReport, Item.json, `points check of ${communityId}`)
  },
  async put(report) {
    await PointsCheckEntity.build(PutItemCommand)
      .item({ communityId: report.communityId, checkedAt: report.checkedAt, json: JSON.stringify(report) })
      .send()
  },
}
