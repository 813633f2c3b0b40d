import { View, Text } from '@tarojs/components'
import type { Wish } from '@contracts/microWishes'
import { Button } from '../../../../components/ui/Button'
import { ModerationNote } from '../../../../components/moderation'
import { PhotoList } from '../../../../components/photos'
import { formatTime } from '../../../../lib/time'
import { dial } from '../../../../services/phone'
import { ReportLink, type WishReport } from './Report'

/** For the claimant only, while the claim runs: how to reach the resident (or the grid worker who posted for them), and by when. */
export function ContactPart({ wish }: { wish: Wish }) {
  const c = wish.contact
  if (!c) return null
  return (
    <View className="card wish-contact">
      <View className="card__title">
        <Text className="card__title-text">{c.via === 'gridWorker' ? '请联系网格员' : '请联系居民'}</Text>
      </View>
      <Text className="wish-contact__name wish-contact-name">
        {c.name}
        {c.via === 'gridWorker' ? '（网格员）' : ''}
      </Text>
      <Text className="wish-contact__line wish-contact-address">地址：{c.address}</Text>
      {c.note && <Text className="wish-contact__line muted">{c.note}</Text>}
      {wish.claim && (
        <Text className="wish-contact__line wish-deadline">请在 {formatTime(wish.claim.deadline)} 前完成</Text>
      )}
      {c.phone ? (
        <Button block className="wish-call" label={`拨打${c.name}的电话`} onClick={() => void dial(c.phone!)}>
          拨打电话 {c.phone}
        </Button>
      ) : (
        <Text className="muted">未登记电话，请上门联系</Text>
      )}
      <Text className="muted wish-contact__privacy">联系方式只有您能看到，请勿外传。</Text>
    </View>
  )
}

/** Who claimed it and by when; how it was fulfilled, confirmed and thanked; the points paid. */
export function ClaimPart({ wish }: { wish: Wish }) {
  if (!wish.claim) return null
  return (
    <View className="card wish-claim">
      <View className="card__title">
        <Text className="card__title-text">认领情况</Text>
      </View>
      <View className="row">
        <View className="row__main">
          <Text className="row__title wish-claimant">
            {wish.claim.claimantName}
            {wish.claim.unitName ? `（${wish.claim.unitName}）` : ''}
          </Text>
          <Text className="row__sub">
            {formatTime(wish.claim.claimedAt)} 认领
            {wish.status === 'claimed' ? `，${formatTime(wish.claim.deadline)} 前完成` : ''}
          </Text>
        </View>
      </View>
    </View>
  )
}

/** The report of delivery, the confirmation, the thank-you (感谢信) and the points; 举报 on what others wrote. */
export function FulfilmentPart({ wish, r }: { wish: Wish; r: WishReport }) {
  const f = wish.fulfilment
  const thanks = wish.thanks && !r.isGone(r.keys.thanks) ? wish.thanks : undefined
  const note = f?.note && !r.isGone(r.keys.fulfilment) ? f.note : ''
  if (!f && !thanks && !wish.credit) return null
  return (
    <View className="card wish-fulfilment">
      <View className="card__title">
        <Text className="card__title-text">实现情况</Text>
      </View>
      {f && (
        <View>
          {note && <Text className="wish-fulfilment__note wish-fulfilment-note">{note}</Text>}
          <ModerationNote moderation={f.moderation} className="wish-fulfilment-moderation" />
          <PhotoList
            photos={r.photos(f.photos)}
            className="wish-fulfilment-photo"
            onReport={r.onPhoto(wish.iClaimed)}
          />
          {note && !wish.iClaimed && !f.moderation && (
            <ReportLink
              className="wish-fulfilment-report"
              label="举报送达说明"
              onClick={() => r.open(r.keys.fulfilment, '送达说明')}
            />
          )}
          <Text className="muted">
            {formatTime(f.at)} 送达
            {wish.status === 'fulfilled' ? `；无人确认也无异议的，将于 ${formatTime(f.autoConfirmAt)} 自动确认` : ''}
          </Text>
        </View>
      )}
      {wish.confirmation && (
        <Text className="wish-fulfilment__line wish-confirmed">
          {wish.confirmation.auto ? '到期自动确认已实现' : `${wish.confirmation.byName} 确认收到`} ·{' '}
          {formatTime(wish.confirmation.at)}
        </Text>
      )}
      {thanks && (
        <View className="wish-thanks">
          <Text className="wish-thanks__label">感谢信</Text>
          <Text className="wish-thanks__text wish-thanks-text">{thanks.text}</Text>
          <ModerationNote moderation={thanks.moderation} className="wish-thanks-moderation" />
          {thanks.text && !wish.iPosted && !thanks.moderation && (
            <ReportLink
              className="wish-thanks-report"
              label="举报这封感谢信"
              onClick={() => r.open(r.keys.thanks, '感谢信')}
            />
          )}
        </View>
      )}
      {wish.credit && (
        <Text className={`wish-fulfilment__line wish-credit ${wish.credit.pending ? 'is-pending' : ''}`}>
          {wish.credit.pending
            ? `${wish.credit.amount} 积分待发放（社区积分预算补足后自动发放）`
            : `认领人已获得 ${wish.credit.amount} 积分`}
        </Text>
      )}
    </View>
  )
}

/** What the poster, the household and the staff see: the address, the reasons, the dispute; the staff also the check. */
export function StaffPart({ wish }: { wish: Wish }) {
  const v = wish.vetting
  if (!wish.address && !wish.returnNote && !wish.refusedReason && !wish.dispute && !v) return null
  return (
    <View className="card wish-private">
      <View className="card__title">
        <Text className="card__title-text">仅相关人员可见</Text>
      </View>
      {wish.onBehalfOf && <Text className="wish-private__line">代 {wish.onBehalfOf} 发布</Text>}
      {wish.address && <Text className="wish-private__line wish-address">房屋：{wish.address}</Text>}
      {wish.returnNote && <Text className="alert wish-return-note">退回修改：{wish.returnNote}</Text>}
      {wish.refusedReason && (
        <Text className="alert alert--grey wish-refused-reason">未予发布：{wish.refusedReason}</Text>
      )}
      {wish.dispute && <Text className="alert alert--warning wish-dispute">居民异议：{wish.dispute.reason}</Text>}
      {v && (
        <View className="wish-vetting">
          <Text className="wish-private__line">
            核实：{v.methodLabel} · {v.byName} · {formatTime(v.at)}
          </Text>
          <Text className="wish-private__line wish-vetting-note">{v.note}</Text>
          <Text className="wish-private__line wish-hardship">困难类别（不公开）：{v.hardshipLabel}</Text>
        </View>
      )}
    </View>
  )
}
