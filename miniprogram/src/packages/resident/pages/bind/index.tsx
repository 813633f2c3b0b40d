import { useMemo, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import type { BindingRequest } from '@contracts/identity'
import type { PublicCard } from '@contracts/grids'
import { Screen } from '../../../../components/Screen'
import { ResultPage } from '../../../../components/ResultPage'
import { Loading } from '../../../../components/StateView'
import { SubmitButton } from '../../../../components/ui/Button'
import { useAsync } from '../../../../components/useAsync'
import { useRequireLogin } from '../../../../components/useRequireLogin'
import { useSubmit, zodFieldErrors, type FieldErrors } from '../../../../components/useSubmit'
import { householdLabel } from '../../../../components/me'
import { a11y } from '../../../../lib/a11y'
import { getCard } from '../../../../services/api/grids'
import { bindingBodySchema, requestBinding } from '../../../../services/api/identity'
import { ApiError } from '../../../../services/http'
import { getLastCard, saveLastCard } from '../../../../services/lastCard'
import { PAGES, goBackOrHome, returnTo, safeDecode, withQuery } from '../../../../services/nav'
import { AddressFields } from './AddressFields'
import './index.scss'

type Field = 'buildingId' | 'unit' | 'room' | 'note'

/**
 * A resident asks to be bound to a household of the grid they opened (楼栋, then 单元 and 房号 chosen from the
 * building's registered households: AddressFields.tsx); the building head or the grid worker approves it. The buildings come from the grid card (`gridCode`, else the last card).
 */
export default function BindPage() {
  const { params } = useRouter()
  const loggedIn = useRequireLogin()
  const gridCode = params.gridCode ? safeDecode(String(params.gridCode)) : getLastCard()?.code

  const card = useAsync<PublicCard>(async () => {
    if (!gridCode) throw new ApiError('card.missing', '请先扫描楼道里的网格连心服务卡，再绑定房屋', 0)
    const last = getLastCard()
    if (last?.code === gridCode) return last.card
    const fresh = await getCard(gridCode)
    saveLastCard(gridCode, fresh)
    return fresh
  }, [gridCode])

  const screen = (content: JSX.Element) => <Screen className="bind-page">{content}</Screen>
  if (!loggedIn) return screen(<Loading text="请先登录…" />)
  if (card.loading && !card.data) return screen(<Loading />)
  if (!card.data) {
    const retryable = card.errorCode !== 'card.missing' && card.errorCode !== 'card.invalid'
    return screen(
      <ResultPage
        className="error-state bind-load-error"
        title="无法绑定房屋"
        text={card.error ?? '加载失败'}
        primary={retryable ? { text: '重试', onClick: card.reload, className: 'error-state__retry' } : undefined}
        secondary={{ text: '返回', onClick: goBackOrHome, className: 'result-back' }}
      />,
    )
  }
  return screen(<BindForm card={card.data} gridCode={gridCode ?? ''} />)
}

function BindForm({ card, gridCode }: { card: PublicCard; gridCode: string }) {
  const [buildingId, setBuildingId] = useState(card.buildings.length === 1 ? card.buildings[0]!.buildingId : '')
  const [unit, setUnit] = useState('')
  const [room, setRoom] = useState('')
  const [note, setNote] = useState('')
  const [done, setDone] = useState<BindingRequest>()
  const severalCompounds = useMemo(() => new Set(card.buildings.map((b) => b.compoundName)).size > 1, [card])

  const input = { buildingId, unit, room, ...(note.trim() ? { note } : {}) }
  const validate = (): FieldErrors<Field> => {
    // The contract's own rules first: the same Chinese messages the API would send, without the round trip.
    const errors = zodFieldErrors<Field>(bindingBodySchema.safeParse(input).error)
    if (!buildingId) errors.buildingId = '请选择楼栋'
    return errors
  }
  const form = useSubmit<Field>({ validate, values: { buildingId, unit, room, note } })
  const submit = () => form.submit(async () => setDone(await requestBinding(bindingBodySchema.parse(input))))

  if (done) {
    return (
      <ResultPage
        kind="success"
        className="bind-success"
        title="已提交，等待楼长或网格员审核"
        text={`${householdLabel(done)}。审核结果可在“我的”中查看。`}
        primary={{ text: '返回网格', onClick: () => returnTo(withQuery(PAGES.grid, { scene: gridCode })) }}
        secondary={{ text: '查看我的申请', onClick: () => void Taro.switchTab({ url: PAGES.mine }) }}
      />
    )
  }

  const { errors } = form
  return (
    <View>
      <View className="bind-intro">
        <Text className="bind-intro__grid">{card.gridName}</Text>
        <Text className="bind-intro__text">
          选择您在本网格的房屋，提交后由楼长或网格员审核。每户首位通过审核的居民为户代表。
        </Text>
      </View>

      {form.formError && <View className="alert bind-error">{form.formError}</View>}

      <View className="card">
        <View className="field">
          <Text className="field__label">楼栋</Text>
          <View className="bind-building" {...a11y('radiogroup', { label: '楼栋' })}>
            {card.buildings.map((b) => (
              <View
                key={b.buildingId}
                className={`chip bind-building-option bind-building-option--${b.buildingId} ${buildingId === b.buildingId ? 'is-active' : ''}`}
                data-building-id={b.buildingId}
                {...a11y('radio', { checked: buildingId === b.buildingId })}
                onClick={() => {
                  if (b.buildingId === buildingId) return
                  setBuildingId(b.buildingId)
                  setUnit('')
                  setRoom('')
                }}
              >
                <Text>{severalCompounds ? `${b.compoundName} ${b.name}` : b.name}</Text>
              </View>
            ))}
          </View>
          {card.buildings.length === 0 && <Text className="muted">该网格暂无楼栋</Text>}
          {errors.buildingId && <Text className="field-error field-error--buildingId">{errors.buildingId}</Text>}
        </View>

        <AddressFields
          buildingId={buildingId}
          unit={unit}
          room={room}
          onUnit={setUnit}
          onRoom={setRoom}
          errors={errors}
        />

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

        <SubmitButton submitting={form.submitting} className="bind-submit" onClick={() => void submit()}>
          提交绑定申请
        </SubmitButton>
      </View>
    </View>
  )
}
