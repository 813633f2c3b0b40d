import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input, Textarea } from '@tarojs/components'
import type { DeliberationSettings, Matter } from '@contracts/deliberation'
import type { Me } from '@contracts/identity'
import { SubmitButton } from '../../../../components/ui/Button'
import { PhotoField, usePhotos } from '../../../../components/photos'
import { useSubmit, zodFieldErrors, type FieldErrors } from '../../../../components/useSubmit'
import { proposableScopes, type ScopeChoice } from '../../../../components/matter'
import { a11y } from '../../../../lib/a11y'
import {
  proposalBodySchema,
  proposeMatter,
  reviseMatter,
  revisionBodySchema,
} from '../../../../services/api/deliberation'
import { newClientId } from '../../../../services/clientId'
import { PAGES, withQuery } from '../../../../services/nav'
import { prefetchSubscriptions, requestConsent } from '../../../../services/subscribe'
import { CategoryChoices, ExcludedInfo } from './Categories'

type Field = 'scope' | 'categoryId' | 'title' | 'text' | 'photoKeys'

/** The contract's limits, shown as counters. */
const TITLE_MAX = 40
const TEXT_MAX = 2000

/** The form: scope, a 六议 category (the 六不议 as information), title, text, photos; 提交提议 or, revising, 重新提交审议. */
export function ProposeForm({ me, settings, matter }: { me: Me; settings: DeliberationSettings; matter?: Matter }) {
  const scopes = proposableScopes(me)
  const [scope, setScope] = useState<ScopeChoice | undefined>(scopes.length === 1 ? scopes[0] : undefined)
  const [categoryId, setCategoryId] = useState(matter?.categoryId ?? '')
  const [title, setTitle] = useState(matter?.title ?? '')
  const [text, setText] = useState(matter?.text ?? '')
  const photos = usePhotos(9, matter?.photos ?? [])
  // Made once for this form: a double tap or a retry sends the same id and gets the first matter back.
  const [clientId] = useState(newClientId)

  const deliberate = settings.categories.filter((c) => c.kind === 'deliberate')
  const excluded = settings.categories.filter((c) => c.kind === 'exclude')
  const category = deliberate.find((c) => c.categoryId === categoryId)

  // The community the matter belongs to: where the proposer's notifications come from.
  const communityId =
    matter?.communityId ??
    me.households.find((h) => scope && [h.buildingId, h.compoundId, h.communityId].includes(scope.id))?.communityId ??
    me.households[0]?.communityId
  useEffect(() => prefetchSubscriptions(communityId), [communityId])

  const body = { categoryId, title, text, photoKeys: photos.keys }
  const validate = (): FieldErrors<Field> => {
    // The contract's own rules: the same Chinese messages the API would send, without the round trip.
    const parsed = matter
      ? revisionBodySchema.safeParse(body)
      : proposalBodySchema.safeParse({
          ...body,
          matterId: clientId,
          scope: scope && { type: scope.type, id: scope.id },
        })
    const errors = zodFieldErrors<Field>(parsed.error)
    if (!matter && !scope) errors.scope = '请选择议事范围'
    if (!category)
      errors.categoryId =
        matter && categoryId === matter.categoryId
          ? `原类别「${matter.categoryName}」已不在社区的议事清单中，请重新选择`
          : '请选择议题类别'
    if (photos.uploading) errors.photoKeys = '照片还在上传，请稍候'
    else if (photos.failed) errors.photoKeys = '有照片上传失败，请重试或删除'
    return errors
  }
  const form = useSubmit<Field>({ validate, values: { scope, categoryId, title, text, photoKeys: photos.keys } })

  const submit = () =>
    form.submit(async () => {
      // WeChat opens its subscribe dialog only within the tap, before anything asynchronous: ask now, alongside the
      // submission, so the proposer hears how the matter goes. Never throws; the dialog is the only wait it adds.
      const consent = requestConsent(['progress', 'community'], communityId)
      const saved = matter
        ? await reviseMatter(matter.matterId, revisionBodySchema.parse(body))
        : await proposeMatter(
            proposalBodySchema.parse({
              ...body,
              matterId: clientId,
              scope: scope && { type: scope.type, id: scope.id },
            }),
          )
      await consent.answered
      void Taro.redirectTo({
        url: withQuery(PAGES.matter, { matterId: saved.matterId, created: matter ? undefined : '1' }),
      })
      return saved
    })

  const { errors } = form
  return (
    <View>
      {matter?.returnNote && (
        <View className="alert propose-return-note">
          <Text className="propose-return-note__label">两委退回意见：</Text>
          {matter.returnNote}
        </View>
      )}
      {form.formError && <View className="alert propose-error">{form.formError}</View>}

      <View className="card">
        <View className="field">
          <Text className="field__label">议事范围</Text>
          {matter ? (
            <Text className="propose-scope-fixed">{matter.scope.name}</Text>
          ) : (
            <View className="propose-scopes" {...a11y('radiogroup', { label: '议事范围' })}>
              {scopes.map((s) => {
                const active = scope?.type === s.type && scope.id === s.id
                return (
                  <View
                    key={`${s.type}:${s.id}`}
                    className={`chip propose-scope propose-scope--${s.type} ${active ? 'is-active' : ''}`}
                    data-scope-id={s.id}
                    {...a11y('radio', { checked: active })}
                    onClick={() => setScope(s)}
                  >
                    <Text>
                      {s.label} · {s.name}
                    </Text>
                  </View>
                )
              })}
            </View>
          )}
          {errors.scope && <Text className="field-error field-error--scope">{errors.scope}</Text>}
        </View>

        <View className="field">
          <Text className="field__label">议题类别（六议）</Text>
          <CategoryChoices categories={deliberate} value={categoryId} onChange={setCategoryId} />
          {errors.categoryId && <Text className="field-error field-error--categoryId">{errors.categoryId}</Text>}
          <ExcludedInfo categories={excluded} />
        </View>

        <View className="field">
          <View className="field__label-row">
            <Text className="field__label">标题</Text>
            <Text className={`counter ${title.trim().length > TITLE_MAX ? 'counter--over' : ''}`}>
              {title.trim().length}/{TITLE_MAX}
            </Text>
          </View>
          <Input
            className="field__input propose-title"
            type="text"
            placeholder="用一句话说明要议的事（4–40字）"
            maxlength={TITLE_MAX}
            value={title}
            onInput={(e) => setTitle(e.detail.value)}
          />
          {errors.title && <Text className="field-error field-error--title">{errors.title}</Text>}
        </View>

        <View className="field">
          <View className="field__label-row">
            <Text className="field__label">具体内容</Text>
            <Text className={`counter ${text.trim().length > TEXT_MAX ? 'counter--over' : ''}`}>
              {text.trim().length}/{TEXT_MAX}
            </Text>
          </View>
          <Textarea
            className="field__textarea propose-text"
            placeholder="现状、影响到谁、您的建议（10–2000字）"
            maxlength={TEXT_MAX}
            value={text}
            onInput={(e) => setText(e.detail.value)}
          />
          {errors.text && <Text className="field-error field-error--text">{errors.text}</Text>}
        </View>

        <View className="field">
          <Text className="field__label">照片（选填，最多9张）</Text>
          <PhotoField photos={photos} prefix="propose" />
          {errors.photoKeys && <Text className="field-error field-error--photoKeys">{errors.photoKeys}</Text>}
        </View>

        <SubmitButton
          submitting={form.submitting}
          disabled={photos.uploading}
          className="propose-submit"
          onClick={() => void submit()}
        >
          {matter ? '重新提交审议' : '提交提议'}
        </SubmitButton>
        {!matter && settings.secondsNeeded > 0 && (
          <Text className="muted propose-hint">
            提交后需有 {settings.secondsNeeded} 位范围内的居民附议，才会转两委审议。
          </Text>
        )}
      </View>
    </View>
  )
}
