import { useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input, Textarea, Picker } from '@tarojs/components'
import { categories, categoryLabels, type Unit } from '@contracts/volunteering'
import { Button, SubmitButton } from '../../../../components/ui/Button'
import { useSubmit } from '../../../../components/useSubmit'
import { a11y } from '../../../../lib/a11y'
import { beijingDate, beijingInstant } from '../../../../lib/time'
import { newClientId } from '../../../../services/clientId'
import { withQuery } from '../../../../services/nav'
import { publishActivity } from '../../../../services/api/volunteering'
import { VPAGES } from '../../lib/nav'
import { locate, SiteProblem } from '../../lib/site'

type Field = 'title' | 'description' | 'place' | 'startAt' | 'endAt' | 'signUpDeadline' | 'capacity' | 'pointsPerHour'
const DEADLINES = [
  { label: '开始前30分钟', ms: 30 * 60_000 },
  { label: '开始前2小时', ms: 2 * 3600_000 },
  { label: '开始前1天', ms: 24 * 3600_000 },
]
const RADII = [100, 200, 500]

/** The activity's facts, each a large field or a choice; the place's point is where the organiser's phone is. */
export function PublishForm({ communityId, units }: { communityId: string; units: Unit[] }) {
  const activityId = useMemo(() => newClientId(), [])
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [category, setCategory] = useState<(typeof categories)[number]>('environment')
  const [placeName, setPlaceName] = useState('')
  const [point, setPoint] = useState<{ latitude: number; longitude: number }>()
  const [radiusM, setRadius] = useState(200)
  const [date, setDate] = useState(beijingDate(Date.now() + 86_400_000))
  const [start, setStart] = useState('09:00')
  const [end, setEnd] = useState('11:00')
  const [deadline, setDeadline] = useState(DEADLINES[1]!.ms)
  const [capacity, setCapacity] = useState('10')
  const [points, setPoints] = useState('10')
  const [audience, setAudience] = useState<'members' | 'all'>('all')
  const [unitId, setUnitId] = useState('')
  const [locating, setLocating] = useState(false)
  const startAt = beijingInstant(date, start)
  const endAt = beijingInstant(date, end)
  const form = useSubmit<Field>({
    validate: () => ({
      ...(title.trim().length < 2 ? { title: '请填写活动标题' } : {}),
      ...(!description.trim() ? { description: '请写明活动内容' } : {}),
      ...(!placeName.trim() || !point ? { place: '请填写地点，并在现场点「使用我现在的位置」' } : {}),
      ...(!(Date.parse(startAt) > Date.now()) ? { startAt: '开始时间须在将来' } : {}),
      ...(!(Date.parse(endAt) > Date.parse(startAt)) ? { endAt: '结束时间须晚于开始时间' } : {}),
      ...(!(Number(capacity) >= 1 && Number(capacity) <= 200) ? { capacity: '名额为1至200人' } : {}),
      ...(!(Number(points) >= 0 && Number(points) <= 100) ? { pointsPerHour: '每小时积分为0至100' } : {}),
    }),
    values: { title, description, capacity, pointsPerHour: points },
  })
  const here = async () => {
    setLocating(true)
    try {
      setPoint(await locate())
    } catch (e) {
      void Taro.showToast({ title: e instanceof SiteProblem ? '无法获取位置' : '定位失败', icon: 'none' })
    } finally {
      setLocating(false)
    }
  }
  const submit = () =>
    void form
      .submit(() =>
        publishActivity({
          activityId,
          communityId,
          title,
          description,
          category,
          place: { name: placeName, latitude: point!.latitude, longitude: point!.longitude, radiusM },
          startAt,
          endAt,
          signUpDeadline: new Date(Math.max(Date.now() + 60_000, Date.parse(startAt) - deadline)).toISOString(),
          capacity: Number(capacity),
          pointsPerHour: Number(points),
          audience,
          ...(unitId ? { unitId } : {}),
        }),
      )
      .then((a) => a && void Taro.redirectTo({ url: withQuery(VPAGES.activity, { activityId: a.activityId }) }))
  const chip = (active: boolean, label: string, className: string, onClick: () => void) => (
    <View
      key={label}
      className={`chip ${className} ${active ? 'is-active' : ''}`}
      {...a11y('radio', { checked: active })}
      onClick={onClick}
    >
      <Text>{label}</Text>
    </View>
  )
  const err = (f: Field) => form.errors[f] && <Text className={`field-error field-error--${f}`}>{form.errors[f]}</Text>
  return (
    <View className="card publish-form">
      {form.formError && <View className="alert publish-error">{form.formError}</View>}
      <View className="field">
        <Text className="field__label">标题</Text>
        <Input
          className="field__input publish-title"
          value={title}
          maxlength={30}
          placeholder="如：周末楼道清理"
          onInput={(e) => setTitle(e.detail.value)}
        />
        {err('title')}
      </View>
      <View className="field">
        <Text className="field__label">类别</Text>
        {categories.map((c) => chip(category === c, categoryLabels[c], `publish-category--${c}`, () => setCategory(c)))}
      </View>
      <View className="field">
        <Text className="field__label">活动内容</Text>
        <Textarea
          className="field__textarea publish-description"
          value={description}
          maxlength={1000}
          placeholder="做什么、需要带什么、在哪里集合"
          onInput={(e) => setDescription(e.detail.value)}
        />
        {err('description')}
      </View>
      <View className="field">
        <Text className="field__label">地点与签到范围</Text>
        <Input
          className="field__input publish-place-name"
          value={placeName}
          maxlength={40}
          placeholder="如：阳光花园1号楼门口"
          onInput={(e) => setPlaceName(e.detail.value)}
        />
        <Button small kind="ghost" busy={locating} className="publish-locate" onClick={() => void here()}>
          {point ? '已定位，重新定位' : '使用我现在的位置'}
        </Button>
        {RADII.map((r) => chip(radiusM === r, `${r}米内可签到`, `publish-radius--${r}`, () => setRadius(r)))}
        {err('place')}
      </View>
      <View className="field">
        <Text className="field__label">时间</Text>
        <Picker mode="date" value={date} start={beijingDate()} onChange={(e) => setDate(String(e.detail.value))}>
          <View className="chip publish-date" {...a11y('button')}>
            日期 {date}
          </View>
        </Picker>
        <Picker mode="time" value={start} onChange={(e) => setStart(String(e.detail.value))}>
          <View className="chip publish-start" {...a11y('button')}>
            开始 {start}
          </View>
        </Picker>
        <Picker mode="time" value={end} onChange={(e) => setEnd(String(e.detail.value))}>
          <View className="chip publish-end" {...a11y('button')}>
            结束 {end}
          </View>
        </Picker>
        {err('startAt')}
        {err('endAt')}
        <Text className="field__label">报名截止</Text>
        {DEADLINES.map((d) => chip(deadline === d.ms, d.label, 'publish-deadline', () => setDeadline(d.ms)))}
      </View>
      <View className="field">
        <Text className="field__label">名额（人）</Text>
        <Input
          className="field__input publish-capacity"
          type="number"
          value={capacity}
          onInput={(e) => setCapacity(e.detail.value)}
        />
        {err('capacity')}
      </View>
      <View className="field">
        <Text className="field__label">每服务1小时得积分</Text>
        <Input
          className="field__input publish-points"
          type="number"
          value={points}
          onInput={(e) => setPoints(e.detail.value)}
        />
        {err('pointsPerHour')}
      </View>
      <View className="field">
        <Text className="field__label">谁可以报名</Text>
        {chip(audience === 'all', '党员和居民志愿者', 'publish-audience--all', () => setAudience('all'))}
        {chip(audience === 'members', '仅在职党员', 'publish-audience--members', () => setAudience('members'))}
      </View>
      {units.length > 0 && (
        <View className="field">
          <Text className="field__label">组织单位（选填）</Text>
          {chip(!unitId, '社区', 'publish-unit--none', () => setUnitId(''))}
          {units.map((u) => chip(unitId === u.unitId, u.name, 'publish-unit', () => setUnitId(u.unitId)))}
        </View>
      )}
      <SubmitButton submitting={form.submitting} className="publish-submit" onClick={submit}>
        发布活动
      </SubmitButton>
    </View>
  )
}
