import { useEffect, useMemo, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Input, Textarea } from '@tarojs/components'
import type { BindingRequest } from '@contracts/identity'
import type { PublicCard } from '@contracts/grids'
import { ErrorState, Loading } from '../../../../components/StateView'
import { useAsync } from '../../../../components/useAsync'
import { householdLabel } from '../../../../components/me'
import { getCard } from '../../../../services/api/grids'
import { bindingBodySchema, requestBinding } from '../../../../services/api/identity'
import { ApiError, fieldErrors, messageOf } from '../../../../services/http'
import { getLastCard, saveLastCard } from '../../../../services/lastCard'
import { PAGES, currentUrl, returnTo, safeDecode, withQuery } from '../../../../services/nav'
import { isLoggedIn } from '../../../../services/session'
import './index.scss'

type Field = 'buildingId' | 'unit' | 'room' | 'note'

/**
 * A resident asks to be bound to a household of the grid they opened (楼栋 + 单元 + 房号); the building head
 * or the grid worker approves it. The buildings come from the grid card (`gridCode`, else the last card).
 */
export default function BindPage() {
  const { params } = useRouter()
  const loggedIn = isLoggedIn()
  const gridCode = params.gridCode ? safeDecode(String(params.gridCode)) : getLastCard()?.code

  useEffect(() => {
    // Binding needs a session: swap this page for the login page, which brings the user back here.
    if (!loggedIn) void Taro.redirectTo({ url: withQuery(PAGES.login, { redirect: currentUrl() }) })
  }, [loggedIn])

  const card = useAsync<PublicCard>(async () => {
    if (!gridCode) throw new ApiError('card.missing', '请先扫描楼道里的网格连心服务卡，再绑定房屋', 0)
    const last = getLastCard()
    if (last?.code === gridCode) return last.card
    const fresh = await getCard(gridCode)
    saveLastCard(gridCode, fresh)
    return fresh
  }, [gridCode])

  if (!loggedIn) return <Loading text="请先登录…" />
  if (card.loading) return <Loading />
  if (card.error || !card.data) {
    return (
      <View className="page">
        <ErrorState
          title="无法绑定房屋"
          message={card.error ?? '加载失败'}
          onRetry={card.errorCode === 'card.missing' || card.errorCode === 'card.invalid' ? undefined : card.reload}
        />
      </View>
    )
  }
  return <BindForm card={card.data} gridCode={gridCode ?? ''} />
}

function BindForm({ card, gridCode }: { card: PublicCard; gridCode: string }) {
  const [buildingId, setBuildingId] = useState(card.buildings.length === 1 ? card.buildings[0]!.buildingId : '')
  const [unit, setUnit] = useState('')
  const [room, setRoom] = useState('')
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [formError, setFormError] = useState<string>()
  const [submitting, setSubmitting] = useState(false)
  const [done, setDone] = useState<BindingRequest>()

  const severalCompounds = useMemo(() => new Set(card.buildings.map((b) => b.compoundName)).size > 1, [card])

  const submit = async () => {
    if (submitting) return
    setFormError(undefined)
    const input = { buildingId, unit, room, ...(note.trim() ? { note } : {}) }
    // The contract's own rules first: the same Chinese messages the API would send, without the round trip.
    const parsed = bindingBodySchema.safeParse(input)
    const local: Partial<Record<Field, string>> = {}
    if (!buildingId) local.buildingId = '请选择楼栋'
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field
        if (field !== 'buildingId' && !local[field]) local[field] = issue.message
      }
    }
    setErrors(local)
    if (Object.keys(local).length > 0 || !parsed.success) return

    setSubmitting(true)
    try {
      setDone(await requestBinding(parsed.data))
    } catch (e) {
      const fields = fieldErrors(e) as Partial<Record<Field, string>>
      setErrors(fields)
      if (!(e instanceof ApiError && e.status === 401)) setFormError(messageOf(e))
    } finally {
      setSubmitting(false)
    }
  }

  if (done) {
    return (
      <View className="page">
        <View className="state bind-success">
          <View className="state__icon bind-success__icon">✓</View>
          <Text className="state__title">已提交，等待楼长或网格员审核</Text>
          <Text className="state__text bind-success__home">{householdLabel(done)}</Text>
          <Text className="state__text">审核结果可在“我的”中查看</Text>
          <View className="bind-success__actions">
            <View className="btn btn--ghost btn--small" onClick={() => void Taro.switchTab({ url: PAGES.mine })}>
              查看我的申请
            </View>
            <View className="btn btn--primary btn--small" onClick={() => returnTo(withQuery(PAGES.grid, { scene: gridCode }))}>
              返回网格
            </View>
          </View>
        </View>
      </View>
    )
  }

  return (
    <View className="page bind-page">
      <View className="bind-intro">
        <Text className="bind-intro__grid">{card.gridName}</Text>
        <Text className="bind-intro__text">填写您在本网格的房屋，提交后由楼长或网格员审核。每户首位通过审核的居民为户代表。</Text>
      </View>

      {formError && <View className="alert bind-error">{formError}</View>}

      <View className="card">
        <View className="field">
          <Text className="field__label">楼栋</Text>
          <View className="bind-building">
            {card.buildings.map((b) => (
              <View
                key={b.buildingId}
                className={`chip bind-building-option bind-building-option--${b.buildingId} ${buildingId === b.buildingId ? 'is-active' : ''}`}
                data-building-id={b.buildingId}
                onClick={() => {
                  setBuildingId(b.buildingId)
                  setErrors((e) => ({ ...e, buildingId: undefined }))
                }}
              >
                {severalCompounds ? `${b.compoundName} ${b.name}` : b.name}
              </View>
            ))}
          </View>
          {card.buildings.length === 0 && <Text className="muted">该网格暂无楼栋</Text>}
          {errors.buildingId && <Text className="field-error field-error--buildingId">{errors.buildingId}</Text>}
        </View>

        <View className="field">
          <Text className="field__label">单元</Text>
          <Input className="field__input bind-unit" type="text" placeholder="如：1" maxlength={8} value={unit} onInput={(e) => setUnit(e.detail.value)} />
          {errors.unit && <Text className="field-error field-error--unit">{errors.unit}</Text>}
        </View>

        <View className="field">
          <Text className="field__label">房号</Text>
          <Input className="field__input bind-room" type="text" placeholder="如：101" maxlength={8} value={room} onInput={(e) => setRoom(e.detail.value)} />
          {errors.room && <Text className="field-error field-error--room">{errors.room}</Text>}
        </View>

        <View className="field">
          <Text className="field__label">备注（选填）</Text>
          <Textarea
            className="field__textarea bind-note"
            placeholder="如：租户 / 业主家属，方便楼长核实"
            maxlength={200}
            value={note}
            onInput={(e) => setNote(e.detail.value)}
          />
          {errors.note && <Text className="field-error field-error--note">{errors.note}</Text>}
        </View>

        <View className={`btn btn--primary btn--block bind-submit ${submitting ? 'btn--loading' : ''}`} onClick={() => void submit()}>
          {submitting ? '提交中…' : '提交绑定申请'}
        </View>
      </View>
    </View>
  )
}
