import { View, Text } from '@tarojs/components'
import type { Wish } from '@contracts/microWishes'
import { ModerationNote } from '../../../../components/moderation'
import { PhotoList } from '../../../../components/photos'
import { StatusBadge, wantedByText } from '../../components/wish'
import { ReportLink, type WishReport } from './Report'

/** What is wished, for whom (姓** and the building), by when, and the points the fulfiller earns; 举报 for the others. */
export function Head({ wish, r }: { wish: Wish; r: WishReport }) {
  const photos = r.photos(wish.photos)
  const withheld = (wish.photosWithheld ?? 0) + wish.photos.length - photos.length
  return (
    <View className="card wish-head">
      <View className="wish-head__top">
        <StatusBadge status={wish.status} label={wish.statusLabel} className="wish-status" />
        <Text className="badge badge--grey wish-category">{wish.categoryName}</Text>
      </View>
      <Text className="wish-head__title wish-title">{wish.title}</Text>
      <ModerationNote moderation={wish.moderation} className="wish-moderation" />
      <Text className="wish-head__who wish-who">
        {wish.buildingName} · {wish.maskedName}
        {wish.byGridWorker ? '（网格员代发）' : ''}
      </Text>
      <View className="wish-head__facts">
        <Text className="wish-wanted-by">{wantedByText(wish.wantedBy)}</Text>
        {wish.points !== undefined && (
          <Text className="wish-points">
            {wish.status === 'confirmed' ? `${wish.points} 积分` : `实现可得 ${wish.points} 积分`}
          </Text>
        )}
      </View>
      <Text className="wish-head__text wish-text">{wish.text}</Text>
      <PhotoList photos={photos} className="wish-photo" onReport={r.onPhoto(wish.iPosted)} />
      {withheld > 0 && <Text className="muted wish-photos-withheld">另有 {withheld} 张照片在审核中或已隐藏</Text>}
      {!wish.iPosted && !wish.moderation && (
        <ReportLink className="wish-report" label="举报这个心愿的内容" onClick={() => r.open(r.keys.body, '心愿')} />
      )}
    </View>
  )
}
