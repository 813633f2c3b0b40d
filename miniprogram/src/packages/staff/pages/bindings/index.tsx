import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import { roleLabels } from '@contracts/common'
import type { BindingRequest } from '@contracts/identity'
import { ErrorState, Empty, Loading } from '../../../../components/StateView'
import { useAsync } from '../../../../components/useAsync'
import { householdLabel, reviewPlaces, type ReviewPlace } from '../../../../components/me'
import { formatTime } from '../../../../lib/time'
import { decideBinding, decisionBodySchema, getMe, listBindingRequests } from '../../../../services/api/identity'
import { ApiError, messageOf } from '../../../../services/http'
import { isLoggedIn } from '../../../../services/session'
import { PAGES, currentUrl, withQuery } from '../../../../services/nav'
import './index.scss'

/**
 * The review queue of a building head (their building) or a grid worker (their grid): pending household
 * bindings, each approved or refused with a reason.
 */
export default function BindingsPage() {
  const loggedIn = isLoggedIn()
  useEffect(() => {
    if (!loggedIn) void Taro.redirectTo({ url: withQuery(PAGES.login, { redirect: currentUrl() }) })
  }, [loggedIn])

  const places = useAsync(async () => reviewPlaces(await getMe()), [], loggedIn)
  const [selected, setSelected] = useState<string>()

  if (!loggedIn) return <Loading text="请先登录…" />
  if (places.loading) return <Loading />
  if (places.error || !places.data) {
    return (
      <View className="page">
        <ErrorState message={places.error ?? '加载失败'} onRetry={places.reload} />
      </View>
    )
  }
  if (places.data.length === 0) {
    return (
      <View className="page">
        <ErrorState title="无审核权限" message="只有楼长和网格员可以审核房屋绑定申请" />
      </View>
    )
  }
  const place = places.data.find((p) => p.key === selected) ?? places.data[0]!
  return (
    <View className="page bindings-page">
      {places.data.length > 1 && (
        <View className="card place-picker">
          {places.data.map((p) => (
            <View key={p.key} className={`chip binding-place-option ${p.key === place.key ? 'is-active' : ''}`} onClick={() => setSelected(p.key)}>
              {roleLabels[p.role]} · {p.placeName}
            </View>
          ))}
        </View>
      )}
      <Queue key={place.key} place={place} />
    </View>
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
        {!list.loading && !list.error && <Text className="card__hint binding-count">{items.length} 条</Text>}
      </View>
      {list.loading ? (
        <Loading />
      ) : list.error ? (
        <ErrorState message={list.error} onRetry={list.reload} />
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
            <View className="btn btn--plain btn--small binding-refuse-cancel" onClick={() => setRefusing(false)}>
              取消
            </View>
            <View className={`btn btn--primary btn--small binding-refuse-confirm ${busy ? 'btn--loading' : ''}`} onClick={() => void decide('refuse')}>
              {busy === 'refuse' ? '提交中…' : '确认拒绝'}
            </View>
          </>
        ) : (
          <>
            <View
              className="btn btn--ghost btn--small binding-refuse"
              onClick={() => {
                setError(undefined)
                setRefusing(true)
              }}
            >
              拒绝
            </View>
            <View className={`btn btn--primary btn--small binding-approve ${busy ? 'btn--loading' : ''}`} onClick={() => void decide('approve')}>
              {busy === 'approve' ? '提交中…' : '同意'}
            </View>
          </>
        )}
      </View>
    </View>
  )
}
