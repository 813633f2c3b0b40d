import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input, Textarea, Picker } from '@tarojs/components'
import type { Me } from '@contracts/identity'
import type { Wish, WishCategory } from '@contracts/microWishes'
import { wishCategoryLabels } from '@contracts/microWishes'
import { SubmitButton } from '../../../../components/ui/Button'
import { PhotoField, usePhotos } from '../../../../components/photos'
import { useSubmit, zodFieldErrors, type FieldErrors } from '../../../../components/useSubmit'
import { householdLabel } from '../../../../components/me'
import { a11y } from '../../../../lib/a11y'
import { beijingDate, formatDate } from '../../../../lib/time'
import { postWish, reviseWish, revisionBodySchema, wishBodySchema } from '../../../../services/api/microWishes'
import { newClientId } from '../../../../services/clientId'
import { PAGES, withQuery } from '../../../../services/nav'
import { prefetchSubscriptions, requestConsent } from '../../../../services/subscribe'
import { OnBehalfFields, type OnBehalfErrors, type OnBehalfValue } from './OnBehalfFields'

type Field = 'householdId' | 'onBehalf' | 'title' | 'text' | 'categoryId' | 'photoKeys' | 'wantedBy'
const DAY = 86_400_000
const inDays = (n: number) => beijingDate(Date.now() + n * DAY)
const QUICK = [7, 14, 30] as const
const categories = Object.entries(wishCategoryLabels) as [WishCategory, string][]

/** The wish: for whom, what and why, its kind, by when, up to three photos; 提交心愿 (or, revising, 重新提交). */
export function WishForm(props: {
  me: Me
  wish?: Wish
  onBehalf: boolean
  grids: { buildings: { buildingId: string; name: string }[] }[]
  communityId?: string
  openLimit?: number
}) {
  const { me, wish, onBehalf } = props
  const [householdId, setHouseholdId] = useState(me.households[0]?.householdId ?? '')
  const [behalf, setBehalf] = useState<OnBehalfValue>({
    buildingId: '',
    unit: '',
    room: '',
    residentName: '',
    residentPhone: '',
  })
  const [title, setTitle] = useState(wish?.title ?? '')
  const [text, setText] = useState(wish?.text ?? '')
  const [categoryId, setCategoryId] = useState<WishCategory | ''>(wish?.categoryId ?? '')
  const [wantedBy, setWantedBy] = useState(wish?.wantedBy ?? inDays(14))
  const photos = usePhotos(3, wish?.photos ?? [])
  const [clientId] = useState(newClientId)
  useEffect(() => prefetchSubscriptions(props.communityId), [props.communityId])

  const onBehalfBody = () => ({
    buildingId: behalf.buildingId || undefined,
    unit: behalf.unit.trim() || undefined,
    room: behalf.room.trim() || undefined,
    residentName: behalf.residentName,
    ...(behalf.residentPhone.trim() ? { residentPhone: behalf.residentPhone.trim() } : {}),
  })
  const base = { title, text, categoryId, photoKeys: photos.keys, wantedBy }
  const body = () =>
    wish
      ? base
      : {
          ...base,
          wishId: clientId,
          ...(onBehalf ? { onBehalf: onBehalfBody() } : me.households.length > 1 ? { householdId } : {}),
        }
  const parsed = () => (wish ? revisionBodySchema.safeParse(base) : wishBodySchema.safeParse(body()))
  const behalfErrors: OnBehalfErrors = {}
  const validate = (): FieldErrors<Field> => {
    const result = parsed()
    const errors = zodFieldErrors<Field>(result.error)
    for (const issue of result.error?.issues ?? [])
      if (issue.path[0] === 'onBehalf' && issue.path[1])
        behalfErrors[issue.path[1] as keyof OnBehalfValue] ??= issue.message
    if (onBehalf && !behalf.buildingId) behalfErrors.buildingId = '请选择楼栋'
    if (onBehalf && Object.keys(behalfErrors).length) errors.onBehalf = '请补全居民信息'
    if (photos.uploading) errors.photoKeys = '照片还在上传，请稍候'
    else if (photos.failed) errors.photoKeys = '有照片上传失败，请重试或删除'
    return errors
  }
  const form = useSubmit<Field>({
    validate,
    values: { householdId, onBehalf: behalf, title, text, categoryId, photoKeys: photos.keys, wantedBy },
  })
  // useSubmit ran validate() for this render, which filled behalfErrors: shown once the form has been tried.
  const shownBehalf: OnBehalfErrors = form.errors.onBehalf ? behalfErrors : {}

  const submit = () =>
    form.submit(async () => {
      // Within the tap (WeChat's rule): ask to hear when the grid worker has checked it and who claims it.
      const consent = requestConsent(['wish'], props.communityId)
      const saved = wish
        ? await reviseWish(wish.wishId, revisionBodySchema.parse(base))
        : await postWish(wishBodySchema.parse(body()))
      await consent.answered
      void Taro.redirectTo({ url: withQuery(PAGES.wish, { wishId: saved.wishId, created: '1' }) })
      return saved
    })

  const { errors } = form
  return (
    <View>
      {wish?.returnNote && <View className="alert post-return-note">网格员退回意见：{wish.returnNote}</View>}
      {form.formError && <View className="alert post-error">{form.formError}</View>}
      <View className="card">
        {onBehalf && (
          <OnBehalfFields
            buildings={props.grids.flatMap((g) => g.buildings)}
            value={behalf}
            errors={shownBehalf}
            onChange={setBehalf}
          />
        )}
        {!onBehalf && !wish && me.households.length > 1 && (
          <View className="field">
            <Text className="field__label">为哪一户发布</Text>
            <View className="chips" {...a11y('radiogroup', { label: '房屋' })}>
              {me.households.map((h) => (
                <View
                  key={h.householdId}
                  className={`chip post-household ${householdId === h.householdId ? 'is-active' : ''}`}
                  {...a11y('radio', { checked: householdId === h.householdId })}
                  onClick={() => setHouseholdId(h.householdId)}
                >
                  <Text>{householdLabel(h)}</Text>
                </View>
              ))}
            </View>
          </View>
        )}
        <View className="field">
          <Text className="field__label">想要什么</Text>
          <Input
            className="field__input post-title"
            type="text"
            placeholder="例如：想要一个助行器（2–30字）"
            maxlength={30}
            value={title}
            onInput={(e) => setTitle(e.detail.value)}
          />
          {errors.title && <Text className="field-error field-error--title">{errors.title}</Text>}
        </View>
        <View className="field">
          <Text className="field__label">为什么需要</Text>
          <Textarea
            className="field__textarea post-text"
            placeholder="家里的情况、为什么需要（5–500字）"
            maxlength={500}
            value={text}
            onInput={(e) => setText(e.detail.value)}
          />
          {errors.text && <Text className="field-error field-error--text">{errors.text}</Text>}
        </View>
        <View className="field">
          <Text className="field__label">心愿类别</Text>
          <View className="chips" {...a11y('radiogroup', { label: '心愿类别' })}>
            {categories.map(([id, label]) => (
              <View
                key={id}
                className={`chip post-category post-category--${id} ${categoryId === id ? 'is-active' : ''}`}
                {...a11y('radio', { checked: categoryId === id })}
                onClick={() => setCategoryId(id)}
              >
                <Text>{label}</Text>
              </View>
            ))}
          </View>
          {errors.categoryId && <Text className="field-error field-error--categoryId">{errors.categoryId}</Text>}
        </View>
        <View className="field">
          <Text className="field__label">希望什么时候前实现</Text>
          <View className="chips post-when">
            {QUICK.map((n) => (
              <View
                key={n}
                className={`chip post-when--${n} ${wantedBy === inDays(n) ? 'is-active' : ''}`}
                {...a11y('radio', { checked: wantedBy === inDays(n) })}
                onClick={() => setWantedBy(inDays(n))}
              >
                <Text>{n === 30 ? '一个月内' : n === 14 ? '两周内' : '一周内'}</Text>
              </View>
            ))}
          </View>
          <Picker
            mode="date"
            value={wantedBy}
            start={inDays(1)}
            end={inDays(180)}
            onChange={(e) => setWantedBy(String(e.detail.value))}
          >
            <View
              className="picker-field post-wanted-by"
              {...a11y('button', { label: `希望实现的日期：${formatDate(wantedBy)}，点击修改` })}
            >
              {formatDate(wantedBy)}（点此选择其他日期）
            </View>
          </Picker>
          {errors.wantedBy && <Text className="field-error field-error--wantedBy">{errors.wantedBy}</Text>}
        </View>
        <View className="field">
          <Text className="field__label">照片（选填，最多3张）</Text>
          <PhotoField photos={photos} prefix="post" />
          {errors.photoKeys && <Text className="field-error field-error--photoKeys">{errors.photoKeys}</Text>}
        </View>
        <SubmitButton
          submitting={form.submitting}
          disabled={photos.uploading}
          className="post-submit"
          onClick={() => void submit()}
        >
          {wish ? '重新提交' : '提交心愿'}
        </SubmitButton>
        <Text className="muted post-hint">
          提交后由网格员电话或上门核实，再发布到心愿墙；心愿墙上只显示姓氏，不显示门牌和电话。
          {props.openLimit ? `每户同时最多 ${props.openLimit} 个心愿。` : ''}
        </Text>
      </View>
    </View>
  )
}
