import { Entity, GetItemCommand, item, PutItemCommand, string } from 'dynamodb-toolbox'
import { VolunteerSettings } from '../../../../contracts/volunteering'
import type { VolunteerSettingsStore } from '../../domain/volunteering/ports'
import { placeKeys } from '../structure/places'
import { GridLinkTable as table } from '../table'
import { parseStored } from '../transactions'

/** A community's crediting rule and expected member count, in the community's partition (`COMM#<id>` / `VOLUNTEERING`). */
export const VolunteerSettingsEntity = new Entity({
  name: 'VolunteerSettings',
  table,
  schema: item({ communityId: string().key(), settingsJson: string() }),
  computeKey: ({ communityId }) => ({ pk: placeKeys.community(communityId), sk: 'VOLUNTEERING' }),
})

export const dynamoVolunteerSettingsStore: VolunteerSettingsStore = {
  async get(communityId) {
    const { Item } = await VolunteerSettingsEntity.build(GetItemCommand).key({ communityId }).send()
    return Item && parseStored(VolunteerSettings, Item.settingsJson, `volunteer settings of ${communityId}`)
  },
  async put(communityId, settings) {
    await VolunteerSettingsEntity.build(PutItemCommand)
      .item({ communityId, settingsJson: JSON.stringify(settings) })
      .send()
  },
}
