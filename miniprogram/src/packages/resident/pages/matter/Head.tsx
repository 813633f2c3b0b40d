import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { Matter } from '@contracts/deliberation'
import { statusLabels, triageLabels } from '@contracts/deliberation'
import { PhotoList } from '../../../../components/photos'
import { statusTone } from '../../../../components/matter'
import { formatTime } from '../../../../lib/time'
import { Steps } from './Steps'
import { ModerationNote, ReportSheet, useReport } from '../../../../components/moderation'
import { contentKeys } from '../../../../services/api/moderation'
import { getSession } from '../../../../services/session'

export const partyKinds = { property: '物业', community: '社区', department: '职能部门' } as const

export function MetaRow({ label, value, className }: { label: string; value: string; className: string }) {
  return (
    <View className={`meta__row ${className}`}>
      <Text className="meta__label">{label}</Text>
      <Text className="meta__value">{value}</Text>
    </View>
  )
}

/** The matter itself: title and state, the five steps, who proposed what for where, the text and photos, and a note from the committee or the reason it closed. */
export function Head({ matter }: { matter: Matter }) {
  // 举报 a photo: one reported enough is hidden at once on this page.
  const [gone, setGone] = useState<string[]>([])
  const report = useReport((key) => setGone((all) => [...all, key]))
  const photos = matter.photos.filter((p) => !gone.includes(contentKeys.photo(p.key)))
  const withheld = (matter.photosWithheld ?? 0) + matter.photos.length - photos.length
  return (
    <View className="card matter-head">
      <ModerationNote moderation={matter.moderation} className="matter-moderation" />
      <View className="matter-head__top">
        <Text className="matter-head__title matter-title">{matter.title}</Text>
        <Text className={`badge badge--${statusTone(matter.status)} matter-status`}>{statusLabels[matter.status]}</Text>
      </View>
      <Steps matter={matter} />
      <View className="meta">
        <MetaRow label="范围" value={matter.scope.name} className="matter-scope" />
        <MetaRow label="类别" value={matter.categoryName} className="matter-category" />
        <MetaRow
          label="提议人"
          value={`${matter.proposerName} · ${formatTime(matter.createdAt)}`}
          className="matter-proposer"
        />
        {matter.triage && <MetaRow label="分流" value={triageLabels[matter.triage]} className="matter-triage" />}
        {matter.responsibleParty && (
          <MetaRow
            label="责任方"
            value={`${partyKinds[matter.responsibleParty.kind]} · ${matter.responsibleParty.name}`}
            className="matter-responsible"
          />
        )}
        {matter.status === 'seconding' && (
          <MetaRow
            label="附议"
            value={`${matter.secondsCount}/${matter.secondsNeeded} 人${matter.iSeconded ? '（您已附议）' : ''}`}
            className="matter-seconds"
          />
        )}
      </View>
      <Text className="matter-head__text matter-text">{matter.text}</Text>
      <PhotoList
        photos={photos}
        className="matter-photo"
        onReport={
          matter.proposerId === getSession()?.userId
            ? undefined
            : (key) =>
                report.open({
                  subject: { kind: 'matter', id: matter.matterId },
                  contentKey: contentKeys.photo(key),
                  what: '照片',
                })
        }
      />
      {withheld > 0 && <Text className="matter-photos-withheld">另有 {withheld} 张照片在审核中或已隐藏</Text>}
      <ReportSheet report={report} />
      {matter.returnNote && matter.status === 'returned' && (
        <View className="alert matter-return-note">两委退回意见：{matter.returnNote}</View>
      )}
      {matter.closedReason && <View className="alert alert--grey matter-closed-reason">{matter.closedReason}</View>}
    </View>
  )
}
