import { Entity, GetItemCommand, item, PutItemCommand, string } from 'dynamodb-toolbox'
import { WishSettings } from '../../../../contracts/microWishes'
import type { WishSettingsStore } from '../../domain/microWishes/ports'
import { placeKeys } from '../structure/places'
import { GridLinkTable as table } from '../table'
import { parseStored } from '../transactions'

/** A community's rules for wishes, in the community's partition. */
export const WishSettingsEntity = new Entity({
  name: 'WishSettings',
  table,
  schema: item({ communityId: string().key(), settingsJson: string() }),
  computeKey: ({ communityId }) => ({ pk: placeKeys.community(communityId), sk: 'WISHSETTINGS' }),
})

export const dynamoWishSettingsStore: WishSettingsStore = {
  async get(communityId) {
    const { Item } = await WishSettingsEntity.build(GetItemCommand).key({ communityId }).send()
    return Item && parseStored(WishSettings, Item.settingsJson, `wish settings of ${communityId}`)
  },
  async put(communityId, settings) {
    await WishSettingsEntity.build(PutItemCommand)
      .item({ communityId, settingsJson: JSON.stringify(settings) })
      .send()
  },
}
