import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Input, Textarea } from '@tarojs/components'
import type { Category, DeliberationSettings, Matter } from '@contracts/deliberation'
import type { Me } from '@contracts/identity'
import { ErrorState, Loading } from '../../../../components/StateView'
import { useAsync } from '../../../../components/useAsync'
import { PhotoField, usePhotos } from '../../../../components/photos'
import { proposableScopes, type ScopeChoice } from '../../../../components/matter'
import { getDeliberationSettings, getMatter, proposalBodySchema, proposeMatter, reviseMatter, revisionBodySchema } from '../../../../services/api/deliberation'
import { getMe } from '../../../../services/api/identity'
import { ApiError, fieldErrors, messageOf } from '../../../../services/http'
import { PAGES, currentUrl, withQuery } from '../../../../services/nav'
import { isLoggedIn } from '../../../../services/session'
import { prefetchSubscriptions, requestConsent } from '../../../../services/subscribe'
import { newClientId } from '../../../../services/clientId'
import './index.scss'

type Field = 'scope' | 'categoryId' | 'title' | 'text' | 'photoKeys'

/** The contract's limits, shown as counters. */
const TITLE_MAX = 40
const TEXT_MAX = 2000

interface FormData {
  me: Me
  settings: DeliberationSettings
  matter?: Matter
}

/**
 * 居民提议: a resident proposes a matter for their building, compound or community, with a category from the
 * community's 六议 list, a title, text and up to nine photos. With `matterId` it revises a returned matter.
 */
export default function ProposePage() {
  const { params } = useRouter()
  const matterId = params.matterId ? String(params.matterId) : undefined
  const loggedIn = isLoggedIn()
  useEffect(() => {
    if (!loggedIn) void Taro.redirectTo({ url: withQuery(PAGES.login, { redirect: currentUrl() }) })
  }, [loggedIn])

  const data = useAsync<FormData | null>(
    async () => {
      const [me, matter] = await Promise.all([getMe(), matterId ? getMatter(matterId) : Promise.resolve(undefined)])
      const communityId = matter?.communityId ?? me.households[0]?.communityId
      if (!communityId) return null
      const settings = await getDeliberationSettings(communityId)
      return { me, settings, ...(matter ? { matter } : {}) }
    },
    [matterId],
    loggedIn,
  )

  if (!loggedIn) return <Loading text="请先登录…" />
  if (data.loading) return <Loading />
  if (data.error) {
    return (
      <View className="page">
        <ErrorState message={data.error} onRetry={data.reload} />
      </View>
    )
  }
  if (!data.data) {
    return (
      <View className="page">
        <View className="state propose-unbound">
          <View className="state__icon">!</View>
          <Text className="state__title">请先绑定房屋</Text>
          <Text className="state__text">只有绑定了房屋的居民才能就本楼、本小区或本社区的事务提议。扫描楼道里的网格连心服务卡即可申请绑定。</Text>
          <View className="btn btn--primary btn--small propose-bind-link" onClick={() => void Taro.navigateTo({ url: PAGES.bind })}>
            去绑定房屋
          </View>
        </View>
      </View>
    )
  }
  if (data.data.matter && !data.data.matter.can.includes('revise')) {
    return (
      <View className="page">
        <ErrorState title="无法修改" message="只有提议人可以修改被退回的议题" />
      </View>
    )
  }
  return <ProposeForm me={data.data.me} settings={data.data.settings} matter={data.data.matter} />
}

function ProposeForm({ me, settings, matter }: { me: Me; settings: DeliberationSettings; matter?: Matter }) {
  const scopes = proposableScopes(me)
  const [scope, setScope] = useState<ScopeChoice | undefined>(scopes.length === 1 ? scopes[0] : undefined)
  const [categoryId, setCategoryId] = useState(matter?.categoryId ?? '')
  const [title, setTitle] = useState(matter?.title ?? '')
  const [text, setText] = useState(matter?.text ?? '')
  const photos = usePhotos(9, matter?.photos ?? [])
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [formError, setFormError] = useState<string>()
  const [submitting, setSubmitting] = useState(false)
  // Made once for this form: a double tap or a retry sends the same id and gets the first matter back.
  const [clientId] = useState(newClientId)

  // The community the matter belongs to: where the proposer's notifications come from.
  const communityId =
    matter?.communityId ??
    me.households.find((h) => scope && [h.buildingId, h.compoundId, h.communityId].includes(scope.id))?.communityId ??
    me.households[0]?.communityId
  useEffect(() => prefetchSubscriptions(communityId), [communityId])

  const category: Category | undefined = settings.categories.find((c) => c.categoryId === categoryId)
  const excluded = category?.kind === 'exclude'
  const excludedText = (c: Category) => `“${c.name}”属于「不议」事项，不能提交议事${c.reason ? `：${c.reason}` : ''}`

  const submit = async () => {
    if (submitting) return
    setFormError(undefined)
    const local: Partial<Record<Field, string>> = {}
    if (!matter && !scope) local.scope = '请选择议事范围'
    if (!category)
      local.categoryId = matter && categoryId === matter.categoryId ? `原类别「${matter.categoryName}」已不在社区的议事清单中，请重新选择` : '请选择议题类别'
    if (photos.uploading) local.photoKeys = '照片还在上传，请稍候'
    else if (photos.failed) local.photoKeys = '有照片上传失败，请重试或删除'
    const body = { categoryId, title, text, photoKeys: photos.keys }
    // The contract's own rules: the same Chinese messages the API would send, without the round trip.
    const parsed = matter
      ? revisionBodySchema.safeParse(body)
      : proposalBodySchema.safeParse({ ...body, matterId: clientId, scope: scope ? { type: scope.type, id: scope.id } : undefined })
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field
        if (!local[field]) local[field] = issue.message
      }
    }
    setErrors(local)
    if (category && excluded) {
      // Refused at once, as the server would (matter.excludedCategory), with the list's own reason.
      setFormError(excludedText(category))
      return
    }
    if (Object.keys(local).length > 0 || !parsed.success) return

    setSubmitting(true)
    // WeChat opens its subscribe dialog only within the tap, before anything asynchronous: ask now, alongside the
    // submission, so the proposer hears how the matter goes. Never throws; the dialog is the only wait it adds.
    const consent = requestConsent(['progress', 'community'], communityId)
    try {
      const saved = matter
        ? await reviseMatter(matter.matterId, revisionBodySchema.parse(body))
        : await proposeMatter(proposalBodySchema.parse({ ...body, matterId: clientId, scope: scope && { type: scope.type, id: scope.id } }))
      await consent.answered
      void Taro.redirectTo({ url: withQuery(PAGES.matter, { matterId: saved.matterId, created: matter ? undefined : '1' }) })
    } catch (e) {
      setErrors(fieldErrors(e) as Partial<Record<Field, string>>)
      if (!(e instanceof ApiError && e.status === 401)) setFormError(messageOf(e))
    } finally {
      setSubmitting(false)
    }
  }

  return (
    <View className="page propose-page">
      {matter?.returnNote && (
        <View className="alert propose-return-note">
          <Text className="propose-return-note__label">两委退回意见：</Text>
          {matter.returnNote}
        </View>
      )}
      {formError && <View className="alert propose-error">{formError}</View>}

      <View className="card">
        <View className="field">
          <Text className="field__label">议事范围</Text>
          {matter ? (
            <Text className="propose-scope-fixed">{matter.scope.name}</Text>
          ) : (
            <View className="propose-scopes">
              {scopes.map((s) => (
                <View
                  key={`${s.type}:${s.id}`}
                  className={`chip propose-scope propose-scope--${s.type} ${scope?.type === s.type && scope.id === s.id ? 'is-active' : ''}`}
                  data-scope-id={s.id}
                  onClick={() => {
                    setScope(s)
                    setErrors((e) => ({ ...e, scope: undefined }))
                  }}
                >
                  {s.label} · {s.name}
                </View>
              ))}
            </View>
          )}
          {errors.scope && <Text className="field-error field-error--scope">{errors.scope}</Text>}
        </View>

        <View className="field">
          <Text className="field__label">议题类别（六议六不议）</Text>
          <View className="propose-categories">
            {settings.categories.map((c) => (
              <View
                key={c.categoryId}
                className={`chip propose-category propose-category--${c.categoryId} ${c.kind === 'exclude' ? 'propose-category--excluded' : ''} ${categoryId === c.categoryId ? 'is-active' : ''}`}
                onClick={() => {
                  setCategoryId(c.categoryId)
                  setFormError(undefined)
                  setErrors((e) => ({ ...e, categoryId: undefined }))
                }}
              >
                {c.kind === 'exclude' && <Text className="propose-category__mark">不议</Text>}
                {c.name}
              </View>
            ))}
          </View>
          {category && excluded && <Text className="field-error propose-category-reason">{excludedText(category)}</Text>}
          {errors.categoryId && <Text className="field-error field-error--categoryId">{errors.categoryId}</Text>}
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

        <View className={`btn btn--primary btn--block propose-submit ${submitting || photos.uploading ? 'btn--loading' : ''}`} onClick={() => void submit()}>
          {submitting ? '提交中…' : matter ? '重新提交审议' : '提交提议'}
        </View>
        {!matter && settings.secondsNeeded > 0 && (
          <Text className="muted propose-hint">提交后需有 {settings.secondsNeeded} 位范围内的居民附议，才会转两委审议。</Text>
        )}
      </View>
    </View>
  )
}
