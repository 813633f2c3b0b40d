import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import { roleLabels } from '@contracts/common'
import type { BindingRequest } from '@contracts/identity'
import { ErrorState, Empty, Loading } from '../../../../components/StateView'
import { Screen } from '../../../../components/Screen'
import { ResultPage } from '../../../../components/ResultPage'
import { Button } from '../../../../components/ui/Button'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { a11y } from '../../../../lib/a11y'
import { useAsync } from '../../../../components/useAsync'
import { householdLabel, reviewPlaces, type ReviewPlace } from '../../../../components/me'
import { formatTime } from '../../../../lib/time'
import { decideBinding, decisionBodySchema, getMe, listBindingRequests } from '../../../../services/api/identity'
import { ApiError, messageOf } from '../../../../services/http'
import { goBackOrHome } from '../../../../services/nav'
import './index.scss'

/**
 * The review queue of a building head (their building) or a grid worker (their grid): pending household
 * bindings, each approved or refused with a reason.
 */
export default function BindingsPage() {
  const loggedIn = useRequireLogin()
  const places = useAsync(async () => reviewPlaces(await getMe()), [], loggedIn)
  const [selected, setSelected] = useState<string>()

  const screen = (content: JSX.Element) => <Screen className="bindings-page">{content}</Screen>
  if (!loggedIn) return screen(<Loading text="请先登录…" />)
  if (places.loading && !places.data) return screen(<Loading />)
  if (!places.data) {
    return screen(
      <ResultPage
        className="error-state"
        title="加载失败"
        text={places.error ?? '加载失败'}
        primary={{ text: '重试', onClick: places.reload, className: 'error-state__retry' }}
        secondary={{ text: '返回', onClick: goBackOrHome, className: 'result-back' }}
      />,
    )
  }
  if (places.data.length === 0)
    return screen(<ResultPage className="error-state" title="无审核权限" text="只有楼长和网格员可以审核房屋绑定申请" />)
  const place = places.data.find((p) => p.key === selected) ?? places.data[0]!
  return (
    <Screen className="bindings-page">
      {places.data.length > 1 && (
        <View className="card place-picker">
          {places.data.map((p) => (
            <View
              key={p.key}
              className={`chip binding-place-option ${p.key === place.key ? 'is-active' : ''}`}
              {...a11y('radio', { checked: p.key === place.key })}
              onClick={() => setSelected(p.key)}
            >
              <Text>
                {roleLabels[p.role]} · {p.placeName}
              </Text>
            </View>
          ))}
        </View>
      )}
      <Queue key={place.key} place={place} />
    </Screen>
  )
}

function Queue({ place }: { place: ReviewPlace }) {
  const list = useAsync(() => listBindingRequests({ ...place.query, status: 'pending' }), [place.key])
  const [items, setItems] = useState<BindingRequest[]>([])
  useEffect(() => {
    if (list.data) setItems(list.data.items)
  }, [list.data])

  const remove = (requestId: string) => setItems((all) => all.filter((r) => r.requestId !== requestId))

  return (
    <View className="card">
      <View className="card__title">
        <Text className="card__title-text">{place.placeName} · 待审核</Text>
        {list.data && <Text className="card__hint binding-count">{items.length} 条</Text>}
      </View>
      {list.loading && !list.data ? (
        <Loading />
      ) : !list.data ? (
        <ErrorState message={list.error ?? '加载失败'} onRetry={list.reload} />
      ) : items.length === 0 ? (
        <Empty className="bindings-empty" text="暂无待审核的绑定申请" />
      ) : (
        items.map((r) => <Item key={r.requestId} request={r} onDone={remove} />)
      )}
    </View>
  )
}

function Item({ request, onDone }: { request: BindingRequest; onDone: (requestId: string) => void }) {
  const [refusing, setRefusing] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState<'approve' | 'refuse'>()
  const [error, setError] = useState<string>()

  const decide = async (decision: 'approve' | 'refuse') => {
    if (busy) return
    setError(undefined)
    const parsed = decisionBodySchema.safeParse(decision === 'approve' ? { decision } : { decision, reason })
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? '请检查填写的内容')
      return
    }
    setBusy(decision)
    try {
      await decideBinding(request.requestId, parsed.data)
      onDone(request.requestId)
    } catch (e) {
      if (e instanceof ApiError && e.code === 'binding.notPending') {
        void Taro.showToast({ title: e.message, icon: 'none' })
        onDone(request.requestId)
        return
      }
      setError(messageOf(e))
    } finally {
      setBusy(undefined)
    }
  }

  return (
    <View className="binding-item" data-request-id={request.requestId}>
      <View className="binding-item__head">
        <Text className="binding-item__name">{request.userName}</Text>
        <Text className="binding-item__time">{formatTime(request.createdAt)}</Text>
      </View>
      <Text className="binding-item__home">{householdLabel(request)}</Text>
      {request.note && <Text className="binding-item__note">备注：{request.note}</Text>}

      {refusing && (
        <View className="binding-item__refuse">
          <Textarea
            className="field__textarea binding-refuse-reason"
            placeholder="请填写拒绝理由，申请人可以看到"
            maxlength={200}
            value={reason}
            onInput={(e) => setReason(e.detail.value)}
          />
        </View>
      )}
      {error && <Text className="field-error binding-item-error">{error}</Text>}

      <View className="binding-item__actions">
        {refusing ? (
          <>
            <Button kind="plain" small className="binding-refuse-cancel" onClick={() => setRefusing(false)}>
              取消
            </Button>
            <Button
              small
              busy={busy === 'refuse'}
              disabled={busy !== undefined}
              className="binding-refuse-confirm"
              onClick={() => void decide('refuse')}
            >
              确认拒绝
            </Button>
          </>
        ) : (
          <>
            <Button
              kind="ghost"
              small
              className="binding-refuse"
              label={`拒绝${request.userName}的申请`}
              onClick={() => {
                setError(undefined)
                setRefusing(true)
              }}
            >
              拒绝
            </Button>
            <Button
              small
              busy={busy === 'approve'}
              disabled={busy !== undefined}
              className="binding-approve"
              label={`同意${request.userName}的申请`}
              onClick={() => void decide('approve')}
            >
              同意
            </Button>
          </>
        )}
      </View>
    </View>
  )
}
