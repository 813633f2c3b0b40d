import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { Matter } from '@contracts/deliberation'
import { PhotoList } from '../../../../components/photos'
import { formatDate, formatTime } from '../../../../lib/time'
import { MetaRow, partyKinds } from './Head'
import { ModerationNote, ReportSheet, useReport } from '../../../../components/moderation'
import { contentKeys } from '../../../../services/api/moderation'

/** 协同决议（公示）: who does what by when. */
export function ResolutionCard({ matter }: { matter: Matter }) {
  const r = matter.resolution!
  return (
    <View className="card resolution-section">
      <View className="card__title">
        <Text className="card__title-text">协同决议（公示）</Text>
        {r.round > 1 && <Text className="card__hint">第 {r.round} 轮</Text>}
      </View>
      <ModerationNote moderation={r.moderation} className="resolution-moderation" />
      <View className="meta">
        <MetaRow
          label="责任方"
          value={`${partyKinds[r.responsibleParty.kind]} · ${r.responsibleParty.name}`}
          className="resolution-party"
        />
        <MetaRow label="完成期限" value={formatDate(r.dueDate)} className="resolution-due" />
        <MetaRow label="公示时间" value={formatTime(r.publishedAt)} className="resolution-published" />
      </View>
      <View className="tasks">
        {r.tasks.map((t, i) => (
          <Text key={i} className="tasks__item resolution-task">
            {i + 1}. {t}
          </Text>
        ))}
      </View>
    </View>
  )
}

/** 办结报告: what the responsible party says it did, with photos. */
export function ReportCard({ matter }: { matter: Matter }) {
  const r = matter.report!
  const [gone, setGone] = useState<string[]>([])
  const report = useReport((key) => setGone((all) => [...all, key]))
  return (
    <View className="card report-section">
      <View className="card__title">
        <Text className="card__title-text">办结报告</Text>
        <Text className="card__hint">{formatTime(r.at)}</Text>
      </View>
      <ModerationNote moderation={r.moderation} className="report-moderation" />
      <Text className="matter-head__text report-note">{r.note}</Text>
      <PhotoList
        photos={r.photos.filter((p) => !gone.includes(contentKeys.photo(p.key)))}
        className="report-photo"
        onReport={(key) =>
          report.open({
            subject: { kind: 'matter', id: matter.matterId },
            contentKey: contentKeys.photo(key),
            what: '照片',
          })
        }
      />
      <ReportSheet report={report} />
    </View>
  )
}
