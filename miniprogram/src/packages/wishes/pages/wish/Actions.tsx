import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { Wish } from '@contracts/microWishes'
import { Button } from '../../../../components/ui/Button'
import { a11y } from '../../../../lib/a11y'
import {
  claimWish,
  confirmWish,
  disputeWish,
  releaseWish,
  thankWish,
  withdrawWish,
} from '../../../../services/api/microWishes'
import { messageOf } from '../../../../services/http'
import { PAGES, withQuery } from '../../../../services/nav'
import { requestConsent } from '../../../../services/subscribe'
import { TextSheet, type TextSheetProps } from '../../components/TextSheet'

type SheetName = 'confirm' | 'dispute' | 'thank' | 'release' | 'withdraw'
type Sheet = Omit<TextSheetProps, 'onClose'>

const go = (page: string, wishId: string) => void Taro.navigateTo({ url: withQuery(page, { wishId }) })

/** What the caller may do now, exactly the server's `can`, as buttons; the ones that need words open a sheet. */
export function Actions({ wish, onChange }: { wish: Wish; onChange: (w: Wish) => void }) {
  const can = (a: string) => wish.can.includes(a)
  const [sheet, setSheet] = useState<SheetName>()
  const [claiming, setClaiming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()

  const done = (w: Wish) => {
    setSheet(undefined)
    onChange(w)
  }
  const claim = async () => {
    if (busy) return
    setBusy(true)
    setError(undefined)
    // Within the tap (WeChat's rule): ask to hear the reminder before the deadline; the claim does not wait for it.
    requestConsent(['wish'], wish.communityId)
    try {
      done(await claimWish(wish.wishId))
      setClaiming(false)
    } catch (e) {
      setError(messageOf(e))
      setClaiming(false)
    } finally {
      setBusy(false)
    }
  }

  const sheets: Record<SheetName, Sheet> = {
    confirm: {
      name: 'wish-confirm',
      title: '确认收到',
      sub: '确认后认领人将获得积分。想说几句感谢的话，可以写在下面（不写也可以），会作为感谢信展示在心愿墙上。',
      placeholder: '例如：谢谢党员同志，助行器很好用！',
      confirmText: '确认收到',
      onConfirm: async (text) => done(await confirmWish(wish.wishId, text || undefined)),
    },
    dispute: {
      name: 'wish-dispute',
      title: '对实现情况有异议',
      sub: '没收到，或不合适？写下情况，网格员会来协调。',
      placeholder: '例如：东西还没收到',
      confirmText: '提交异议',
      required: true,
      onConfirm: async (text) => done(await disputeWish(wish.wishId, text)),
    },
    thank: {
      name: 'wish-thank',
      title: '写感谢信',
      sub: '感谢信会展示在心愿墙的「已实现」中。',
      placeholder: '写几句感谢的话',
      confirmText: '发送感谢信',
      required: true,
      onConfirm: async (text) => done(await thankWish(wish.wishId, text)),
    },
    release: {
      name: 'wish-release',
      title: '放弃认领',
      sub: '放弃后心愿回到心愿墙，其他党员可以认领。可以说明原因（选填）。',
      placeholder: '原因（选填）',
      confirmText: '确认放弃',
      onConfirm: async (text) => done(await releaseWish(wish.wishId, text || undefined)),
    },
    withdraw: {
      name: 'wish-withdraw',
      title: '撤回心愿',
      sub: '撤回后心愿不再展示。可以说明原因（选填）。',
      placeholder: '原因（选填）',
      confirmText: '确认撤回',
      onConfirm: async (text) => done(await withdrawWish(wish.wishId, text || undefined)),
    },
  }

  const buttons = [
    can('claim') && { cls: 'wish-claim-button', text: '我来认领', onClick: () => setClaiming(true) },
    can('fulfil') && {
      cls: 'wish-fulfil-button',
      text: '报告已送达',
      onClick: () => go(PAGES.fulfilWish, wish.wishId),
    },
    can('confirm') && {
      cls: 'wish-confirm-button',
      text: wish.iPosted ? '确认收到' : '代居民确认收到',
      onClick: () => setSheet('confirm'),
    },
    can('publish') && { cls: 'wish-vet-button', text: '核实审核', onClick: () => go(PAGES.vetWish, wish.wishId) },
    can('decide') && { cls: 'wish-decide-button', text: '处理异议', onClick: () => go(PAGES.vetWish, wish.wishId) },
    can('revise') && {
      cls: 'wish-revise-button',
      text: '修改后重新提交',
      onClick: () => void Taro.navigateTo({ url: withQuery(PAGES.postWish, { wishId: wish.wishId }) }),
    },
    can('thank') && {
      cls: 'wish-thank-button',
      text: '写感谢信',
      kind: 'ghost' as const,
      onClick: () => setSheet('thank'),
    },
    can('dispute') && {
      cls: 'wish-dispute-button',
      text: '有问题，提异议',
      kind: 'ghost' as const,
      onClick: () => setSheet('dispute'),
    },
    can('release') && {
      cls: 'wish-release-button',
      text: '放弃认领',
      kind: 'plain' as const,
      onClick: () => setSheet('release'),
    },
    can('withdraw') && {
      cls: 'wish-withdraw-button',
      text: '撤回心愿',
      kind: 'plain' as const,
      onClick: () => setSheet('withdraw'),
    },
  ].filter((b): b is { cls: string; text: string; kind?: 'ghost' | 'plain'; onClick: () => void } => Boolean(b))

  if (buttons.length === 0 && !error) return null
  return (
    <View className="card wish-actions">
      {error && <Text className="field-error wish-action-error">{error}</Text>}
      {buttons.map((b) => (
        <Button
          key={b.cls}
          block
          kind={b.kind ?? 'primary'}
          className={`wish-actions__button ${b.cls}`}
          onClick={b.onClick}
        >
          {b.text}
        </Button>
      ))}
      {claiming && (
        <View className="sheet wish-claim-sheet" {...a11y('dialog', { label: '认领心愿' })}>
          <View className="sheet__mask" onClick={() => !busy && setClaiming(false)} />
          <View className="sheet__panel">
            <Text className="sheet__title">认领「{wish.title}」</Text>
            <Text className="sheet__sub">
              认领后请在 {wish.claimDays ?? 7}{' '}
              天内帮居民实现，到期前一天会提醒您；到期未完成，心愿会回到心愿墙。认领后可以看到居民的联系方式。
            </Text>
            <View className="sheet__actions">
              <Button kind="plain" className="wish-claim-cancel" disabled={busy} onClick={() => setClaiming(false)}>
                再想想
              </Button>
              <Button className="wish-claim-confirm" busy={busy} busyText="认领中…" onClick={() => void claim()}>
                确认认领
              </Button>
            </View>
          </View>
        </View>
      )}
      {sheet && <TextSheet {...sheets[sheet]} onClose={() => setSheet(undefined)} />}
    </View>
  )
}
