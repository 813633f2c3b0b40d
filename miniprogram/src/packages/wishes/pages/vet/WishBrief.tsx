import { View, Text } from '@tarojs/components'
import type { Wish } from '@contracts/microWishes'
import { PhotoList } from '../../../../components/photos'
import { wantedByText } from '../../components/wish'

/** The wish as posted, with who it is for (the grid worker sees the household), above the form. */
export function WishBrief({ wish }: { wish: Wish }) {
  return (
    <View className="card vet-wish">
      <View className="card__title">
        <Text className="card__title-text vet-wish-title">{wish.title}</Text>
        <Text className="card__hint">{wish.categoryName}</Text>
      </View>
      <Text className="vet-wish__line">
        {wish.onBehalfOf ? `${wish.onBehalfOf}（网格员代发）` : wish.maskedName} · {wish.address ?? wish.buildingName}
      </Text>
      <Text className="vet-wish__line">{wantedByText(wish.wantedBy)}</Text>
      <Text className="vet-wish__text">{wish.text}</Text>
      <PhotoList photos={wish.photos} className="vet-wish-photo" />
      {wish.fulfilment && <Text className="vet-wish__line">认领人报告：{wish.fulfilment.note}</Text>}
      <PhotoList photos={wish.fulfilment?.photos ?? []} className="vet-fulfilment-photo" />
      {wish.dispute && <Text className="alert alert--warning vet-dispute">居民异议：{wish.dispute.reason}</Text>}
    </View>
  )
}
