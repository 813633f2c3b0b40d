import Taro from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import type { WallCard, WishStatus, WishSummary } from '@contracts/microWishes'
import { a11y, hidden } from '../../../lib/a11y'
import { beijingDate, formatDate, formatTime } from '../../../lib/time'
import { PAGES, withQuery } from '../../../services/nav'
import './wishes.scss'

/** How each status looks: green once fulfilled, orange while something waits, grey when it ended without. */
const tone: Record<WishStatus, string> = {
  awaitingVetting: 'orange',
  returned: 'orange',
  refused: 'grey',
  published: 'soft',
  claimed: 'soft',
  fulfilled: 'orange',
  disputed: 'orange',
  confirmed: 'green',
  withdrawn: 'grey',
}

export function StatusBadge({
  status,
  label,
  className = '',
}: {
  status: WishStatus
  label: string
  className?: string
}) {
  return <Text className={`badge badge--${tone[status]} wish-badge ${className}`}>{label}</Text>
}

export const openWish = (wishId: string) => void Taro.navigateTo({ url: withQuery(PAGES.wish, { wishId }) })

/** 期望 11月30日前: the day a wish is wanted by, without the year when it is this year's. */
export const wantedByText = (date: string) => `期望 ${formatDate(date).replace(`${beijingDate().slice(0, 4)}年`, '')}前`

/** A wish on the wall: its photo, title, where and for whom (姓**), by when, and the points it earns; once fulfilled, the thanks. */
export function WallCardView({ card }: { card: WallCard }) {
  const done = card.status === 'confirmed'
  return (
    <View
      className={`card wall-card ${done ? 'wall-card--done' : ''}`}
      data-wish-id={card.wishId}
      {...a11y('link', {
        label: `${card.title}，${card.buildingName}${card.maskedName}，${done ? '已实现' : `${card.points}积分`}`,
      })}
      onClick={() => openWish(card.wishId)}
    >
      {card.photo ? (
        <Image className="wall-card__photo" src={card.photo.url} mode="aspectFill" />
      ) : (
        <View className="wall-card__photo wall-card__photo--none" {...hidden()}>
          <Text>心愿</Text>
        </View>
      )}
      <View className="wall-card__body">
        <Text className="wall-card__title">{card.title}</Text>
        <Text className="wall-card__meta">
          {card.buildingName} · {card.maskedName}
          {card.byGridWorker ? '（网格员代发）' : ''}
        </Text>
        {done ? (
          <View>
            <Text className="wall-card__done">
              已实现
              {card.claimantName ? ` · ${card.claimantName}${card.claimantUnit ? `（${card.claimantUnit}）` : ''}` : ''}
            </Text>
            {card.thanks && <Text className="wall-card__thanks">感谢信：{card.thanks}</Text>}
          </View>
        ) : (
          <View className="wall-card__foot">
            <Text className="wall-card__wanted">{wantedByText(card.wantedBy)}</Text>
            <Text className="wall-card__points">{card.points} 积分</Text>
          </View>
        )}
      </View>
    </View>
  )
}

/** A wish in one's own list (我的心愿, the queue): title, status, where, and what it waits for. */
export function WishRow({ wish, className = '' }: { wish: WishSummary; className?: string }) {
  return (
    <View
      className={`row wish-row ${className}`}
      data-wish-id={wish.wishId}
      {...a11y('link', { label: `${wish.title}，${wish.statusLabel}` })}
      onClick={() => openWish(wish.wishId)}
    >
      <View className="row__main">
        <Text className="row__title wish-row__title">{wish.title}</Text>
        <Text className="row__sub">
          {wish.buildingName} · {wish.maskedName} · {wantedByText(wish.wantedBy)}
          {wish.deadline
            ? ` · ${wish.status === 'claimed' ? '完成期限' : '自动确认'} ${formatTime(wish.deadline)}`
            : ''}
        </Text>
        <StatusBadge status={wish.status} label={wish.statusLabel} className="wish-row__status" />
      </View>
      <Text className="row__arrow" {...hidden()}>
        ›
      </Text>
    </View>
  )
}
