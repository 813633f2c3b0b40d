import { View, Text, Input } from '@tarojs/components'
import { a11y } from '../../../../lib/a11y'

export interface OnBehalfValue {
  buildingId: string
  unit: string
  room: string
  residentName: string
  residentPhone: string
}
export type OnBehalfErrors = Partial<Record<keyof OnBehalfValue, string>>

/** 代居民发布: which resident of the grid (building, unit, room) and their name; the phone if they have one. */
export function OnBehalfFields(props: {
  buildings: { buildingId: string; name: string }[]
  value: OnBehalfValue
  errors: OnBehalfErrors
  onChange: (v: OnBehalfValue) => void
}) {
  const { value: v, errors, onChange } = props
  const set = (k: keyof OnBehalfValue) => (e: { detail: { value: string } }) => onChange({ ...v, [k]: e.detail.value })
  return (
    <View className="post-behalf">
      <View className="alert alert--grey post-behalf-note">
        代不便使用手机的居民发布：认领人会联系您，由您陪同上门。
      </View>
      <View className="field">
        <Text className="field__label">居民所在楼栋</Text>
        <View className="chips" {...a11y('radiogroup', { label: '楼栋' })}>
          {props.buildings.map((b) => (
            <View
              key={b.buildingId}
              className={`chip post-building post-building--${b.buildingId} ${v.buildingId === b.buildingId ? 'is-active' : ''}`}
              {...a11y('radio', { checked: v.buildingId === b.buildingId })}
              onClick={() => onChange({ ...v, buildingId: b.buildingId })}
            >
              <Text>{b.name}</Text>
            </View>
          ))}
        </View>
        {errors.buildingId && <Text className="field-error field-error--buildingId">{errors.buildingId}</Text>}
      </View>
      <View className="field">
        <Text className="field__label">单元</Text>
        <Input
          className="field__input post-unit"
          type="text"
          placeholder="例如：1"
          value={v.unit}
          onInput={set('unit')}
        />
        {errors.unit && <Text className="field-error field-error--unit">{errors.unit}</Text>}
      </View>
      <View className="field">
        <Text className="field__label">房号</Text>
        <Input
          className="field__input post-room"
          type="text"
          placeholder="例如：302"
          value={v.room}
          onInput={set('room')}
        />
        {errors.room && <Text className="field-error field-error--room">{errors.room}</Text>}
      </View>
      <View className="field">
        <Text className="field__label">居民姓名</Text>
        <Input
          className="field__input post-resident-name"
          type="text"
          placeholder="心愿墙上只显示姓氏"
          value={v.residentName}
          onInput={set('residentName')}
        />
        {errors.residentName && <Text className="field-error field-error--residentName">{errors.residentName}</Text>}
      </View>
      <View className="field">
        <Text className="field__label">居民电话（选填）</Text>
        <Input
          className="field__input post-resident-phone"
          type="number"
          placeholder="只给认领人看"
          value={v.residentPhone}
          onInput={set('residentPhone')}
        />
        {errors.residentPhone && <Text className="field-error field-error--residentPhone">{errors.residentPhone}</Text>}
      </View>
    </View>
  )
}
