import { View, Text, Input } from '@tarojs/components'
import { Loading } from '../../../../components/StateView'
import { useAsync } from '../../../../components/useAsync'
import { a11y } from '../../../../lib/a11y'
import { listBuildingHouseholds } from '../../../../services/api/identity'

interface Props {
  buildingId: string
  unit: string
  room: string
  onUnit: (unit: string) => void
  onRoom: (room: string) => void
  errors: { unit?: string; room?: string }
}

/**
 * 单元 and 房号, chosen from the building's registered households (GET /buildings/{id}/addresses): the units as large
 * buttons, then that unit's rooms. A building with none registered (or whose list cannot be read) is typed instead.
 */
export function AddressFields(props: Props) {
  const { buildingId, unit, room, onUnit, onRoom, errors } = props
  const addresses = useAsync(() => listBuildingHouseholds(buildingId), [buildingId], Boolean(buildingId))
  if (!buildingId) return <Text className="muted bind-address-wait">请先选择楼栋，再选单元和房号</Text>
  if (addresses.loading && !addresses.data) return <Loading text="正在读取本楼的房号…" />
  const units = addresses.data?.units ?? []
  if (units.length === 0) return <TypedAddress {...props} />
  const rooms = units.find((u) => u.unit === unit)?.rooms ?? []
  return (
    <View>
      <View className="field">
        <Text className="field__label">单元</Text>
        <View className="bind-options" {...a11y('radiogroup', { label: '单元' })}>
          {units.map((u) => (
            <View
              key={u.unit}
              className={`bind-option bind-unit-option bind-unit-option--${u.unit} ${unit === u.unit ? 'is-active' : ''}`}
              {...a11y('radio', { checked: unit === u.unit })}
              onClick={() => {
                onUnit(u.unit)
                if (u.unit !== unit) onRoom('')
              }}
            >
              <Text>{u.unit}单元</Text>
            </View>
          ))}
        </View>
        {errors.unit && <Text className="field-error field-error--unit">{errors.unit}</Text>}
      </View>

      <View className="field">
        <Text className="field__label">房号</Text>
        {!unit ? (
          <Text className="muted bind-room-wait">选好单元后，在这里选房号</Text>
        ) : (
          <View className="bind-options bind-options--rooms" {...a11y('radiogroup', { label: '房号' })}>
            {rooms.map((r) => (
              <View
                key={r}
                className={`bind-option bind-room-option bind-room-option--${r} ${room === r ? 'is-active' : ''}`}
                {...a11y('radio', { checked: room === r, label: `${r}室` })}
                onClick={() => onRoom(r)}
              >
                <Text>{r}</Text>
              </View>
            ))}
          </View>
        )}
        {errors.room && <Text className="field-error field-error--room">{errors.room}</Text>}
      </View>
    </View>
  )
}

/** No registered addresses to choose from: the unit and room typed, 「1单元」「101室」 as good as 「1」「101」. */
function TypedAddress({ unit, room, onUnit, onRoom, errors }: Props) {
  return (
    <View>
      <Text className="muted bind-typed-hint">本楼还没有登记房号，请直接填写您的单元和房号。</Text>
      <View className="field">
        <Text className="field__label">单元</Text>
        <Input
          className="field__input bind-unit"
          type="text"
          placeholder="如：1"
          maxlength={8}
          value={unit}
          onInput={(e) => onUnit(e.detail.value)}
        />
        {errors.unit && <Text className="field-error field-error--unit">{errors.unit}</Text>}
      </View>
      <View className="field">
        <Text className="field__label">房号</Text>
        <Input
          className="field__input bind-room"
          type="text"
          placeholder="如：101"
          maxlength={8}
          value={room}
          onInput={(e) => onRoom(e.detail.value)}
        />
        {errors.room && <Text className="field-error field-error--room">{errors.room}</Text>}
      </View>
    </View>
  )
}
