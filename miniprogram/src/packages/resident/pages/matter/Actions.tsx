import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { Matter } from '@contracts/deliberation'
import { Button } from '../../../../components/ui/Button'
import { withdrawMatter } from '../../../../services/api/deliberation'
import { ApiError, messageOf } from '../../../../services/http'
import { PAGES, withQuery } from '../../../../services/nav'

/** What `can` lists for the proposer and the staff, beyond the bottom bar's main action: 修改, 撤回, 去审议, 发起表决, 形成决议, 报告办结. */
export const STAFF_ACTIONS = ['withdraw', 'revise', 'accept', 'openPoll', 'resolve', 'report'] as const

export function Actions({ matter, onChange }: { matter: Matter; onChange: (m: Matter) => void }) {
  const can = (action: string) => matter.can.includes(action)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  if (!STAFF_ACTIONS.some(can)) return null

  const open = (path: string) =>
    void Taro.navigateTo({ url: withQuery(path, { matterId: matter.matterId, communityId: matter.communityId }) })
  const withdraw = async () => {
    const { confirm } = await Taro.showModal({
      title: '撤回提议',
      content: '撤回后议题将关闭，不能恢复。确定撤回吗？',
      confirmText: '撤回',
      confirmColor: '#a93226',
    })
    if (!confirm || busy) return
    setBusy(true)
    setError(undefined)
    try {
      onChange(await withdrawMatter(matter.matterId))
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="card matter-actions">
      {error && <Text className="field-error action-error">{error}</Text>}
      <View className="matter-actions__row">
        {can('revise') && (
          <Button className="revise-button" onClick={() => open(PAGES.propose)}>
            修改后重新提交
          </Button>
        )}
        {can('withdraw') && (
          <Button
            kind="ghost"
            busy={busy}
            busyText="撤回中…"
            className="withdraw-button"
            label="撤回这个提议"
            onClick={() => void withdraw()}
          >
            撤回
          </Button>
        )}
        {can('accept') && (
          <Button className="review-link" onClick={() => open(PAGES.reviewQueue)}>
            去审议
          </Button>
        )}
        {can('openPoll') && (
          <Button className="open-poll-button" onClick={() => open(PAGES.openPoll)}>
            发起表决
          </Button>
        )}
        {can('resolve') && (
          <Button className="resolve-button" onClick={() => open(PAGES.resolution)}>
            形成决议
          </Button>
        )}
        {can('report') && (
          <Button className="report-button" onClick={() => open(PAGES.report)}>
            报告办结
          </Button>
        )}
      </View>
    </View>
  )
}
