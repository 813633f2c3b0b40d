import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { Wish } from '@contracts/microWishes'
import { useReport } from '../../../../components/moderation'
import { a11y } from '../../../../lib/a11y'
import { contentKeys, wishContentKeys } from '../../../../services/api/moderation'

/**
 * 举报 on a wish's page: its text, its photos, the report of delivery and the thank-you. A piece enough neighbours
 * reported is hidden at once here (`gone`), as the wall and the page do for everyone after.
 */
export function useWishReport(wish: Wish) {
  const [gone, setGone] = useState<string[]>([])
  const report = useReport((key) => setGone((all) => [...all, key]))
  const keys = {
    body: wishContentKeys.body(wish.wishId),
    fulfilment: wishContentKeys.fulfilment(wish.wishId),
    thanks: wishContentKeys.thanks(wish.wishId),
  }
  const open = (contentKey: string, what: string) =>
    report.open({ subject: { kind: 'wish', id: wish.wishId }, contentKey, what })
  /** 举报 under each photo, unless the caller took them (the poster's, or the claimant's of the delivery). */
  const onPhoto = (mine: boolean) => (mine ? undefined : (key: string) => open(contentKeys.photo(key), '照片'))
  const isGone = (key: string) => gone.includes(key)
  const photos = <P extends { key: string }>(list: P[]) => list.filter((p) => !isGone(contentKeys.photo(p.key)))
  return { report, keys, open, onPhoto, isGone, photos }
}
export type WishReport = ReturnType<typeof useWishReport>

/** The 举报 link on its own line, at the right, 44px tall: what it reports is said to the screen reader. */
export function ReportLink({ label, className, onClick }: { label: string; className: string; onClick: () => void }) {
  return (
    <View className="wish-report-row">
      <View className={`report-link ${className}`} {...a11y('button', { label })} onClick={onClick}>
        <Text>举报</Text>
      </View>
    </View>
  )
}
