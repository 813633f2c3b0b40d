import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Button as NativeButton } from '@tarojs/components'
import type { Matter } from '@contracts/deliberation'
import { Button } from '../../../../components/ui/Button'
import { secondMatter } from '../../../../services/api/deliberation'
import { ApiError, messageOf } from '../../../../services/http'
import { ShareSheet } from './ShareSheet'

interface Props {
  matter: Matter
  onChange: (m: Matter) => void
  reload: () => void
  /** Opens the vote sheet. */
  onVote: () => void
  /** The household has voted / rated on this page already (before the reload says so). */
  voted: boolean
  rated: boolean
}

/**
 * The bar fixed at the bottom of the matter page: the caller's main action now, from the server's `can` — 附议
 * (已附议 once done), 为本户投票, 评价 — and 分享 (WeChat's share card; in H5, a link to copy).
 */
export function ActionBar({ matter, onChange, reload, onVote, voted, rated }: Props) {
  const can = (action: string) => matter.can.includes(action)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [sharing, setSharing] = useState(false)

  const second = async () => {
    setBusy(true)
    setError(undefined)
    try {
      onChange(await secondMatter(matter.matterId))
    } catch (e) {
      if (e instanceof ApiError && e.code === 'second.already') reload()
      else if (!(e instanceof ApiError && e.status === 401)) setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  const main = can('second') ? (
    <Button busy={busy} className="action-bar__main second-button" label="为这个议题附议" onClick={() => void second()}>
      附议
    </Button>
  ) : matter.status === 'seconding' && matter.iSeconded ? (
    <Button disabled className="action-bar__main seconded-mark" label="您已附议">
      ✓ 已附议
    </Button>
  ) : can('vote') && matter.poll?.state === 'open' && !voted && !matter.poll.myHouseholdVoted ? (
    <Button className="action-bar__main vote-button" onClick={onVote}>
      为本户投票
    </Button>
  ) : can('rate') && !rated && !matter.evaluation?.myHouseholdRated ? (
    <Button
      className="action-bar__main rate-button"
      label="为本户评价办理结果"
      onClick={() => void Taro.pageScrollTo({ selector: '.evaluation-section', duration: 300 }).catch(() => undefined)}
    >
      评价
    </Button>
  ) : null

  return (
    <View className="action-bar matter-action-bar">
      {error && <Text className="field-error action-error action-bar__error">{error}</Text>}
      <View className="action-bar__row">
        {main}
        {process.env.TARO_ENV === 'weapp' ? (
          <NativeButton
            openType="share"
            className={`btn btn--ghost share-button ${main ? 'action-bar__side' : 'action-bar__main'}`}
          >
            分享给邻居
          </NativeButton>
        ) : (
          <Button
            kind="ghost"
            className={`share-button ${main ? 'action-bar__side' : 'action-bar__main'}`}
            label="分享给邻居：复制链接"
            onClick={() => setSharing(true)}
          >
            分享
          </Button>
        )}
      </View>
      {sharing && <ShareSheet matter={matter} onClose={() => setSharing(false)} />}
    </View>
  )
}
