import { Entity, GetItemCommand, item, PutItemCommand, string } from 'dynamodb-toolbox'
import { DeliberationSettings } from '../../../../contracts/deliberation'
import type { DeliberationSettingsStore } from '../../domain/deliberation/ports'
import { placeKeys } from '../structure/places'
import { GridLinkTable as table } from '../table'
import { parseStored } from '../transactions'

/** A community's 六议六不议 lists and rules of procedure, in the community's partition. */
export const DeliberationSettingsEntity = new Entity({
  name: 'DeliberationSettings',
  table,
  schema: item({ communityId: string().key(), settingsJson: string() }),
  computeKey: ({ communityId }) => ({ pk: placeKeys.community(communityId), sk: 'DELIBERATION' }),
})

export const dynamoDeliberationSettingsStore: DeliberationSettingsStore = {
  async get(communityId) {
    const { Item } = await DeliberationSettingsEntity.build(GetItemCommand).key({ communityId }).send()
    return Item && parseStored(DeliberationSettings, Item.settingsJson, `deliberation settings of ${communityId}`)
  },
  async put(communityId, settings) {
    await DeliberationSettingsEntity.build(PutItemCommand)
      .item({ communityId, settingsJson: JSON.stringify(settings) })
      .send()
  },
}
